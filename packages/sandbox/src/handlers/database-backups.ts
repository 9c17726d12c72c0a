// Backups and maintenance of a database, with the states the platform moves
// them through. The sandbox has no clock of its own: each time a backup or a
// maintenance is looked at, it moves one state on (scheduled → running → done),
// so a client that polls sees the whole lifecycle.
import type { Doc } from '../store/documents.js';
import { isoDate, objectId } from '../store/values.js';
import { type Context, notFound, paginate, transaction } from './context.js';
import { type DatabaseRequest, rootedLike, withDatabase } from './databases.js';

type Lifecycle = 'scheduled' | 'running' | 'done';

/** The document one step further in its lifecycle, stored. */
function advance(store: Context['databaseBackups'], addonId: string, doc: Doc, step: (d: Doc) => Doc) {
  const next = step(doc);
  if (next !== doc) store.put(addonId, next);
  return next;
}

function backupStep(backup: Doc): Doc {
  const status = backup.status as Lifecycle;
  if (status === 'scheduled') return { ...backup, status: 'running', started_at: isoDate(), size: 0 };
  if (status === 'running') return { ...backup, status: 'done', size: 7_340_032 };
  return backup;
}

function maintenanceStep(maintenance: Doc): Doc {
  const status = maintenance.status as Lifecycle;
  if (status === 'scheduled') return { ...maintenance, status: 'running', started_at: isoDate() };
  if (status === 'running') return { ...maintenance, status: 'done', ended_at: isoDate() };
  return maintenance;
}

/** Plans the next maintenance of a new database at its window. */
export function planMaintenance(ctx: Context, addonId: string): void {
  ctx.databaseMaintenance.put(addonId, {
    id: objectId(),
    database_id: addonId,
    type: 'no-op',
    status: 'scheduled',
    started_at: null,
    ended_at: null,
  });
}

const backupName = (resourceId: string) => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${resourceId}`;

export function databaseBackupHandlers(ctx: Context) {
  const store = ctx.databaseBackups;
  return {
    list: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const backups = transaction(ctx, () =>
          store.list(addon.id).map((b) => advance(store, addon.id, b, backupStep)),
        );
        return { status: 200, body: { database_backups: backups.reverse() } };
      }),
    create: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const backup: Doc = {
          id: objectId(),
          created_at: isoDate(),
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
  };
}

export function databaseMaintenanceHandlers(ctx: Context) {
  const store = ctx.databaseMaintenance;
  return {
    list: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const all = transaction(ctx, () =>
          store.list(addon.id).map((m) => advance(store, addon.id, m, maintenanceStep)),
        ).reverse();
        const { items, meta } = paginate(all, request.query, 20);
        return { status: 200, body: { maintenance: items, meta } };
      }),
    retrieve: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const found = store.get(addon.id, request.params.maintenance_id ?? '');
        if (!found) return notFound('maintenance');
        const maintenance = transaction(ctx, () => advance(store, addon.id, found, maintenanceStep));
        return { status: 200, body: rootedLike('db.maintenance.retrieve', 'maintenance', maintenance) };
      }),
  };
}
