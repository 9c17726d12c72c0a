// `required` lists: which fields became required or optional, in requests or responses.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change, Direction } from '../types.js';
import { code } from '../walk/describe.js';
import { member } from '../walk/json.js';
import { get } from '../walk/schema-walk.js';
import { type Context, make } from './context.js';

export function required(
  ctx: Context,
  c: RedoclyChange,
  pointer: string,
  owner: string,
  directions: Set<Direction>,
  before: unknown[],
  after: unknown[],
): Change[] {
  const changes: Change[] = [];
  const schemaAfter = get(ctx.revision, (c.revision?.pointer ?? pointer).replace(/\/required$/, ''));
  const added = after.filter((name) => !before.includes(name));
  // A name leaving `required` because its property left too is the removal, reported once.
  const removed = before.filter(
    (name) => !after.includes(name) && member(member(schemaAfter, 'properties'), name as string) !== undefined,
  );
  const fields = (names: unknown[]) => names.map((n) => code(String(n))).join(', ');
  const field = (names: unknown[]) =>
    `${names.length > 1 ? 'Fields' : 'Field'} ${fields(names)} of ${owner.replace(/^(field|schema) /, '')}`;
  if (added.length) {
    changes.push(
      directions.has('request')
        ? make(ctx, c, 'request-field-required', `${field(added)} became required in requests.`, pointer)
        : make(
            ctx,
            c,
            'response-field-required',
            `${field(added)} ${added.length > 1 ? 'are' : 'is'} now always present.`,
            pointer,
          ),
    );
  }
  if (removed.length) {
    changes.push(
      directions.has('response')
        ? make(
            ctx,
            c,
            'response-field-optional',
            `${field(removed)} may now be absent from responses (no longer required).`,
            pointer,
          )
        : make(ctx, c, 'request-field-optional', `${field(removed)} became optional.`, pointer),
    );
  }
  return changes;
}
