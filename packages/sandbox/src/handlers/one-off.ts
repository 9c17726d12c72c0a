// One-off containers (`POST /apps/{app}/run`): each run writes its `run`
// event. A detached run starts at once; an attached one answers the operation
// to poll, which carries, once `done`, the URL a terminal would attach to.
// The sandbox runs no command and serves no terminal: that URL is on the
// reserved `.invalid` domain, so nothing can mistake it for a live one.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { isoDate, objectId } from '../store/values.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

/** How many one-off containers an application may have at a time (the limit `apps.run` documents). */
const ONE_OFF_LIMIT = 10;

export const attachUrl = (operationId: string) => `https://one-off.sandbox.invalid/attach/${operationId}`;

export function oneOffHandlers(ctx: Context): Pick<AppsHandlers<Principal>, 'run'> {
  return {
    run({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const { command, detached = false, size = 'M' } = body as { command: string; detached?: boolean; size?: string };
      if (ctx.operations.running(app.id, 'run') >= ONE_OFF_LIMIT)
        return invalid('command', `cannot run: the application already has ${ONE_OFF_LIMIT} one-off containers`);
      const { operationId, index } = transaction(ctx, () => {
        ctx.events.append({ app, user: auth.user, type: 'run', typeData: { command, detached } });
        return { index: ctx.operations.count(app.id, 'run') + 1, operationId: ctx.operations.start(app.id, 'run') };
      });
      const container = {
        id: objectId(),
        type: 'one-off',
        type_index: index,
        created_at: isoDate(ctx.now()),
        deleted_at: null,
        state: detached ? 'running' : 'booting',
        size,
        command,
        app_id: app.id,
      };
      if (detached) return { status: 200, body: { container } };
      const operationUrl = `${ctx.origin()}/v1/apps/${app.name}/operations/${operationId}`;
      return {
        status: 200,
        headers: { Location: operationUrl },
        body: { container, operation_url: operationUrl, operation: operationId },
      };
    },
  };
}
