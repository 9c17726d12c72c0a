// Operations: added, removed, renamed (the operationId is the method name in
// generated clients). Other changes of an operation are left to the caller.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change } from '../types.js';
import { code, literal, operationTitle } from '../walk/describe.js';
import { get, operationOf } from '../walk/schema-walk.js';
import { type Context, make, summaryOf } from './context.js';

export function operation(ctx: Context, c: RedoclyChange, pointer: string): Change[] | undefined {
  if (c.kind === 'added')
    return [
      make(
        ctx,
        c,
        'operation-added',
        `New operation ${operationTitle(ctx.revision, pointer)}${summaryOf(ctx.revision, pointer)}.`,
        pointer,
      ),
    ];
  if (c.kind === 'removed')
    return [make(ctx, c, 'operation-removed', `Operation ${operationTitle(ctx.base, pointer)} was removed.`, pointer)];
  if (c.property === 'operationId') {
    const before = literal(c.base?.value ?? get(ctx.base, c.base?.pointer ?? ''));
    const after = literal(c.revision?.value ?? get(ctx.revision, pointer));
    return [
      make(
        ctx,
        c,
        'operation-renamed',
        `Operation ${code(operationOf(c.path) ?? pointer)} was renamed from ${before} to ${after} (its operationId, the method name in generated clients).`,
        pointer,
      ),
    ];
  }
  return undefined;
}
