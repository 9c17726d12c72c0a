import type { Change } from '../types.js';
import { capitalize, code, subjectOf } from '../walk/describe.js';
import { member } from '../walk/json.js';
import { get, METHODS, operationOf } from '../walk/schema-walk.js';
import { type Context, make } from './context.js';

/**
 * Redocly pairs a removal with an addition as a rename only when the names are
 * close (`database_until` → `databases_until`). A path whose operations keep
 * their operationIds, and a field whose schema stays the same under another
 * name in the same object, are renames too, whatever the new name.
 */
export function renames(ctx: Context, changes: Change[]): Change[] {
  const out = [...changes];
  const drop = (change: Change) => out.splice(out.indexOf(change), 1);
  for (const removed of changes.filter((c) => c.kind === 'path-removed')) {
    const before = get(ctx.base, removed.pointer) ?? {};
    const ids = METHODS.map((m) => member(member(before, m), 'operationId'))
      .filter(Boolean)
      .sort()
      .join(' ');
    const byPath = new Map<string, Change[]>();
    for (const c of changes.filter((c) => c.kind === 'operation-added')) {
      const item = c.pointer.replace(/\/[^/]+$/, '');
      byPath.set(item, [...(byPath.get(item) ?? []), c]);
    }
    for (const [item, added] of byPath) {
      const after = get(ctx.revision, item) ?? {};
      if (
        !ids ||
        METHODS.map((m) => member(member(after, m), 'operationId'))
          .filter(Boolean)
          .sort()
          .join(' ') !== ids
      )
        continue;
      drop(removed);
      added.forEach(drop);
      const renamed = make(
        ctx,
        undefined,
        'path-renamed',
        `Path ${code(operationOf(removed.pointer)!)} was renamed to ${code(operationOf(item)!)} (same operations).`,
        item,
      );
      renamed.basePointer = removed.pointer;
      out.push(renamed);
      break;
    }
  }
  for (const removed of changes.filter((c) => c.kind === 'field-removed')) {
    const parent = removed.pointer.replace(/\/[^/]+$/, '');
    const schema = JSON.stringify(get(ctx.base, removed.pointer));
    const twin = out.find(
      (c) =>
        c.kind === 'field-added' &&
        c.pointer.replace(/\/[^/]+$/, '') === parent &&
        JSON.stringify(get(ctx.revision, c.pointer)) === schema,
    );
    if (!twin) continue;
    drop(removed);
    drop(twin);
    const renamed = make(
      ctx,
      undefined,
      'field-renamed',
      `${capitalize(subjectOf(ctx.base, removed.pointer))} was renamed to ${code(twin.pointer.split('/').pop()!)}.`,
      twin.pointer,
    );
    renamed.basePointer = removed.pointer;
    if (removed.operation) renamed.operation = removed.operation;
    out.push(renamed);
  }
  return out;
}
