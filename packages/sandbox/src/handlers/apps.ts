// Applications: create (with the naming and free-trial rules), list, retrieve,
// update settings or owner, rename, delete. Each action appends its event.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { presentApp } from '../present.js';
import type { AppRow } from '../store/apps.js';
import {
  appOf,
  type Context,
  invalid,
  notFound,
  type Principal,
  paymentRequired,
  transaction,
  userRef,
} from './context.js';
import { consentOf } from './data-access-consents.js';
import { projectFor, projectOfApp } from './projects.js';
import { reviewAppDeleted } from './scm-repo-link.js';

export function appHandlers(
  ctx: Context,
): Omit<
  AppsHandlers<Principal>,
  'variables' | 'domains' | 'collaborators' | 'addons' | 'deployments' | 'containers' | 'ps' | 'operations' | 'events'
> {
  const present = (app: AppRow) => ({
    ...presentApp(app, ctx.users.byId(app.owner_id)!, statusOf(ctx, app), projectOfApp(ctx, app)),
    ...consentOf(ctx, app),
  });
  return {
    list({ auth }) {
      return { status: 200, body: { apps: ctx.apps.visible(auth.user).map(present) } };
    },
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app ? { status: 200, body: { app: present(app) } } : notFound('app');
    },
    create({ auth, body, headers }) {
      const { name } = body.app;
      if (ctx.apps.nameTaken(name)) return invalid('name', 'is already taken');
      // Without a payment method, an account may own one application.
      if (!ctx.users.byId(auth.user.id)!.payment_method && ctx.apps.ownedCount(auth.user.id) >= 1)
        return paymentRequired('to create another application');
      if (headers['X-Dry-Run'] === true) {
        const preview: AppRow = {
          id: 'dry-run',
          parent_id: null,
          name,
          owner_id: auth.user.id,
          created_at: new Date().toISOString(),
          doc: {
            status: 'new',
            force_https: false,
            sticky_session: false,
            router_logs: false,
            stack_id: body.app.stack_id ?? 'default',
            updated_at: new Date().toISOString(),
            last_deployed_at: null,
            last_deployed_by: null,
            last_deployment_id: null,
          },
        };
        return { status: 201, body: { app: presentApp(preview, auth.user) } };
      }
      const project = transaction(ctx, () => projectFor(ctx, auth.user, body.app.project_id));
      if ('status' in project) return project;
      const app = transaction(ctx, () => {
        const created = ctx.apps.create(auth.user, { ...body.app, project_id: project.id });
        ctx.containers.addType(created.id, 'web');
        ctx.events.append({
          app: created,
          user: auth.user,
          type: 'new_app',
          typeData: body.app.git_source ? { git_source: body.app.git_source } : {},
        });
        return created;
      });
      return { status: 201, body: { app: present(app) } };
    },
    update({ auth, params, body, query }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const change = body.app as Record<string, unknown>;
      if (typeof change.owner === 'string') {
        if (query.current_name !== undefined && query.current_name !== app.name)
          return invalid('current_name', 'does not match the name of the application');
        if (app.owner_id !== auth.user.id) return invalid('owner', 'can only be changed by the current owner');
        const newOwner = ctx.users.byEmail(change.owner);
        const collaborates =
          newOwner && ctx.collaborators.list(app.id).some((c) => c.user_id === newOwner.id && c.status === 'accepted');
        if (!newOwner || !collaborates) return invalid('owner', 'must be a collaborator of the application');
        transaction(ctx, () => {
          ctx.collaborators.swapOwner(app.id, auth.user, newOwner);
          app.owner_id = newOwner.id;
          ctx.apps.save(app);
          ctx.events.append({
            app,
            user: auth.user,
            type: 'transfer_app',
            typeData: { old_owner: userRef(auth.user), new_owner: userRef(newOwner) },
          });
        });
        return { status: 200, body: { app: present(app) } };
      }
      if (typeof change.project_id === 'string') {
        // Only the owner's own projects can hold the application.
        if (!ctx.projects.get(app.owner_id, change.project_id))
          return invalid('project_id', 'is not a project of the owner of the application');
        app.doc.project_id = change.project_id;
      }
      const previousStack = app.doc.stack_id;
      for (const key of ['force_https', 'sticky_session', 'router_logs', 'stack_id'] as const) {
        if (change[key] !== undefined) (app.doc as unknown as Record<string, unknown>)[key] = change[key];
      }
      transaction(ctx, () => {
        ctx.apps.save(app);
        if (app.doc.stack_id !== previousStack)
          ctx.events.append({
            app,
            user: auth.user,
            type: 'stack_changed',
            typeData: { previous_stack_id: previousStack, current_stack_id: app.doc.stack_id },
          });
      });
      return { status: 200, body: { app: present(app) } };
    },
    rename({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      if (body.current_name !== app.name) return invalid('current_name', 'does not match the name of the application');
      if (ctx.apps.nameTaken(body.new_name)) return invalid('new_name', 'is already taken');
      const oldName = app.name;
      app.name = body.new_name;
      transaction(ctx, () => {
        ctx.apps.save(app);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'rename_app',
          typeData: { old_name: oldName, new_name: app.name },
        });
      });
      return { status: 200, body: { app: present(app) } };
    },
    delete({ auth, params, query }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      if (query.current_name !== app.name) return invalid('current_name', 'does not match the name of the application');
      transaction(ctx, () => {
        reviewAppDeleted(ctx, app, auth.user);
        ctx.apps.delete(app.id);
      });
      return { status: 204 };
    },
  };
}

/** `scaling`/`restarting` while an operation runs, else what was stored. */
export function statusOf(ctx: Context, app: AppRow): string {
  const active = ctx.operations.active(app.id);
  if (active === 'scale') return 'scaling';
  if (active === 'restart') return 'restarting';
  return app.doc.status;
}
