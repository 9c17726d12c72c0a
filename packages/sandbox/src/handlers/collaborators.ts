// Collaborators of an application: invitations, and their acceptance by the invitee.
import type { AppsHandlers, Handlers } from '@scalingo-openapi/server';
import { presentApp, presentCollaborator } from '../present.js';
import type { AppRow } from '../store/apps.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

export function collaboratorHandlers(ctx: Context): AppsHandlers<Principal>['collaborators'] {
  const present = (app: AppRow) => (row: Parameters<typeof presentCollaborator>[0]) =>
    presentCollaborator(
      row,
      app,
      row.user_id ? ctx.users.byId(row.user_id) : ctx.users.byEmail(row.email),
      ctx.origin(),
    );
  return {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app
        ? { status: 200, body: { collaborators: ctx.collaborators.list(app.id).map(present(app)) } }
        : notFound('app');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const owner = ctx.users.byId(app.owner_id)!;
      if (owner.email.toLowerCase() === body.collaborator.email.toLowerCase())
        return invalid('email', 'is the owner of the application');
      const isLimited = body.collaborator.is_limited ?? true;
      const row = transaction(ctx, () => {
        const invited = ctx.collaborators.invite(app.id, body.collaborator.email, isLimited);
        if (invited)
          ctx.events.append({
            app,
            user: auth.user,
            type: 'new_collaborator',
            typeData: { collaborator: { email: invited.email, is_limited: isLimited } },
          });
        return invited;
      });
      return row ? { status: 201, body: { collaborator: present(app)(row) } } : invalid('email', 'is already invited');
    },
    update({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const row = transaction(ctx, () => {
        const changed = ctx.collaborators.update(app.id, params.collaborator_id, body.collaborator.is_limited);
        if (changed)
          ctx.events.append({
            app,
            user: auth.user,
            type: 'change_collaborator_role',
            typeData: {
              collaborator: {
                id: changed.id,
                email: changed.email,
                is_limited: changed.is_limited === 1,
              },
            },
          });
        return changed;
      });
      return row ? { status: 200, body: { collaborator: present(app)(row) } } : notFound('collaborator');
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const row = transaction(ctx, () => {
        const removed = ctx.collaborators.remove(app.id, params.collaborator_id);
        if (removed)
          ctx.events.append({
            app,
            user: auth.user,
            type: 'delete_collaborator',
            typeData: { collaborator: { id: removed.id, email: removed.email } },
          });
        return removed;
      });
      return row ? { status: 204 } : notFound('collaborator');
    },
  };
}

export function collaborationHandlers(ctx: Context): Handlers<Principal>['collaborations'] {
  return {
    accept({ auth, query }) {
      const row = transaction(ctx, () => {
        const accepted = ctx.collaborators.accept(query.token, auth.user);
        if (accepted) {
          const app = ctx.apps.find(auth.user, accepted.app_id)!;
          ctx.events.append({
            app,
            user: auth.user,
            type: 'accept_collaborator',
            typeData: {
              collaborator: {
                id: auth.user.id,
                email: auth.user.email,
                username: auth.user.username,
                is_limited: accepted.is_limited === 1,
              },
            },
          });
        }
        return accepted;
      });
      if (!row) return notFound('collaboration');
      const app = ctx.apps.find(auth.user, row.app_id)!;
      return { status: 200, body: { app: presentApp(app, ctx.users.byId(app.owner_id)!) } };
    },
  };
}
