// Responses: a status added grows the API, a status removed breaks it. Other
// changes of a response (its schema, headers) are left to the caller.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change } from '../types.js';
import { code } from '../walk/describe.js';
import { operationOf } from '../walk/schema-walk.js';
import { type Context, lastSegment, make } from './context.js';

export function response(ctx: Context, c: RedoclyChange, pointer: string): Change[] | undefined {
  const of = code(operationOf(pointer) ?? pointer);
  if (c.kind === 'added')
    return [make(ctx, c, 'status-added', `New response ${lastSegment(pointer)} of ${of}.`, pointer)];
  if (c.kind === 'removed')
    return [make(ctx, c, 'status-removed', `Response ${lastSegment(pointer)} of ${of} was removed.`, pointer)];
  return undefined;
}
