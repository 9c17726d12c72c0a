// What moves on its own in the sandbox: before each request, every lifecycle
// whose time has come on the sandbox's clock is brought to its end, with the
// event the reference lists for it, in one transaction. So any read — the
// deployment, the application, a timeline — sees what has happened by then,
// in the order it happened.
import type { DeploymentRow } from '../store/deployments.js';
import { isoDate } from '../store/values.js';
import { type Context, transaction } from './context.js';

export function settleDue(ctx: Context): void {
  const due = ctx.deployments.due();
  if (due.length === 0) return;
  transaction(ctx, () => {
    for (const deployment of due) finishDeployment(ctx, deployment);
  });
}

/** A deployment's end: its document, the application's last deployment, its `deployment` event. */
function finishDeployment(ctx: Context, deployment: DeploymentRow): void {
  const app = ctx.apps.byId(deployment.appId);
  if (!app) return;
  const pusher = deployment.doc.pusher as { id: string; username: string };
  const durationS = Math.max(1, Math.round((deployment.endsMs - deployment.startsMs) / 1000));
  const finishedAt = isoDate(deployment.endsMs);
  const doc: Record<string, unknown> & { id: string } = {
    ...deployment.doc,
    id: String(deployment.doc.id),
    status: deployment.outcome,
    finished_at: finishedAt,
    duration: durationS,
  };
  ctx.deployments.settle(doc);
  if (deployment.outcome === 'success') {
    Object.assign(app.doc, {
      status: 'running',
      last_deployed_at: doc.created_at,
      last_deployed_by: pusher.username,
      last_deployment_id: doc.id,
    });
    ctx.apps.save(app);
    if (!ctx.containers.formation(app.id).some((f) => f.amount > 0)) ctx.containers.set(app.id, 'web', 1, undefined);
  }
  ctx.events.append({
    app,
    user: ctx.users.byId(pusher.id),
    at: deployment.endsMs,
    type: 'deployment',
    typeData: {
      deployment_id: doc.id,
      deployment_type: doc.type === 'archive' ? 'archive' : 'deployment',
      pusher: pusher.username,
      // The event's git_ref is a string: a deployment from an archive may have none.
      ...(typeof doc.git_ref === 'string' ? { git_ref: doc.git_ref } : {}),
      status: deployment.outcome,
      duration: durationS,
      finished_at: finishedAt,
    },
  });
}
