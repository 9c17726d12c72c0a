// Custom domains of an application; a hostname is used by one application at most.
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { AppRow } from '../store/apps.js';
import type { DomainDoc } from '../store/domains.js';
import { objectId } from '../store/values.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

export function domainHandlers(ctx: Context): AppsHandlers<Principal>['domains'] {
  const find = (app: AppRow, domainId: string) => ctx.domains.get(app.id, domainId);
  return {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app ? { status: 200, body: { domains: ctx.domains.list(app.id) } } : notFound('app');
    },
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const domain = find(app, params.domain_id);
      return domain ? { status: 200, body: { domain } } : notFound('domain');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      if (ctx.domains.taken(body.domain.name)) return invalid('name', 'is already used by an application');
      const ssl = Boolean(body.domain.tlscert && body.domain.tlskey);
      const domain: DomainDoc = {
        id: objectId(),
        name: body.domain.name.toLowerCase(),
        ssl,
        canonical: body.domain.canonical ?? false,
        letsencrypt_enabled: body.domain.letsencrypt_enabled ?? true,
        letsencrypt: false,
        letsencrypt_status: 'pending_dns',
      };
      transaction(ctx, () => {
        ctx.domains.put(app.id, domain);
        ctx.events.append({ app, user: auth.user, type: 'new_domain', typeData: { hostname: domain.name, ssl } });
      });
      return { status: 201, body: { domain } };
    },
    update({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const domain = find(app, params.domain_id);
      if (!domain) return notFound('domain');
      const oldSsl = domain.ssl;
      if (body.domain.tlscert !== undefined && body.domain.tlskey !== undefined)
        domain.ssl = Boolean(body.domain.tlscert && body.domain.tlskey);
      if (body.domain.canonical !== undefined) domain.canonical = body.domain.canonical;
      if (body.domain.letsencrypt_enabled !== undefined) domain.letsencrypt_enabled = body.domain.letsencrypt_enabled;
      transaction(ctx, () => {
        ctx.domains.put(app.id, domain);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'edit_domain',
          typeData: { hostname: domain.name, ssl: domain.ssl, old_ssl: oldSsl },
        });
      });
      return { status: 200, body: { domain } };
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const domain = find(app, params.domain_id);
      if (!domain) return notFound('domain');
      transaction(ctx, () => {
        ctx.domains.delete(app.id, domain.id);
        ctx.events.append({ app, user: auth.user, type: 'delete_domain', typeData: { hostname: domain.name } });
      });
      return { status: 204 };
    },
  };
}
