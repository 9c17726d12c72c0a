// `examples: true`: the first user starts with the documents the spec's
// examples name (the application `my-shop-prod`, its notifiers, alerts,
// autoscalers, log drains, addon and repository link, the user's keys, SCM
// integrations, projects with their transfer invitations, dedicated databases
// with their peerings), under the examples' own IDs, so that the reference's requests
// replayed as written find what they refer to.
import { examples } from '@scalingo-openapi/server';
import type { Context } from './handlers/context.js';
import type { Doc, Documents } from './store/documents.js';
import type { UserRow } from './store/users.js';
import { isoDate, objectId } from './store/values.js';

/** Every document of `root` the examples of these operations show (lists and single answers), once per ID. */
function documented(operationIds: string[], root: string): Doc[] {
  const found = new Map<string, Doc>();
  for (const operationId of operationIds) {
    const answers = examples[operationId] ?? {};
    const success = Object.keys(answers).find((status) => status.startsWith('2'));
    const value = (success ? (answers[success]?.body as Record<string, unknown> | undefined) : undefined)?.[root];
    for (const doc of ([] as unknown[]).concat(value ?? []) as Doc[]) {
      const id = doc.id ?? objectId();
      if (!found.has(id)) found.set(id, structuredClone({ ...doc, id }));
    }
  }
  return [...found.values()];
}

export function seedExamples(ctx: Context, user: UserRow): void {
  const example = documented(['apps.retrieve'], 'app')[0]!;
  const app =
    ctx.apps.find(user, String(example.name)) ??
    (() => {
      const created = ctx.apps.create(user, { name: String(example.name) }, undefined, example.id);
      ctx.containers.addType(created.id, 'web');
      return created;
    })();
  const put = (store: Documents<Doc>, parentId: string, docs: Doc[], fill: Record<string, unknown> = {}) => {
    for (const doc of docs) if (!store.get(parentId, doc.id)) store.put(parentId, { ...doc, ...fill });
  };
  const ofApp = { app_id: app.id };

  put(ctx.keys, user.id, documented(['keys.list', 'keys.retrieve'], 'key'));
  put(
    ctx.scmIntegrations,
    user.id,
    documented(['scmIntegrations.list', 'scmIntegrations.retrieve'], 'scm_integration'),
  );
  put(ctx.notifiers, app.id, documented(['apps.notifiers.list', 'apps.notifiers.retrieve'], 'notifier'), {
    ...ofApp,
    app: app.name,
  });
  put(ctx.alerts, app.id, documented(['apps.alerts.list', 'apps.alerts.retrieve'], 'alert'), ofApp);
  put(ctx.autoscalers, app.id, documented(['apps.autoscalers.list', 'apps.autoscalers.retrieve'], 'autoscaler'), ofApp);
  put(ctx.logDrains as never, app.id, documented(['apps.logDrains.list'], 'drains'), ofApp);
  for (const link of documented(['apps.scmRepoLink.retrieve'], 'scm_repo_link')) {
    if (ctx.scmRepoLinks.list(app.id).length > 0) break;
    ctx.scmRepoLinks.put(app.id, { ...link, ...ofApp, source: `https://github.com/${link.owner}/${link.repo}` });
  }
  // The addon the log drain examples name, with its drains.
  const addonId = 'ad-2c8e5f71-0a4b-4d93-b6e2-9f1a3c5d7e80';
  const addons = documented(['apps.addons.list'], 'addons').concat(documented(['apps.addons.retrieve'], 'addon'));
  put(ctx.addons as never as Documents<Doc>, app.id, addons, ofApp);
  if (ctx.addons.get(app.id, addonId))
    put(ctx.addonLogDrains as never, addonId, documented(['apps.addons.logDrains.list'], 'drains'), {
      ...ofApp,
      addon_uuid: addonId,
    });
  seedProjects(ctx, user, put);
}

type Put = (store: Documents<Doc>, parentId: string, docs: Doc[], fill?: Record<string, unknown>) => void;

/** The examples' projects (the first user's default one among them, unless they have one), and what they hold. */
function seedProjects(ctx: Context, user: UserRow, put: Put): void {
  const hasDefault = ctx.projects.list(user.id).some((p) => p.default);
  const projects = documented(['projects.list', 'projects.retrieve', 'projects.create'], 'project').concat(
    documented(['projects.list'], 'projects'),
  );
  for (const { owner: _owner, ...project } of projects)
    put(ctx.projects as never, user.id, [project], hasDefault ? { default: false } : {});
  const projectIds = new Set(ctx.projects.list(user.id).map((p) => p.id));
  for (const invitation of documented(['projects.transferInvitations.list'], 'transfer_invitations'))
    if (projectIds.has(String(invitation.project_id)))
      put(ctx.transferInvitations as never, String(invitation.project_id), [invitation], { inviter_user_id: user.id });
  const databases = documented(['databases.list'], 'databases').concat(documented(['databases.retrieve'], 'database'));
  for (const database of databases)
    if (projectIds.has(String(database.project_id)))
      put(ctx.dedicatedDatabases as never, String(database.project_id), [database], { created_at: isoDate() });
  for (const peering of documented(['databases.netPeerings.list'], 'net_peerings'))
    if (ctx.dedicatedDatabases.visible(user.id).some((d) => d.id === peering.database_id))
      put(ctx.netPeerings as never, String(peering.database_id), [peering]);
}
