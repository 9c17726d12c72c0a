// Security requirements: fewer credentials accepted breaks, more does not.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change } from '../types.js';
import { code } from '../walk/describe.js';
import { get, operationOf } from '../walk/schema-walk.js';
import { type Context, make } from './context.js';

export function security(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
  const operation = operationOf(c.path);
  const on = operation ? code(operation) : 'The document';
  const verdict = c.verdicts?.[0];
  // Redocly rates major exactly when fewer credentials are accepted than before.
  if (c.impact === 'major')
    return [
      make(
        ctx,
        c,
        'auth-requirement-added',
        `${on}: ${(verdict?.message ?? 'authentication became stricter.').replace(/^./, (x) => x.toLowerCase())}`,
        pointer,
      ),
    ];
  const requirement = get(c.kind === 'removed' ? ctx.base : ctx.revision, pointer);
  const schemes = requirement && typeof requirement === 'object' ? Object.keys(requirement).map(code).join(' + ') : '';
  const what =
    c.kind === 'added'
      ? `also accepts ${schemes || 'a new way to authenticate'}`
      : `no longer requires ${schemes || 'authentication'}`;
  return [make(ctx, c, 'auth-requirement-relaxed', `${on} ${what}.`, pointer)];
}
