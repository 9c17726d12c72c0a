// Projects of the caller: exactly one default project per account (made the
// first time it is needed), `default` moved by making another project the
// default one, never switched off; only an empty project that is not the
// default one can be deleted. Applications and dedicated databases name their project.
import type { ProjectsHandlers } from '@scalingo-openapi/server';
import type { AppRow } from '../store/apps.js';
import type { ProjectDoc } from '../store/projects.js';
import type { UserRow } from '../store/users.js';
import { id, isoDate } from '../store/values.js';
import { type Context, conflict, invalid, notFound, type Principal, userRef } from './context.js';
import { type EventInput, familyHandlers, type Parent, refuse, userParent } from './family.js';
import { defined } from './templates.js';
import { eligibleNewOwners, transferInvitationHandlers } from './transfer-invitations.js';

export function presentProject(project: ProjectDoc, owner: UserRow) {
  return { ...project, owner: { ...userRef(owner), flags: {} } };
}

/** The project an application is in: its own, its parent's for a child application, else the owner's default one. */
export function projectOfApp(ctx: Context, app: AppRow): { id: string; name: string } {
  const named = app.doc.project_id ?? (app.parent_id ? ctx.apps.byId(app.parent_id)?.doc.project_id : undefined);
  const project = (named && ctx.projects.byId(named)?.project) || ctx.projects.defaultOf(app.owner_id);
  return { id: project.id, name: project.name };
}

/** The caller's project of that ID (to put an application or a database in), or their default one. */
export function projectFor(ctx: Context, user: UserRow, projectId: string | undefined) {
  if (projectId === undefined) return ctx.projects.defaultOf(user.id);
  return ctx.projects.get(user.id, projectId) ?? invalid('project_id', 'is not one of your projects');
}

const projectEvent = (type: string, project: ProjectDoc, typeData: Record<string, unknown>): EventInput => ({
  type,
  typeData,
  extra: { project_id: project.id, project_name: project.name },
});

export function projectHandlers(ctx: Context): ProjectsHandlers<Principal> {
  const parent = (_ctx: Context, request: { auth: Principal }): Parent => {
    ctx.projects.defaultOf(request.auth.user.id);
    return userParent(ctx, request as never);
  };
  const family = familyHandlers<ProjectDoc>(ctx, {
    resource: 'project',
    plural: 'projects',
    idParam: 'project_id',
    store: ctx.projects,
    parent,
    create(input) {
      const now = isoDate();
      return {
        id: id('pr'),
        name: String(input.name),
        default: input.default === true,
        created_at: now,
        updated_at: now,
        flags: {},
      };
    },
    update(doc, input) {
      if (doc.default && input.default === false)
        return refuse(invalid('default', 'cannot be switched off: make another project the default one'));
      return { ...doc, ...defined(input, ['name', 'default'] as const), updated_at: isoDate() } as ProjectDoc;
    },
    written(doc, { user }) {
      if (doc.default) ctx.projects.makeDefault(user.id, doc.id);
    },
    undeletable(doc, { user }) {
      if (doc.default)
        return refuse(conflict('The default project cannot be deleted: make another project the default one first'));
      if (ctx.apps.inProject(user.id, doc.id, false).length > 0 || ctx.dedicatedDatabases.count(doc.id) > 0)
        return refuse(conflict('The project still holds resources: delete or move them first'));
      return undefined;
    },
    present: (doc, { user }) => presentProject(doc, user),
    events: {
      create: (doc) => projectEvent('new_project', doc, { default: doc.default }),
      update: (doc, before) =>
        projectEvent('edit_project', doc, {
          updated_values: (['name', 'default'] as const)
            .filter((key) => doc[key] !== before[key])
            .map((key) => ({ name: key, value: doc[key], old_value: before[key] })),
        }),
      delete: (doc) => projectEvent('delete_project', doc, {}),
    },
  });
  const owned = (auth: Principal, projectId: string) => ctx.projects.get(auth.user.id, projectId);
  return {
    ...(family as never as ProjectsHandlers<Principal>),
    eligibleNewOwners: {
      list({ auth, params }) {
        const project = owned(auth, params.project_id);
        if (!project) return notFound('project');
        return {
          status: 200,
          body: {
            eligible_new_owners: eligibleNewOwners(ctx, auth.user.id, project).map((u) => ({
              user_id: u.id,
              user_name: u.username,
            })),
          },
        };
      },
    },
    transferInvitations: transferInvitationHandlers(ctx),
  };
}
