// Child applications: created under a parent, owned by the parent's owner,
// named like any application, deleted with their parent.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { presentApp } from '../present.js';
import type { AppRow } from '../store/apps.js';
import type { UserRow } from '../store/users.js';
import { appOf, type Context, invalid, notFound, type Principal, pageParams, transaction } from './context.js';
import { projectOfApp } from './projects.js';

/** Creates a child of `parent` in the caller's transaction, with its `new_app` event. */
export function createChildApp(ctx: Context, parent: AppRow, user: UserRow, name: string): AppRow {
  const owner = ctx.users.byId(parent.owner_id)!;
  const child = ctx.apps.create(owner, { name, stack_id: parent.doc.stack_id }, parent.id);
  ctx.containers.addType(child.id, 'web');
  for (const variable of ctx.variables.list(parent.id)) ctx.variables.set(child.id, variable.name, variable.value);
  ctx.events.append({ app: child, user, type: 'new_app', typeData: {} });
  return child;
}

export function presentChild(ctx: Context, child: AppRow, parent: AppRow) {
  const owner = ctx.users.byId(child.owner_id)!;
  return { ...presentApp(child, owner, child.doc.status, projectOfApp(ctx, child)), parent_app_name: parent.name };
}

export function childAppHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['childApps']> {
  return {
    list({ auth, params, query }) {
      const parent = appOf(ctx, auth, params.app);
      if (!parent) return notFound('app');
      const all = ctx.apps.children(parent.id);
      const { page, perPage } = pageParams(query);
      return {
        status: 200,
        body: { child_apps: all.slice((page - 1) * perPage, page * perPage).map((c) => presentChild(ctx, c, parent)) },
      } as never;
    },
    create({ auth, params, body }) {
      const parent = appOf(ctx, auth, params.app);
      if (!parent) return notFound('app');
      if (parent.parent_id) return invalid('app', 'is itself a child application');
      if (ctx.apps.nameTaken(body.app.name)) return invalid('name', 'is already taken');
      const child = transaction(ctx, () => createChildApp(ctx, parent, auth.user, body.app.name));
      return { status: 201, body: { app: presentChild(ctx, child, parent) } } as never;
    },
  };
}
