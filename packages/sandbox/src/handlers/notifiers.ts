// Notifiers of an application: a platform of the catalogue (email, Slack,
// webhook…) and the events it is sent; `type_data` must suit the platform.
import { type AppsHandlers, examples } from '@scalingo-openapi/server';
import type { Doc } from '../store/documents.js';
import { id, isoDate } from '../store/values.js';
import { type Context, invalid, type Principal } from './context.js';
import { familyHandlers, refuse } from './family.js';
import { defined } from './templates.js';

interface Platform {
  id: string;
  name: string;
  available_event_ids: string[];
}

/** The notification platforms the sandbox offers: the example answer of `GET /notification_platforms`. */
export function platforms(): Platform[] {
  const body = examples['notificationPlatforms.list']?.['200']?.body as
    | { notification_platforms?: Platform[] }
    | undefined;
  return body?.notification_platforms ?? [];
}

const FIELDS = ['name', 'active', 'send_all_alerts', 'send_all_events', 'selected_event_ids', 'type_data'] as const;

function typeDataProblem(type: string, data: Record<string, unknown>): string | undefined {
  if (type === 'email') return 'webhook_url' in data ? 'an email notifier takes user_ids and emails' : undefined;
  return typeof data.webhook_url === 'string' ? undefined : `a ${type} notifier needs a webhook_url`;
}

export function notifierHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['notifiers']> {
  const handlers = familyHandlers<Doc>(ctx, {
    resource: 'notifier',
    plural: 'notifiers',
    idParam: 'notifier_id',
    store: ctx.notifiers,
    create(input, parent) {
      const platform = platforms().find((p) => p.id === input.platform_id || p.name === input.platform_id);
      if (!platform) return refuse(invalid('platform_id', 'is not a notification platform'));
      const typeData = (input.type_data ?? {}) as Record<string, unknown>;
      const problem = typeDataProblem(platform.name, typeData);
      if (problem) return refuse(invalid('type_data', problem));
      const events = (input.selected_event_ids ?? []) as string[];
      const unknown = events.find((e) => !platform.available_event_ids.includes(e));
      if (unknown)
        return refuse(invalid('selected_event_ids', `${unknown} is not an event type ${platform.name} can send`));
      const now = isoDate();
      return {
        id: id('no'),
        app_id: parent.app!.id,
        app: parent.app!.name,
        name: String(input.name),
        active: input.active ?? true,
        type: platform.name,
        platform_id: platform.id,
        send_all_alerts: input.send_all_alerts ?? false,
        send_all_events: input.send_all_events ?? false,
        selected_event_ids: input.selected_event_ids ?? [],
        type_data: typeData,
        created_at: now,
        updated_at: now,
      } satisfies Doc;
    },
    update(doc, input) {
      const next: Doc = { ...doc, ...defined(input, FIELDS), updated_at: isoDate() };
      const problem = typeDataProblem(String(next.type), next.type_data as Record<string, unknown>);
      return problem ? refuse(invalid('type_data', problem)) : next;
    },
  });
  return {
    ...(handlers as never as NonNullable<AppsHandlers<Principal>['notifiers']>),
    // Nothing is sent from the sandbox: the test succeeds once the notifier exists.
    test(request) {
      const found = handlers.retrieve(request as never);
      return (found.status === 200 ? { status: 204 } : found) as never;
    },
  };
}
