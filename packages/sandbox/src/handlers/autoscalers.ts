// Autoscalers of an application: one per process type, between a minimum and
// a maximum of containers, on a metric's target; each has its two alerts.
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { Doc } from '../store/documents.js';
import { id, isoDate } from '../store/values.js';
import { type Context, invalid, type Principal } from './context.js';
import { familyHandlers, refuse } from './family.js';
import { defined } from './templates.js';

const FIELDS = ['metric', 'target', 'min_containers', 'max_containers', 'disabled'] as const;

const bounds = (doc: Doc) =>
  Number(doc.min_containers) > Number(doc.max_containers)
    ? invalid('min_containers', 'must be lower than or equal to max_containers')
    : undefined;

export function autoscalerHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['autoscalers']> {
  return familyHandlers<Doc>(ctx, {
    resource: 'autoscaler',
    plural: 'autoscalers',
    idParam: 'autoscaler_id',
    store: ctx.autoscalers,
    create(input, parent) {
      const type = String(input.container_type);
      if (!ctx.containers.formation(parent.id).some((f) => f.name === type))
        return refuse(invalid('container_type', `${type} is not a process type of the application`));
      if (ctx.autoscalers.list(parent.id).some((a) => a.container_type === type))
        return refuse(invalid('container_type', 'already has an autoscaler'));
      const now = isoDate();
      const autoscaler: Doc = {
        id: id('au'),
        app_id: parent.id,
        created_at: now,
        updated_at: now,
        last_scale: '0001-01-01T00:00:00.000Z',
        container_type: type,
        min_containers: input.min_containers,
        max_containers: input.max_containers,
        metric: input.metric,
        target: input.target,
        disabled: input.disabled === true,
        alert_id_scale_up: id('al'),
        alert_id_scale_down: id('al'),
      };
      const broken = bounds(autoscaler);
      return broken ? refuse(broken) : autoscaler;
    },
    update(doc, input) {
      const autoscaler: Doc = { ...doc, ...defined(input, FIELDS), updated_at: isoDate() };
      const broken = bounds(autoscaler);
      return broken ? refuse(broken) : autoscaler;
    },
  }) as never;
}
