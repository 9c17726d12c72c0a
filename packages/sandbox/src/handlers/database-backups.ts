// Backups and maintenance of a database, with the states the platform moves
// them through, and the events it writes on the application's timeline as
// they move (`plan_`/`start_`/`complete_database_maintenance`,
// `database_backup_succeeded`). The sandbox moves them when they are looked
// at: each read moves one state on (scheduled → running → done), so a client
// that polls sees the whole lifecycle, deterministically.
import type { AddonDoc } from '../store/addons.js';
import type { Doc } from '../store/documents.js';
import { isoDate, objectId } from '../store/values.js';
import { type Context, notFound, paginate, transaction } from './context.js';
import { type DatabaseRequest, rootedLike, withDatabase } from './databases.js';
import type { EventInput } from './family.js';

type Lifecycle = 'scheduled' | 'running' | 'done';
type Step = (doc: Doc, now: number) => Doc;

/** The document one step further in its lifecycle, stored with the event of the step (by the platform: no user). */
function advance(
  ctx: Context,
  store: Context['databaseBackups'],
  addon: AddonDoc,
  doc: Doc,
  step: Step,
  event: (next: Doc, database: Doc | undefined) => EventInput | undefined,
) {
  const next = step(doc, ctx.now());
  if (next === doc) return doc;
  store.put(addon.id, next);
  const app = ctx.apps.byId(addon.app_id);
  const happened = event(next, ctx.databases.get(addon.id, addon.id));
  if (app && happened) ctx.events.append({ app, ...happened });
  return next;
}

const backupStep: Step = (backup, now) => {
  const status = backup.status as Lifecycle;
  if (status === 'scheduled') return { ...backup, status: 'running', started_at: isoDate(now), size: 0 };
  if (status === 'running') return { ...backup, status: 'done', size: 7_340_032 };
  return backup;
};

const maintenanceStep: Step = (maintenance, now) => {
  const status = maintenance.status as Lifecycle;
  if (status === 'scheduled') return { ...maintenance, status: 'running', started_at: isoDate(now) };
  if (status === 'running') return { ...maintenance, status: 'done', ended_at: isoDate(now) };
  return maintenance;
};

const MAINTENANCE_EVENT: Record<string, string> = {
  scheduled: 'plan_database_maintenance',
  running: 'start_database_maintenance',
  done: 'complete_database_maintenance',
};

interface Window {
  weekday_utc: number;
  starting_hour_utc: number;
  duration_in_hour: number;
}

/** The start of the next maintenance window after `now`. */
export function nextWindow(window: Window, now: number): string {
  const start = new Date(now);
  start.setUTCHours(window.starting_hour_utc, 0, 0, 0);
  const days = (window.weekday_utc - start.getUTCDay() + 7) % 7;
  start.setUTCDate(start.getUTCDate() + days);
  if (start.getTime() <= now) start.setUTCDate(start.getUTCDate() + 7);
  return isoDate(start.getTime());
}

/** The event of a maintenance in the state it has reached. */
function maintenanceEvent(addon: AddonDoc, now: number) {
  return (maintenance: Doc, database: Doc | undefined): EventInput | undefined => {
    const type = MAINTENANCE_EVENT[String(maintenance.status)];
    if (!type) return undefined;
    const window = database?.maintenance_window as Window | undefined;
    return {
      type,
      typeData: {
        maintenance_id: maintenance.id,
        addon_name: addon.addon_provider.name,
        maintenance_type: maintenance.type,
        ...(window
          ? { maintenance_window_in_hours: window.duration_in_hour, next_maintenance_window: nextWindow(window, now) }
          : {}),
      },
    };
  };
}

/** The event of a backup that has just ended (the backup itself keeps no end date). */
function backupEvent(addon: AddonDoc, now: number) {
  return (backup: Doc): EventInput | undefined =>
    backup.status === 'done'
      ? {
          type: 'database_backup_succeeded',
          typeData: {
            addon_name: addon.addon_provider.name,
            resource_id: addon.resource_id,
            addon_uuid: addon.id,
            backup_id: backup.id,
            backup_status: 'done',
            started_at: backup.started_at,
            ended_at: isoDate(now),
          },
        }
      : undefined;
}

/** Plans the next maintenance of a new database at its window (in the caller's transaction). */
export function planMaintenance(ctx: Context, addon: AddonDoc, database: Doc): void {
  const maintenance: Doc = {
    id: objectId(),
    database_id: addon.id,
    type: 'no-op',
    status: 'scheduled',
    started_at: null,
    ended_at: null,
  };
  ctx.databaseMaintenance.put(addon.id, maintenance);
  const app = ctx.apps.byId(addon.app_id);
  const event = maintenanceEvent(addon, ctx.now())(maintenance, database);
  if (app && event) ctx.events.append({ app, ...event });
}

const backupName = (resourceId: string) => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${resourceId}`;

export function databaseBackupHandlers(ctx: Context) {
  const store = ctx.databaseBackups;
  return {
    list: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const backups = transaction(ctx, () =>
          store.list(addon.id).map((b) => advance(ctx, store, addon, b, backupStep, backupEvent(addon, ctx.now()))),
        );
        return { status: 200, body: { database_backups: backups.reverse() } };
      }),
    create: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const backup: Doc = {
          id: objectId(),
          created_at: isoDate(ctx.now()),
          started_at: null,
          name: backupName(addon.resource_id),
          size: null,
          status: 'scheduled',
          database_id: addon.id,
          method: 'manual',
        };
        transaction(ctx, () => store.put(addon.id, backup));
        return { status: 201, body: { database_backup: backup } };
      }),
    archive: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const backup = store.get(addon.id, request.params.backup_id ?? '');
        // Only a finished backup has an archive to download.
        if (backup?.status !== 'done') return notFound('database_backup');
        return {
          status: 200,
          body: {
            download_url: `${ctx.origin()}/api/databases/${addon.id}/backups/${backup.id}/download?token=bk-${objectId()}`,
          },
        };
      }),
    /** `GET /api/backups/{backup_id}` names no database: the one the token was issued for. */
    retrieve: (request: DatabaseRequest) =>
      withDatabase(
        ctx,
        { ...request, params: { ...request.params, database_id: request.auth.database ?? '' } },
        ({ addon }) => {
          const found = store.get(addon.id, request.params.backup_id ?? '');
          if (!found) return notFound('database_backup');
          const backup = transaction(ctx, () =>
            advance(ctx, store, addon, found, backupStep, backupEvent(addon, ctx.now())),
          );
          return { status: 200, body: rootedLike('db.backups.retrieve', 'database_backup', backup) };
        },
      ),
  };
}

export function databaseMaintenanceHandlers(ctx: Context) {
  const store = ctx.databaseMaintenance;
  return {
    list: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const all = transaction(ctx, () =>
          store
            .list(addon.id)
            .map((m) => advance(ctx, store, addon, m, maintenanceStep, maintenanceEvent(addon, ctx.now()))),
        ).reverse();
        const { items, meta } = paginate(all, request.query, 20);
        return { status: 200, body: { maintenance: items, meta } };
      }),
    retrieve: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const found = store.get(addon.id, request.params.maintenance_id ?? '');
        if (!found) return notFound('maintenance');
        const maintenance = transaction(ctx, () =>
          advance(ctx, store, addon, found, maintenanceStep, maintenanceEvent(addon, ctx.now())),
        );
        return { status: 200, body: rootedLike('db.maintenance.retrieve', 'maintenance', maintenance) };
      }),
  };
}
