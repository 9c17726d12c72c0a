// SCM integrations of the caller (a GitHub Enterprise or self-hosted GitLab
// instance and a token for it), one per instance; repository links of the
// caller's applications authenticate with them.
import { randomUUID } from 'node:crypto';
import type { Handlers } from '@scalingo-openapi/server';
import type { Doc } from '../store/documents.js';
import { isoDate } from '../store/values.js';
import { type Context, invalid, notFound, type Principal, userRef } from './context.js';
import { familyHandlers, refuse, userParent } from './family.js';

export function scmIntegrationHandlers(ctx: Context): NonNullable<Handlers<Principal>['scmIntegrations']> {
  const family = familyHandlers<Doc>(ctx, {
    resource: 'scm_integration',
    plural: 'scm_integrations',
    idParam: 'scm_integration_id',
    store: ctx.scmIntegrations,
    parent: userParent,
    create(input, parent) {
      let url: URL;
      try {
        url = new URL(String(input.url));
      } catch {
        return refuse(invalid('url', 'is not a valid URL'));
      }
      if (url.protocol !== 'https:') return refuse(invalid('url', 'must use https'));
      const base = url.origin;
      if (ctx.scmIntegrations.list(parent.id).some((i) => i.scm_type === input.scm_type && i.url === base))
        return refuse(invalid('url', 'has already been taken'));
      const { username, email } = parent.user;
      return {
        id: randomUUID(),
        scm_type: input.scm_type,
        url: base,
        created_at: isoDate(),
        uid: String(Math.abs(hash(`${base}/${username}`)) % 100_000),
        username,
        avatar_url: `${base}/uploads/avatar/${username}.png`,
        email,
        profile_url: `${base}/${username}`,
        owner: userRef(parent.user),
      };
    },
  });
  // What only the SCM instance could answer stays the documented example; the integration must exist.
  const exists = (request: { auth: Principal; params: { scm_integration_id: string } }) =>
    ctx.scmIntegrations.get(request.auth.user.id, request.params.scm_integration_id) !== undefined;
  return {
    ...(family as never as NonNullable<Handlers<Principal>['scmIntegrations']>),
    // The sandbox's SCM instances hold no keys: there is nothing to import.
    importKeys(request) {
      return exists(request) ? { status: 201, body: { keys: [] } } : notFound('scm_integration');
    },
  };
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) | 0;
  return h;
}
