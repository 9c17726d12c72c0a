// Request bodies: one added grows the API unless clients must now send it; one
// removed, or one that became required, breaks the clients that called without
// it or with it. Other changes (its schema) are left to the caller.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change } from '../types.js';
import { capitalize, contextOf } from '../walk/describe.js';
import { member } from '../walk/json.js';
import { get } from '../walk/schema-walk.js';
import { type Context, make } from './context.js';

export function requestBody(ctx: Context, c: RedoclyChange, pointer: string): Change[] | undefined {
  const body = pointer.replace(/\/required$/, '');
  const what = contextOf(c.kind === 'removed' ? ctx.base : ctx.revision, body);
  if (c.kind === 'added')
    return member(get(ctx.revision, body), 'required') === true
      ? [make(ctx, c, 'request-body-required', `New required ${what}.`, pointer)]
      : [make(ctx, c, 'request-body-added', `New optional ${what}.`, pointer)];
  if (c.kind === 'removed') return [make(ctx, c, 'request-body-removed', `${capitalize(what)} was removed.`, pointer)];
  if (c.property === 'required' && member(get(ctx.revision, body), 'required') === true)
    return [make(ctx, c, 'request-body-required', `${capitalize(what)} became required.`, pointer)];
  return undefined;
}
