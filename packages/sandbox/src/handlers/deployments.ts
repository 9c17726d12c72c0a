// Deployments: created `building` (`queued` behind the application's previous
// one while it runs), they go through `pushing` and `starting`
// on the sandbox's clock and end in `success` or in the error their `git_ref`
// names (`v2-build-error`…, so that a test can exercise a failed deployment);
// `lifecycles.ts` records the end (event, application). The output grows
// with the phases.
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { AppRow } from '../store/apps.js';
import { type DeploymentOutcome, type DeploymentRow, OUTCOME_PHASE } from '../store/deployments.js';
import type { UserRow } from '../store/users.js';
import { isoDate, objectId } from '../store/values.js';
import { appOf, type Context, notFound, type Principal, paginate, transaction, userRef } from './context.js';
import { deploymentOutput } from './deployment-output.js';

/** The outcome a `git_ref` asks for: one ending in `-build-error` (or being `build-error`) fails the build, `-aborted` aborts… */
export function outcomeOf(gitRef: string | null): DeploymentOutcome {
  const failure = Object.keys(OUTCOME_PHASE).find(
    (outcome) => outcome !== 'success' && (gitRef === outcome || gitRef?.endsWith(`-${outcome}`)),
  );
  return (failure as DeploymentOutcome | undefined) ?? 'success';
}

/** Starts building a deployment of `gitRef` (in the caller's transaction). */
export function startDeployment(
  ctx: Context,
  app: AppRow,
  user: UserRow,
  gitRef: string | null,
  from: 'archive' | 'git' = 'git',
) {
  const deploymentId = objectId();
  const doc = {
    id: deploymentId,
    app_id: app.id,
    created_at: isoDate(ctx.now()),
    finished_at: null,
    status: 'building',
    git_ref: gitRef,
    ...(from === 'archive' ? { type: 'archive' } : {}),
    pusher: userRef(user),
    links: { output: `${ctx.origin()}/v1/apps/${app.name}/deployments/${deploymentId}/output` },
  };
  ctx.deployments.add(app.id, doc, outcomeOf(gitRef));
  return ctx.deployments.present(ctx.deployments.get(app.id, deploymentId)!);
}

export function deploymentHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['deployments']> {
  const withDeployment = (
    request: { auth: Principal; params: { app: string; deployment_id: string } },
    then: (deployment: DeploymentRow) => { status: 200; body: never },
  ) => {
    const app = appOf(ctx, request.auth, request.params.app);
    if (!app) return notFound('app');
    const deployment = ctx.deployments.get(app.id, request.params.deployment_id);
    return deployment ? then(deployment) : notFound('deployment');
  };
  return {
    list({ auth, params, query }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const all = ctx.deployments.list(app.id).map((d) => ctx.deployments.present(d));
      const { items, meta } = paginate(all, query, 20);
      return { status: 200, body: { deployments: items as never, meta } };
    },
    retrieve(request) {
      return withDeployment(request, (d) => ({
        status: 200,
        body: { deployment: ctx.deployments.present(d) } as never,
      }));
    },
    output(request) {
      return withDeployment(request, (d) => ({
        status: 200,
        body: deploymentOutput(d, ctx.deployments.phasesReached(d)) as never,
      }));
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const { git_ref: gitRef, source_url: sourceUrl } = body.deployment as { git_ref?: string; source_url?: string };
      const doc = transaction(ctx, () =>
        startDeployment(ctx, app, auth.user, gitRef ?? null, sourceUrl ? 'archive' : 'git'),
      );
      // 201, as the official Go client expects (see openapi/DECISIONS.md).
      return { status: 201, body: { deployment: doc as never } };
    },
  };
}
