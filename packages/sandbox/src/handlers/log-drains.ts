// Log drains of an application and of its addons: the request names a
// service and its settings, the API answers with the drain's URL, which is
// also how a drain is deleted.
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { AddonDoc } from '../store/addons.js';
import type { AppRow } from '../store/apps.js';
import type { LogDrains } from '../store/log-drains.js';
import { objectId } from '../store/values.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

type Drains = NonNullable<AppsHandlers<Principal>['logDrains']>;
type AddonDrains = NonNullable<NonNullable<AppsHandlers<Principal>['addons']>['logDrains']>;

/** The URL the platform builds for each service, from the fields the reference lists for it. */
export function drainUrl(drain: Record<string, unknown>): string {
  const { type, token, host, port, drain_region: region, url } = drain as Record<string, string | undefined>;
  switch (type) {
    case 'datadog':
      return `datadog://${encodeURIComponent(String(token))}?region=${encodeURIComponent(String(region))}`;
    case 'ovh-graylog':
      return `ovh://:${encodeURIComponent(String(token))}@${host}:6514`;
    case 'papertrail':
      return `papertrail://${host}:${port}`;
    case 'elk':
      return String(url);
    default:
      return `${type}://:${encodeURIComponent(String(token))}@${host}:${port}`;
  }
}

/** A URL the spec's `format: uri` accepts: a scheme, then only URI characters (`%` escapes well formed). */
export function isUri(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/([A-Za-z0-9\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/.test(url);
}

interface Owner {
  app: AppRow;
  addon?: AddonDoc;
  store: LogDrains;
  parentId: string;
}

export function logDrainHandlers(ctx: Context): { app: Drains; addon: AddonDrains } {
  const present = (d: { app_id: string; url: string; addon_uuid?: string }) => ({
    app_id: d.app_id,
    url: d.url,
    ...(d.addon_uuid ? { addon_uuid: d.addon_uuid } : {}),
  });
  const eventData = (owner: Owner, url: string) =>
    owner.addon ? { url, addon_uuid: owner.addon.id, addon_name: owner.addon.addon_provider.name } : { url };

  const list = (owner: Owner) => ({
    status: 200 as const,
    body: { drains: owner.store.list(owner.parentId).map(present) },
  });
  const create = (owner: Owner, principal: Principal, input: Record<string, unknown>) => {
    const url = drainUrl(input);
    if (!isUri(url)) return invalid('drain', 'does not make a valid URL');
    if (owner.store.byUrl(owner.parentId, url)) return invalid('url', 'has already been taken');
    const doc = { id: objectId(), app_id: owner.app.id, url, ...(owner.addon ? { addon_uuid: owner.addon.id } : {}) };
    transaction(ctx, () => {
      owner.store.put(owner.parentId, doc);
      ctx.events.append({
        app: owner.app,
        user: principal.user,
        type: owner.addon ? 'new_addon_log_drain' : 'new_log_drain',
        typeData: eventData(owner, url),
      });
    });
    return { status: 201 as const, body: { drain: present(doc) } };
  };
  const remove = (owner: Owner, principal: Principal, url: string | undefined) => {
    const doc = url ? owner.store.byUrl(owner.parentId, url) : undefined;
    if (!doc) return notFound('log_drain');
    transaction(ctx, () => {
      owner.store.delete(owner.parentId, doc.id);
      ctx.events.append({
        app: owner.app,
        user: principal.user,
        type: owner.addon ? 'delete_addon_log_drain' : 'delete_log_drain',
        typeData: eventData(owner, doc.url),
      });
    });
    return { status: 204 as const };
  };
  /** The URL to delete: the query parameter, or the JSON body the reference sends. */
  const urlOf = (query: { url?: string }, body: unknown) =>
    query.url ?? ((body as { url?: string } | undefined)?.url as string | undefined);

  const appOwner = (principal: Principal, name: string): Owner | undefined => {
    const app = appOf(ctx, principal, name);
    return app ? { app, store: ctx.logDrains, parentId: app.id } : undefined;
  };
  const addonOwner = (principal: Principal, name: string, addonId: string): Owner | 'app' | 'addon' => {
    const app = appOf(ctx, principal, name);
    if (!app) return 'app';
    const addon = ctx.addons.get(app.id, addonId);
    return addon ? { app, addon, store: ctx.addonLogDrains, parentId: addon.id } : 'addon';
  };

  return {
    app: {
      list({ auth, params }) {
        const owner = appOwner(auth, params.app);
        return owner ? list(owner) : notFound('app');
      },
      create({ auth, params, body }) {
        const owner = appOwner(auth, params.app);
        return owner ? (create(owner, auth, body.drain as Record<string, unknown>) as never) : notFound('app');
      },
      delete({ auth, params, query, request }) {
        const owner = appOwner(auth, params.app);
        return owner ? remove(owner, auth, urlOf(query, request.body)) : notFound('app');
      },
    },
    addon: {
      list({ auth, params }) {
        const owner = addonOwner(auth, params.app, params.addon_id);
        return typeof owner === 'string' ? notFound(owner) : list(owner);
      },
      create({ auth, params, body }) {
        const owner = addonOwner(auth, params.app, params.addon_id);
        return typeof owner === 'string'
          ? notFound(owner)
          : (create(owner, auth, body.drain as Record<string, unknown>) as never);
      },
      delete({ auth, params, query, request }) {
        const owner = addonOwner(auth, params.app, params.addon_id);
        return typeof owner === 'string' ? notFound(owner) : remove(owner, auth, urlOf(query, request.body));
      },
    },
  };
}
