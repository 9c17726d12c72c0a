// A schema that now accepts `null`: one change, however Redocly reports it.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change, Direction } from '../types.js';
import { capitalize, code, subjectOf } from '../walk/describe.js';
import { acceptsNull, componentOf, walk } from '../walk/schema-walk.js';
import { type Context, directionsOf, make } from './context.js';

/** What a nullable change makes Redocly report besides, folded into it. */
export const NULLABLE_NOISE = new Set([
  'type',
  'format',
  'pattern',
  'description',
  'title',
  'examples',
  'example',
  'minLength',
  'maxLength',
]);

/**
 * A schema that did not accept `null` and now does: one change, named for what
 * it means, in place of the type/format/pattern/anyOf changes Redocly reports
 * for it (or the patch-level ones it reports when the `$ref` moves to a
 * nullable schema).
 */
export function nullableChanges(
  ctx: Context,
  changes: RedoclyChange[],
): { nullable: Change[]; absorbed: Set<RedoclyChange> } {
  const groups = new Map<string, RedoclyChange[]>();
  for (const c of changes) {
    const isSchemaChange =
      (c.typeName === 'Schema' && (c.kind === 'modified' || /\/(anyOf|oneOf)\/\d+$/.test(c.path))) ||
      ['AnyOf', 'OneOf'].includes(c.typeName);
    if (!isSchemaChange) continue;
    const key = c.path.replace(/\/(anyOf|oneOf)(\/\d+)?$/, '');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const nullable: Change[] = [];
  const absorbed = new Set<RedoclyChange>();
  for (const [key, group] of groups) {
    const before = walk(ctx.base, key);
    const after = walk(ctx.revision, key);
    if (!before || !after || acceptsNull(ctx.base, before.node) || !acceptsNull(ctx.revision, after.node)) continue;
    const directions = new Set<Direction>();
    for (const c of group) for (const d of directionsOf(ctx, c)) directions.add(d);
    const component = componentOf(after.pointer);
    if (component) for (const d of ctx.revisionUsage.get(component)?.directions ?? []) directions.add(d);
    const subject = capitalize(subjectOf(ctx.revision, after.pointer, key));
    const representative = group[0]!;
    nullable.push(
      directions.has('response')
        ? make(
            ctx,
            representative,
            'response-field-nullable',
            `${subject} may now be ${code('null')} in responses.`,
            after.pointer,
          )
        : make(ctx, representative, 'request-type-widened', `${subject} now accepts ${code('null')}.`, after.pointer),
    );
    for (const c of group)
      if (!c.property || NULLABLE_NOISE.has(c.property) || c.typeName !== 'Schema') absorbed.add(c);
  }
  return { nullable, absorbed };
}
