// Path items: added (each operation is new), removed, renamed.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change } from '../types.js';
import { code, operationTitle } from '../walk/describe.js';
import { member } from '../walk/json.js';
import { get, METHODS, operationOf } from '../walk/schema-walk.js';
import { type Context, make, summaryOf } from './context.js';

export function pathItem(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
  const route = operationOf(c.path) ?? pointer;
  if (c.kind === 'added') {
    const item = get(ctx.revision, pointer) ?? {};
    return METHODS.filter((m) => member(item, m)).map((m) =>
      make(
        ctx,
        c,
        'operation-added',
        `New operation ${operationTitle(ctx.revision, `${pointer}/${m}`)}${summaryOf(ctx.revision, `${pointer}/${m}`)}.`,
        `${pointer}/${m}`,
      ),
    );
  }
  if (c.kind === 'removed') {
    const item = get(ctx.base, pointer) ?? {};
    const methods = METHODS.filter((m) => member(item, m)).map((m) => m.toUpperCase());
    return [
      make(
        ctx,
        c,
        'path-removed',
        `Path ${code(route)} was removed${methods.length ? ` (${methods.join(', ')})` : ''}.`,
        pointer,
      ),
    ];
  }
  if (c.property === 'key') {
    const before = operationOf(c.base?.pointer ?? '') ?? '?';
    return [make(ctx, c, 'path-renamed', `Path ${code(before)} was renamed to ${code(route)}.`, pointer)];
  }
  const verdict = c.verdicts?.[0];
  return [
    make(
      ctx,
      c,
      'other',
      verdict?.message ?? `Path ${code(route)}: ${c.property ?? ''} ${c.kind}.`,
      pointer,
      c.impact === 'major',
    ),
  ];
}
