// Deployments: created `building`, they finish on their own after a short
// build, and the application records the last one.
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { AppRow } from '../store/apps.js';
import type { UserRow } from '../store/users.js';
import { isoDate, objectId } from '../store/values.js';
import { appOf, type Context, notFound, type Principal, paginate, transaction, userRef } from './context.js';

/** Starts building a deployment of `gitRef` (in the caller's transaction). */
export function startDeployment(ctx: Context, app: AppRow, user: UserRow, gitRef: string | null) {
  const deploymentId = objectId();
  const doc = {
    id: deploymentId,
    app_id: app.id,
    created_at: isoDate(),
    status: 'building',
    git_ref: gitRef,
    pusher: userRef(user),
    links: { output: `${ctx.origin()}/v1/apps/${app.name}/deployments/${deploymentId}/output` },
  };
  ctx.deployments.add(app.id, doc);
  return doc;
}

export function deploymentHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['deployments']> {
  /** Deployments finish on their own after a short build; the first read after that records it. */
  const settle = (app: AppRow, user: Principal['user']) => {
    for (const { doc, doneAt } of ctx.deployments.list(app.id)) {
      if (doc.status !== 'building' || Date.now() < doneAt) continue;
      transaction(ctx, () => {
        Object.assign(doc, { status: 'success', finished_at: isoDate(doneAt), duration: 1 });
        ctx.deployments.save(doc);
        Object.assign(app.doc, {
          status: 'running',
          last_deployed_at: doc.created_at,
          last_deployed_by: (doc.pusher as { username: string }).username,
          last_deployment_id: doc.id,
        });
        ctx.apps.save(app);
        if (!ctx.containers.formation(app.id).some((f) => f.amount > 0))
          ctx.containers.set(app.id, 'web', 1, undefined);
        ctx.events.append({
          app,
          user,
          type: 'deployment',
          typeData: {
            deployment_id: doc.id,
            pusher: (doc.pusher as { username: string }).username,
            // The event's git_ref is a string: a deployment from an archive has none.
            ...(typeof doc.git_ref === 'string' ? { git_ref: doc.git_ref } : {}),
            status: 'success',
            duration: 1,
            finished_at: isoDate(doneAt),
          },
        });
      });
    }
  };

  return {
    list({ auth, params, query }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      settle(app, auth.user);
      const all = ctx.deployments.list(app.id).map((d) => d.doc);
      const { items, meta } = paginate(all, query, 20);
      return { status: 200, body: { deployments: items as never, meta } };
    },
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      settle(app, auth.user);
      const deployment = ctx.deployments.list(app.id).find((d) => d.doc.id === params.deployment_id)?.doc;
      return deployment ? { status: 200, body: { deployment: deployment as never } } : notFound('deployment');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const doc = transaction(ctx, () => startDeployment(ctx, app, auth.user, body.deployment.git_ref ?? null));
      // 201, as the official Go client expects (see openapi/DECISIONS.md).
      return { status: 201, body: { deployment: doc as never } };
    },
  };
}
