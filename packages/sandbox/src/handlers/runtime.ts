// Containers: the formation, scale and restart (202 + Location to an
// operation that moves to done), the running containers, and deployments.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { presentFormation } from '../present.js';
import type { AppRow } from '../store/apps.js';
import { isoDate, objectId } from '../store/values.js';
import { appOf, type Context, invalid, notFound, type Principal, pageParams, transaction, userRef } from './context.js';

export function runtimeHandlers(ctx: Context) {
  const location = (app: AppRow, operationId: string) =>
    `${ctx.origin()}/v1/apps/${app.name}/operations/${operationId}`;

  const containers: NonNullable<AppsHandlers<Principal>['containers']> = {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app
        ? { status: 200, body: { containers: ctx.resources.formation(app.id).map(presentFormation) } }
        : notFound('app');
    },
  };

  const ps: NonNullable<AppsHandlers<Principal>['ps']> = {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const state = ctx.resources.activeOperation(app.id) ? 'booting' : 'running';
      const running = ctx.resources.formation(app.id).flatMap((f) =>
        Array.from({ length: f.amount }, (_, i) => ({
          id: `${f.id}-${i + 1}`,
          type: f.name,
          type_index: i + 1,
          created_at: app.doc.updated_at,
          deleted_at: null,
          state,
          size: f.size,
          command: '',
        })),
      );
      return { status: 200, body: { containers: running } };
    },
  };

  const scale: AppsHandlers<Principal>['scale'] = ({ auth, params, body }) => {
    const app = appOf(ctx, auth, params.app);
    if (!app) return notFound('app');
    const formation = ctx.resources.formation(app.id);
    const unknown = body.containers.find((c) => !formation.some((f) => f.name === c.name));
    if (unknown) return invalid('containers', `${unknown.name} is not a process type of the application`);
    const operationId = transaction(ctx, () => {
      const previous = Object.fromEntries(formation.map((f) => [f.name, f.amount]));
      for (const change of body.containers) ctx.resources.setFormation(app.id, change.name, change.amount, change.size);
      const now = Object.fromEntries(ctx.resources.formation(app.id).map((f) => [f.name, f.amount]));
      ctx.events.append({
        app,
        user: auth.user,
        type: 'scale',
        typeData: { previous_containers: previous, containers: now },
      });
      return ctx.resources.startOperation(app.id, 'scale');
    });
    return {
      status: 202,
      headers: { Location: location(app, operationId) },
      body: { containers: ctx.resources.formation(app.id).map(presentFormation) },
    };
  };

  const restart: AppsHandlers<Principal>['restart'] = ({ auth, params, body }) => {
    const app = appOf(ctx, auth, params.app);
    if (!app) return notFound('app');
    // One name may come as a plain string (the JS client); events always carry a list.
    const scope = typeof body?.scope === 'string' ? [body.scope] : (body?.scope ?? null);
    const operationId = transaction(ctx, () => {
      ctx.events.append({ app, user: auth.user, type: 'restart', typeData: { scope, reason: 'user_restart' } });
      return ctx.resources.startOperation(app.id, 'restart');
    });
    return { status: 202, headers: { Location: location(app, operationId) } };
  };

  const operations: NonNullable<AppsHandlers<Principal>['operations']> = {
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const operation = ctx.resources.operation(app.id, params.operation_id);
      return operation ? { status: 200, body: { operation: operation as never } } : notFound('operation');
    },
  };

  /** Deployments finish on their own after a short build; the first read after that records it. */
  const settle = (app: AppRow, user: Principal['user']) => {
    for (const { doc, doneAt } of ctx.resources.deployments(app.id)) {
      if (doc.status !== 'building' || Date.now() < doneAt) continue;
      transaction(ctx, () => {
        Object.assign(doc, { status: 'success', finished_at: isoDate(doneAt), duration: 1 });
        ctx.resources.saveDeployment(doc);
        Object.assign(app.doc, {
          status: 'running',
          last_deployed_at: doc.created_at,
          last_deployed_by: (doc.pusher as { username: string }).username,
          last_deployment_id: doc.id,
        });
        ctx.apps.save(app);
        if (!ctx.resources.formation(app.id).some((f) => f.amount > 0))
          ctx.resources.setFormation(app.id, 'web', 1, undefined);
        ctx.events.append({
          app,
          user,
          type: 'deployment',
          typeData: {
            deployment_id: doc.id,
            pusher: (doc.pusher as { username: string }).username,
            git_ref: doc.git_ref,
            status: 'success',
            duration: 1,
            finished_at: isoDate(doneAt),
          },
        });
      });
    }
  };

  const deployments: NonNullable<AppsHandlers<Principal>['deployments']> = {
    list({ auth, params, query }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      settle(app, auth.user);
      const all = ctx.resources.deployments(app.id).map((d) => d.doc);
      const { page, perPage } = pageParams(query, 20);
      const totalPages = Math.max(1, Math.ceil(all.length / perPage));
      return {
        status: 200,
        body: {
          deployments: all.slice((page - 1) * perPage, page * perPage) as never,
          meta: {
            pagination: {
              prev_page: page > 1 ? page - 1 : null,
              current_page: page,
              next_page: page < totalPages ? page + 1 : null,
              total_pages: totalPages,
              total_count: all.length,
            },
          },
        },
      };
    },
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      settle(app, auth.user);
      const deployment = ctx.resources.deployments(app.id).find((d) => d.doc.id === params.deployment_id)?.doc;
      return deployment ? { status: 200, body: { deployment: deployment as never } } : notFound('deployment');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const deploymentId = objectId();
      const doc = {
        id: deploymentId,
        app_id: app.id,
        created_at: isoDate(),
        status: 'building',
        git_ref: body.deployment.git_ref ?? null,
        pusher: userRef(auth.user),
        links: { output: `${ctx.origin()}/v1/apps/${app.name}/deployments/${deploymentId}/output` },
      };
      transaction(ctx, () => ctx.resources.addDeployment(app.id, doc));
      return { status: 200, body: { deployment: doc as never } };
    },
  };

  return { containers, ps, scale, restart, operations, deployments };
}
