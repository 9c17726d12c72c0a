// Environment variables, custom domains and collaborators of an application.
import type { AppsHandlers, Handlers } from '@scalingo-openapi/server';
import { presentApp, presentCollaborator, presentVariable } from '../present.js';
import type { AppRow } from '../store/apps.js';
import { objectId } from '../store/values.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

interface DomainDoc {
  id: string;
  name: string;
  ssl: boolean;
  canonical: boolean;
  letsencrypt_enabled: boolean;
  letsencrypt: boolean;
  letsencrypt_status: 'pending_dns';
}

export function variableHandlers(ctx: Context): AppsHandlers<Principal>['variables'] {
  return {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app
        ? { status: 200, body: { variables: ctx.resources.variables(app.id).map(presentVariable) } }
        : notFound('app');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      if (ctx.resources.variableByName(app.id, body.variable.name))
        return invalid('name', 'is already taken, update the variable instead');
      const { row } = transaction(ctx, () => {
        const result = ctx.resources.setVariable(app.id, body.variable.name, body.variable.value);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'new_variable',
          typeData: { name: body.variable.name, value: body.variable.value },
        });
        return result;
      });
      return { status: 201, body: { variable: presentVariable(row) } };
    },
    bulkUpdate({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const rows = transaction(ctx, () =>
        body.variables.map((v) => {
          const { row, previous } = ctx.resources.setVariable(app.id, v.name, v.value);
          ctx.events.append(
            previous
              ? {
                  app,
                  user: auth.user,
                  type: 'edit_variable',
                  typeData: { name: v.name, value: v.value, old_value: previous.value },
                }
              : { app, user: auth.user, type: 'new_variable', typeData: { name: v.name, value: v.value } },
          );
          return row;
        }),
      );
      return { status: 200, body: { variables: rows.map(presentVariable) } };
    },
    update({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const existing = ctx.resources.variable(app.id, params.variable_id);
      if (!existing) return notFound('variable');
      const { row } = transaction(ctx, () => {
        const result = ctx.resources.setVariable(app.id, existing.name, body.variable.value);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'edit_variable',
          typeData: { name: existing.name, value: body.variable.value, old_value: existing.value },
        });
        return result;
      });
      return { status: 200, body: { variable: presentVariable(row) } };
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const deleted = transaction(ctx, () => {
        const row = ctx.resources.deleteVariable(app.id, params.variable_id);
        if (row)
          ctx.events.append({
            app,
            user: auth.user,
            type: 'delete_variable',
            typeData: { name: row.name, value: row.value },
          });
        return row;
      });
      return deleted ? { status: 204 } : notFound('variable');
    },
    bulkDelete({ auth, params, query, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      // The IDs come in the JSON body (the reference, the JS client) or in the query.
      const ids = body?.variable_ids ?? query.variable_ids ?? [];
      const deleted: string[] = [];
      transaction(ctx, () => {
        for (const variableId of ids) {
          const row = ctx.resources.deleteVariable(app.id, variableId);
          if (!row) continue;
          deleted.push(variableId);
          ctx.events.append({
            app,
            user: auth.user,
            type: 'delete_variable',
            typeData: { name: row.name, value: row.value },
          });
        }
      });
      return { status: 200, body: { variable_ids: deleted } };
    },
  };
}

export function domainHandlers(ctx: Context): AppsHandlers<Principal>['domains'] {
  const find = (app: AppRow, domainId: string) => ctx.resources.doc<DomainDoc>('domains', app.id, domainId);
  return {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app
        ? { status: 200, body: { domains: ctx.resources.docs<DomainDoc>('domains', app.id) } }
        : notFound('app');
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
      if (ctx.resources.domainTaken(body.domain.name)) return invalid('name', 'is already used by an application');
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
        ctx.resources.putDoc('domains', app.id, domain);
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
        ctx.resources.putDoc('domains', app.id, domain);
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
        ctx.resources.deleteDoc('domains', app.id, domain.id);
        ctx.events.append({ app, user: auth.user, type: 'delete_domain', typeData: { hostname: domain.name } });
      });
      return { status: 204 };
    },
  };
}

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
        ? { status: 200, body: { collaborators: ctx.apps.collaborators(app.id).map(present(app)) } }
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
        const invited = ctx.apps.invite(app.id, body.collaborator.email, isLimited);
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
      const row = transaction(ctx, () =>
        ctx.apps.updateCollaborator(app.id, params.collaborator_id, body.collaborator.is_limited),
      );
      return row ? { status: 200, body: { collaborator: present(app)(row) } } : notFound('collaborator');
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const row = transaction(ctx, () => {
        const removed = ctx.apps.removeCollaborator(app.id, params.collaborator_id);
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
        const accepted = ctx.apps.accept(query.token, auth.user);
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
