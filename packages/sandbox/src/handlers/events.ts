// Timelines: per application, and the caller's own (with their applications').
import type { AppsHandlers, Handlers } from '@scalingo-openapi/server';
import { appOf, type Context, notFound, type Principal, pageParams } from './context.js';

export function eventHandlers(ctx: Context): {
  app: NonNullable<AppsHandlers<Principal>['events']>;
  user: Handlers<Principal>['events'];
} {
  return {
    app: {
      list({ auth, params, query }) {
        const app = appOf(ctx, auth, params.app);
        if (!app) return notFound('app');
        const { page, perPage } = pageParams(query);
        const result = ctx.events.forApp(app.id, page, perPage, query.from);
        return { status: 200, body: { events: result.items as never, meta: { pagination: result.pagination } } };
      },
      retrieve({ auth, params }) {
        const app = appOf(ctx, auth, params.app);
        if (!app) return notFound('app');
        const event = ctx.events.ofApp(app.id, params.event_id);
        return event ? { status: 200, body: { event: event as never } } : notFound('event');
      },
    },
    user: {
      list({ auth, query }) {
        const { page, perPage } = pageParams(query);
        const appIds = ctx.apps.visible(auth.user).map((a) => a.id);
        const result = ctx.events.forUser(auth.user.id, appIds, page, perPage);
        return { status: 200, body: { events: result.items as never, meta: { pagination: result.pagination } } };
      },
    },
  };
}
