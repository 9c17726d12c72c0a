// The database API (`/api/databases/{database_id}/…`): every call names a
// database addon of the regional API and carries a token issued for that very
// addon (`POST /apps/{app}/addons/{addon_id}/token`). The database document is
// made from the addon the first time it is asked for; its users, backups and
// maintenance live in their own modules. Operations with no state of their own
// (metrics, logs, actions…) still check the database, then answer their example.

import { examples, type Handlers, routes } from '@scalingo-openapi/server';
import type { AddonDoc } from '../store/addons.js';
import type { Doc } from '../store/documents.js';
import { objectId } from '../store/values.js';
import type { Context, Principal } from './context.js';
import { notFound, transaction } from './context.js';
import { databaseBackupHandlers, databaseMaintenanceHandlers, planMaintenance } from './database-backups.js';
import { databaseFirewallRuleHandlers } from './database-firewall-rules.js';
import { databaseUserHandlers, defaultUser } from './database-users.js';
import { type Answer, isRefusal, type Refusal, refuse } from './family.js';

/** Providers whose addons the database API serves. */
const DATABASE_PROVIDERS = new Set([
  'postgresql',
  'mysql',
  'mongodb',
  'redis',
  'elasticsearch',
  'opensearch',
  'influxdb',
]);

export interface DatabaseRequest {
  auth: Principal;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body?: Record<string, unknown>;
}

export interface Database {
  addon: AddonDoc;
  doc: Doc;
}

const unauthorized: Refusal = refuse({
  status: 401,
  body: { error: 'You are not authenticated: this token was not issued for this database' },
});

/** The database of the path, if the caller's token was issued for it. */
export function databaseOf(ctx: Context, request: DatabaseRequest): Database | Refusal {
  const addon = ctx.addons.byId(request.params.database_id ?? '');
  if (!addon || !DATABASE_PROVIDERS.has(addon.addon_provider.id)) return refuse(notFound('database'));
  if (request.auth.database !== addon.id) return unauthorized;
  const doc = ctx.databases.get(addon.id, addon.id) ?? transaction(ctx, () => provision(ctx, addon, request.auth));
  return { addon, doc };
}

/** The database document of a new database addon, with its default user and first maintenance. */
function provision(ctx: Context, addon: AddonDoc, auth: Principal): Doc {
  const app = ctx.apps.find(auth.user, addon.app_id);
  const host = `${addon.resource_id.replace(/_/g, '-')}.${addon.addon_provider.id}.a.osc-fr1.scalingo-dbs.com`;
  const doc: Doc = {
    id: addon.id,
    resource_id: addon.resource_id,
    app_name: app?.name ?? '',
    created_at: addon.provisioned_at,
    encryption_at_rest: true,
    plan: addon.plan.name,
    status: 'running',
    type_id: objectId(),
    type_name: addon.addon_provider.id,
    version_id: objectId(),
    readable_version: addon.addon_provider.id === 'mysql' ? '8.0.36-1' : '15.6.0-1',
    next_version_id: null,
    hostname: `${host}:30000`,
    instances: [
      { id: crypto.randomUUID(), hostname: `node-1.${host}`, port: 30000, status: 'running', type: 'db-node' },
    ],
    features: [],
    current_operation_id: null,
    cluster: false,
    periodic_backups_enabled: true,
    periodic_backups_scheduled_at: [3],
    maintenance_window: { weekday_utc: 2, starting_hour_utc: 1, duration_in_hour: 8 },
  };
  ctx.databases.put(addon.id, doc);
  ctx.databaseUsers.put(addon.id, defaultUser(addon));
  planMaintenance(ctx, addon, doc);
  return doc;
}

/** Runs `then` on the database of the path, or answers the refusal. */
export function withDatabase(ctx: Context, request: DatabaseRequest, then: (db: Database) => Answer): Answer {
  const database = databaseOf(ctx, request);
  return isRefusal(database) ? database.refused : then(database);
}

interface DatabaseUpdate {
  periodic_backups_enabled?: boolean;
  periodic_backups_scheduled_at?: number;
  maintenance_window?: { weekday_utc?: number; starting_hour_utc?: number };
}

function databaseHandlers(ctx: Context) {
  const update = (request: DatabaseRequest): Answer =>
    withDatabase(ctx, request, ({ addon, doc }) => {
      const input = (request.body?.database ?? {}) as DatabaseUpdate;
      const changed: Doc = { ...doc };
      if (input.periodic_backups_enabled !== undefined)
        changed.periodic_backups_enabled = input.periodic_backups_enabled;
      if (input.periodic_backups_scheduled_at !== undefined)
        changed.periodic_backups_scheduled_at = [input.periodic_backups_scheduled_at];
      if (input.maintenance_window)
        changed.maintenance_window = { ...(doc.maintenance_window as object), ...input.maintenance_window };
      transaction(ctx, () => ctx.databases.put(addon.id, changed));
      return { status: 200, body: { database: changed } };
    });
  return {
    retrieve: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon, doc }) => ({
        status: 200,
        body: { database: settleFeatures(ctx, addon.id, doc) },
      })),
    update,
    replace: update,
  };
}

type Feature = { name: string; status: string };

/** Features move from PENDING_TO_ACTIVATE to ACTIVATED once looked at, as the platform applies them. */
function featureHandlers(ctx: Context) {
  return {
    enable: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon, doc }) => {
        const name = String((request.body?.feature as { name?: string } | undefined)?.name);
        const features = (doc.features as Feature[]).filter((f) => f.name !== name);
        if (name === 'publicly-available' && !features.some((f) => f.name === 'force-ssl'))
          return {
            status: 422,
            body: { errors: { name: ['publicly-available needs force-ssl to be enabled first'] } },
          };
        features.push({ name, status: 'PENDING_TO_ACTIVATE' });
        transaction(ctx, () => {
          ctx.databases.put(addon.id, { ...doc, features });
          featureEvent(ctx, request, addon, 'database/add_feature', name);
        });
        return { status: 200, body: { name, status: 'PENDING_TO_ACTIVATE', message: `${name} is being switched on` } };
      }),
    disable: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon, doc }) => {
        const name = String(request.query.feature);
        const features = (doc.features as Feature[]).filter((f) => f.name !== name);
        transaction(ctx, () => {
          ctx.databases.put(addon.id, { ...doc, features });
          featureEvent(ctx, request, addon, 'database/remove_feature', name);
        });
        return { status: 200, body: { message: `${name} is now off` } };
      }),
  };
}

/** The event of a feature switched on or off, on the addon's application. */
function featureEvent(ctx: Context, request: DatabaseRequest, addon: AddonDoc, type: string, feature: string) {
  const app = ctx.apps.byId(addon.app_id);
  if (!app) return;
  ctx.events.append({
    app,
    user: request.auth.user,
    type,
    typeData: {
      feature,
      addon_provider_name: addon.addon_provider.name,
      addon_provider_id: addon.addon_provider.id,
      addon_uuid: addon.id,
    },
  });
}

/** Settles pending features: what was being switched on is on. */
function settleFeatures(ctx: Context, addonId: string, doc: Doc): Doc {
  const features = doc.features as Feature[];
  if (!features.some((f) => f.status === 'PENDING_TO_ACTIVATE')) return doc;
  const settled = { ...doc, features: features.map((f) => ({ ...f, status: 'ACTIVATED' })) };
  ctx.databases.put(addonId, settled);
  return settled;
}

type HandlerTree = Record<string, Record<string, (request: DatabaseRequest) => Answer>>;

/** Every `db.*` handler; the database-scoped operations the sandbox keeps no state for check the database, then answer their example. */
export function databaseApiHandlers(ctx: Context): Handlers<Principal>['db'] {
  const tree: HandlerTree = {
    databases: databaseHandlers(ctx),
    features: featureHandlers(ctx),
    users: databaseUserHandlers(ctx),
    backups: databaseBackupHandlers(ctx),
    maintenance: databaseMaintenanceHandlers(ctx),
    firewallRules: databaseFirewallRuleHandlers(ctx),
  };
  for (const route of routes) {
    if (route.service !== 'database' || !route.path.includes('{database_id}')) continue;
    const [, group] = route.resource;
    if (!group || tree[group]?.[route.name]) continue;
    tree[group] ??= {};
    tree[group][route.name] = (request) =>
      withDatabase(ctx, request, () => exampleOf(route.id, route.success, request.params.database_id!));
  }
  return tree as never;
}

/** `value` under `key` if the operation's documented answer is rooted there, bare otherwise. */
export function rootedLike(operationId: string, key: string, value: unknown): unknown {
  const example = Object.entries(examples[operationId] ?? {}).find(([status]) => status < '300')?.[1]?.body;
  const rooted = typeof example === 'object' && example !== null && key in example;
  return rooted ? { [key]: value } : value;
}

/** The documented example of a success, about the database of the path. */
function exampleOf(operationId: string, status: number, databaseId: string): Answer {
  const example = examples[operationId]?.[String(status)];
  const text = JSON.stringify(example?.body ?? null).replaceAll(EXAMPLE_DATABASE, databaseId);
  return {
    status,
    ...(example?.body !== undefined ? { body: JSON.parse(text) } : {}),
    headers: { ...(example?.headers ?? {}) },
  };
}

/** The database ID the spec's examples use. */
const EXAMPLE_DATABASE = 'ad-2c8e5f71-0a4b-4d93-b6e2-9f1a3c5d7e80';
