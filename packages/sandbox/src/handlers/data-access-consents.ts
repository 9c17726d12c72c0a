// The support team's access consent of an application: granted, moved and
// withdrawn by the application's users; each deadline in the future and at
// most 30 days ahead. The application's own `data_access_consent` shows it.
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { AppRow } from '../store/apps.js';
import type { ConsentDoc } from '../store/data-access-consents.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

const MAX_DAYS = 30;
const KINDS = ['containers_until', 'databases_until'] as const;

/** The first deadline out of bounds, as a 422; undefined when all are fine. */
function checkDeadlines(input: Partial<Record<(typeof KINDS)[number], string | null>>, now = Date.now()) {
  for (const kind of KINDS) {
    const value = input[kind];
    if (value === undefined || value === null) continue;
    const at = Date.parse(value);
    if (at <= now) return invalid(kind, 'must be in the future');
    if (at > now + MAX_DAYS * 86_400_000) return invalid(kind, `must be at most ${MAX_DAYS} days ahead`);
  }
  return undefined;
}

/** What `GET /apps/{app}` shows of the consent. */
export function consentOf(ctx: Context, app: AppRow): { data_access_consent?: ConsentDoc } {
  const consent = ctx.dataAccessConsents.of(app.id);
  if (!consent) return {};
  const { id: _id, ...shown } = consent;
  return { data_access_consent: shown as ConsentDoc };
}

export function dataAccessConsentHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['dataAccessConsent']> {
  const present = ({ id: _id, ...consent }: ConsentDoc) => consent;
  return {
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      if (ctx.dataAccessConsents.of(app.id)) return invalid('app', 'already has a consent: change it instead');
      const input = body.data_access_consent;
      const refused = checkDeadlines(input);
      if (refused) return refused;
      const consent: ConsentDoc = {
        id: app.id,
        app_id: app.id,
        user_id: auth.user.id,
        containers_until: input.containers_until ?? null,
        databases_until: input.databases_until ?? null,
      };
      const ends = [consent.containers_until, consent.databases_until].filter((d): d is string => d !== null).sort();
      transaction(ctx, () => {
        ctx.dataAccessConsents.put(app.id, consent);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'create_data_access_consent',
          typeData: {
            end_at: ends.at(-1),
            containers: consent.containers_until !== null,
            databases: consent.databases_until !== null,
          },
        });
      });
      return { status: 201, body: { data_access_consent: present(consent) as never } };
    },
    update({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const consent = ctx.dataAccessConsents.of(app.id);
      if (!consent) return notFound('data_access_consent');
      const input = body.data_access_consent;
      const refused = checkDeadlines(input);
      if (refused) return refused;
      const changed = { ...consent, ...input, user_id: auth.user.id } as ConsentDoc;
      transaction(ctx, () => ctx.dataAccessConsents.put(app.id, changed));
      return { status: 200, body: { data_access_consent: present(changed) as never } };
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const deleted = transaction(ctx, () => ctx.dataAccessConsents.delete(app.id, app.id));
      return deleted ? { status: 204 } : notFound('data_access_consent');
    },
  };
}
