// Alerts of an application: a threshold on a metric of one of its process
// types, sent to notifiers of the same application.
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { Doc } from '../store/documents.js';
import { id, isoDate } from '../store/values.js';
import { type Context, invalid, type Principal } from './context.js';
import { familyHandlers, type Parent, refuse } from './family.js';
import { defined } from './templates.js';

const FIELDS = [
  'container_type',
  'metric',
  'limit',
  'notifiers',
  'send_when_below',
  'duration_before_trigger',
  'remind_every',
  'disabled',
] as const;

/**
 * `remind_every` as the answer holds it, a duration string: the Go client sends a
 * number of nanoseconds on update, shown the way Go prints a duration (`1h30m0s`).
 */
export function reminderOf(value: unknown): unknown {
  if (typeof value !== 'number') return value;
  const seconds = value / 1e9;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = Number((seconds % 60).toFixed(9));
  if (hours) return `${hours}h${minutes}m${rest}s`;
  if (minutes) return `${minutes}m${rest}s`;
  return `${rest}s`;
}

/** The alert attributes of a request, the reminder as a duration string, `null` notifiers as none. */
const changes = (input: Record<string, unknown>) => {
  const set = defined(input, FIELDS);
  if ('remind_every' in set) set.remind_every = reminderOf(set.remind_every);
  if (set.notifiers === null) set.notifiers = [];
  return set;
};

export function alertHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['alerts']> {
  /** The first rule the alert breaks, as the API's 422. */
  const problem = (alert: Doc, parent: Parent) => {
    if (!ctx.containers.formation(parent.id).some((f) => f.name === alert.container_type))
      return invalid('container_type', `${alert.container_type} is not a process type of the application`);
    const notifiers = new Set(ctx.notifiers.list(parent.id).map((n) => n.id));
    const unknown = ((alert.notifiers ?? []) as string[]).find((n) => !notifiers.has(n));
    return unknown ? invalid('notifiers', `${unknown} is not a notifier of the application`) : undefined;
  };
  return familyHandlers<Doc>(ctx, {
    resource: 'alert',
    plural: 'alerts',
    idParam: 'alert_id',
    store: ctx.alerts,
    create(input, parent) {
      const now = isoDate();
      const alert: Doc = {
        id: id('al'),
        app_id: parent.id,
        created_at: now,
        updated_at: now,
        container_type: input.container_type,
        disabled: input.disabled === true,
        metric: input.metric,
        limit: input.limit,
        send_when_below: input.send_when_below ?? false,
        duration_before_trigger: input.duration_before_trigger ?? 0,
        ...(input.remind_every !== undefined ? { remind_every: reminderOf(input.remind_every) } : {}),
        metadata: { recipient: 'user' },
        notifiers: input.notifiers ?? [],
      };
      const broken = problem(alert, parent);
      return broken ? refuse(broken) : alert;
    },
    update(doc, input, parent) {
      const alert: Doc = { ...doc, ...changes(input), updated_at: isoDate() };
      const broken = problem(alert, parent);
      return broken ? refuse(broken) : alert;
    },
  }) as never;
}
