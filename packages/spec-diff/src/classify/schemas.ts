// Schemas: fields added, removed, renamed; enum values; `required`; and
// constraints (type, pattern, bounds), rated by which way they move the values
// a request may send and a response may hold.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change, ChangeKind, Direction, Json } from '../types.js';
import { capitalize, code, literal, subjectOf } from '../walk/describe.js';
import { directionOf, get } from '../walk/schema-walk.js';
import { constraintEffect, type Effect } from './constraints.js';
import { type Context, directionsOf, lastSegment, list, make } from './context.js';
import { required } from './required.js';
import { unionVariant } from './unions.js';

/** Keywords whose change only narrows or widens the values a schema accepts. */
export const CONSTRAINTS = new Set([
  'type',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'additionalProperties',
  'const',
  'contentMediaType',
  'contentEncoding',
]);

export function schema(ctx: Context, c: RedoclyChange, pointer: string, where: () => string): Change[] {
  const one = (kind: ChangeKind, message: string, breaking?: boolean) => [
    make(ctx, c, kind, message, pointer, breaking),
  ];
  const directions = directionsOf(ctx, c);
  const isField = /\/properties\/[^/]+$/.test(c.path);
  const variant = /\/(oneOf|anyOf)\/\d+$/.test(c.path);
  if (variant && c.kind !== 'modified') return unionVariant(ctx, c, pointer);
  if (c.property === 'key' && isField) {
    return one(
      'field-renamed',
      `${capitalize(subjectOf(ctx.base, c.base?.pointer ?? pointer, c.path))} was renamed to ${literal(c.revision?.value ?? lastSegment(pointer))}.`,
    );
  }
  if (c.kind === 'added')
    return isField
      ? one('field-added', `New ${where()}.`)
      : one('other', `${capitalize(where())} added.`, c.impact === 'major');
  // A field removed breaks a response reader and a request sender alike.
  if (c.kind === 'removed')
    return isField
      ? one('field-removed', `${capitalize(where())} was removed.`)
      : one('other', `${capitalize(where())} was removed.`, c.impact === 'major');

  // A keyword one side lacks is pointed at its schema there: its value is then "nothing".
  const valueAt = (side?: { pointer: string; value?: unknown }, document?: Json) =>
    side && c.property && !side.pointer.endsWith(`/${c.property}`)
      ? undefined
      : (side?.value ?? get(document, side?.pointer ?? ''));
  const before = valueAt(c.base, ctx.base);
  const after = valueAt(c.revision, ctx.revision);
  const owner = subjectOf(ctx.revision, (c.revision?.pointer ?? pointer).replace(/\/(required|enum)$/, ''), c.path);
  if (c.property === 'required') return required(ctx, c, pointer, owner, directions, list(before), list(after));
  if (c.property === 'enum') {
    const removed = list(before).filter((v) => !list(after).includes(v));
    const added = list(after).filter((v) => !list(before).includes(v));
    const changes: Change[] = [];
    if (removed.length)
      changes.push(
        make(
          ctx,
          c,
          'enum-value-removed',
          `${capitalize(owner)} no longer has the value${removed.length > 1 ? 's' : ''} ${removed.map(literal).join(', ')}.`,
          pointer,
        ),
      );
    if (added.length)
      changes.push(
        make(
          ctx,
          c,
          'enum-value-added',
          `${capitalize(owner)} has the new value${added.length > 1 ? 's' : ''} ${added.map(literal).join(', ')}.`,
          pointer,
        ),
      );
    return changes;
  }
  if (c.property && CONSTRAINTS.has(c.property)) {
    const verdict = c.verdicts?.[0];
    // A pattern is shown whole: a shortened regex says nothing.
    const show = (value: unknown) =>
      c.property === 'pattern' && typeof value === 'string' ? code(value) : literal(value);
    const change =
      before === undefined
        ? `set to ${show(after)}`
        : after === undefined
          ? `removed (was ${show(before)})`
          : `changed from ${show(before)} to ${show(after)}`;
    // Redocly's words name the first field it reached the schema through
    // (`pattern` of `created_at`), which misleads for a shared schema: ours name the schema.
    const own = owner.startsWith('schema ') || !verdict;
    const what = own ? `${code(c.property)} ${change}` : verdict.message.replace(/\.$/, '');
    const message = `${capitalize(owner)}: ${what.charAt(0).toLowerCase()}${what.slice(1)}.`;
    const effect = constraintEffect(c.property, before, after) ?? redoclyEffect(c);
    const { kind, breaking } = constrained(directions, effect, c.property === 'type', c.impact === 'major');
    return one(kind, message, breaking);
  }
  const verdict = c.verdicts?.[0];
  return one(
    'other',
    verdict
      ? `${verdict.message.replace(/\.$/, '')} (${where()}).`
      : `${capitalize(where())}: ${code(c.property ?? '')} changed.`,
    c.impact === 'major',
  );
}

/** Redocly's rating read back as an effect: major is narrowed in a request, widened in a response. */
export function redoclyEffect(c: RedoclyChange): Effect {
  const direction = directionOf(c.path);
  if (!direction) return 'changed';
  const major = c.impact === 'major';
  return direction === 'request' ? (major ? 'narrowed' : 'widened') : major ? 'widened' : 'narrowed';
}

/**
 * A request breaks unless it may send more than before; a response breaks when
 * it may hold a JSON type it could not (like `null`, a client's decoder fails on
 * it) or when the change goes both ways. A response holding more values of the
 * same types (a longer string, a looser pattern, dates of any precision) does
 * not break: the spec describes more of what the wire carries.
 */
export function constrained(
  directions: Set<Direction>,
  effect: Effect,
  isType: boolean,
  major: boolean,
): { kind: ChangeKind; breaking: boolean } {
  const request = directions.has('request');
  const response = directions.has('response');
  if (!request && !response) return { kind: 'type-changed', breaking: major };
  if (!response)
    return effect === 'widened'
      ? { kind: 'request-type-widened', breaking: false }
      : { kind: 'request-type-narrowed', breaking: true };
  if (effect === 'widened' && !isType) return { kind: 'constraint-relaxed', breaking: false };
  if (!request && effect === 'narrowed') return { kind: 'response-type-narrowed', breaking: false };
  if (!request && effect === 'widened') return { kind: 'response-type-widened', breaking: true };
  return { kind: 'type-changed', breaking: true };
}
