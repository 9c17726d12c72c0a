// Parameters: added (optional or required), removed, renamed, made required or optional.
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change, ChangeKind } from '../types.js';
import { capitalize, code, contextOf, literal } from '../walk/describe.js';
import { get, operationOf } from '../walk/schema-walk.js';
import { type Context, make } from './context.js';

export function parameter(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
  const doc = c.kind === 'removed' ? ctx.base : ctx.revision;
  const context = contextOf(doc, c.kind === 'removed' ? (c.base?.pointer ?? c.path) : c.path);
  const verdict = c.verdicts?.[0];
  const one = (kind: ChangeKind, message: string, breaking?: boolean) => [
    make(ctx, c, kind, message, pointer, breaking),
  ];
  if (c.kind === 'added') {
    return verdict?.ruleId === 'parameter-became-required'
      ? one('parameter-required', `New required ${context}.`)
      : one('parameter-added', `New optional ${context}.`);
  }
  if (c.kind === 'removed') return one('parameter-removed', `${capitalize(context)} was removed.`);
  if (c.property === 'name') {
    return one(
      'parameter-renamed',
      `Parameter ${literal(c.base?.value ?? get(ctx.base, c.base?.pointer ?? ''))} of ${code(operationOf(c.path) ?? '')} was renamed to ${literal(c.revision?.value ?? get(ctx.revision, c.revision?.pointer ?? ''))}.`,
    );
  }
  if (c.property === 'required') {
    return c.impact === 'major'
      ? one('parameter-required', `${capitalize(context)} became required.`)
      : one('parameter-optional', `${capitalize(context)} became optional.`);
  }
  return one(
    'other',
    verdict
      ? `${verdict.message.replace(/\.$/, '')} (${code(operationOf(c.path) ?? '')}).`
      : `${capitalize(context)}: ${code(c.property ?? '')} changed.`,
    c.impact === 'major',
  );
}
