// Containers: the formation, scale and restart (202 + Location to an
// operation that moves to done), the running containers.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { presentFormation } from '../present.js';
import type { AppRow } from '../store/apps.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';
import { attachUrl } from './one-off.js';

export function containerHandlers(ctx: Context) {
  const location = (app: AppRow, operationId: string) =>
    `${ctx.origin()}/v1/apps/${app.name}/operations/${operationId}`;

  const containers: NonNullable<AppsHandlers<Principal>['containers']> = {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app
        ? { status: 200, body: { containers: ctx.containers.formation(app.id).map(presentFormation) } }
        : notFound('app');
    },
  };

  const ps: NonNullable<AppsHandlers<Principal>['ps']> = {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const state = ctx.operations.active(app.id) ? 'booting' : 'running';
      const running = ctx.containers.formation(app.id).flatMap((f) =>
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
    const formation = ctx.containers.formation(app.id);
    const unknown = body.containers.find((c) => !formation.some((f) => f.name === c.name));
    if (unknown) return invalid('containers', `${unknown.name} is not a process type of the application`);
    const operationId = transaction(ctx, () => {
      const previous = Object.fromEntries(formation.map((f) => [f.name, f.amount]));
      for (const change of body.containers) ctx.containers.set(app.id, change.name, change.amount, change.size);
      const now = Object.fromEntries(ctx.containers.formation(app.id).map((f) => [f.name, f.amount]));
      ctx.events.append({
        app,
        user: auth.user,
        type: 'scale',
        typeData: { previous_containers: previous, containers: now },
      });
      return ctx.operations.start(app.id, 'scale');
    });
    return {
      status: 202,
      headers: { Location: location(app, operationId) },
      body: { containers: ctx.containers.formation(app.id).map(presentFormation) },
    };
  };

  const restart: AppsHandlers<Principal>['restart'] = ({ auth, params, body }) => {
    const app = appOf(ctx, auth, params.app);
    if (!app) return notFound('app');
    // One name may come as a plain string (the JS client); events always carry a list.
    const scope = typeof body?.scope === 'string' ? [body.scope] : (body?.scope ?? null);
    const operationId = transaction(ctx, () => {
      ctx.events.append({ app, user: auth.user, type: 'restart', typeData: { scope, reason: 'user_restart' } });
      return ctx.operations.start(app.id, 'restart');
    });
    return { status: 202, headers: { Location: location(app, operationId) } };
  };

  const operations: NonNullable<AppsHandlers<Principal>['operations']> = {
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const operation = ctx.operations.get(app.id, params.operation_id);
      if (!operation) return notFound('operation');
      // A one-off container can be attached to once its operation is done.
      if (operation.type === 'run' && operation.status === 'done')
        operation.attach_url = attachUrl(String(operation.id));
      return { status: 200, body: { operation: operation as never } };
    },
  };

  return { containers, ps, scale, restart, operations };
}
