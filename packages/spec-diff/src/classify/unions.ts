// `oneOf`/`anyOf` unions: a variant added grows the API, one removed breaks it (ADR 0001).
import { isRef } from '@scalingo-openapi/spec-reader';
import type { RedoclyChange } from '../compare/redocly-diff.js';
import type { Change } from '../types.js';
import { capitalize, code, subjectOf } from '../walk/describe.js';
import { member } from '../walk/json.js';
import { get } from '../walk/schema-walk.js';
import { type Context, lastSegment, make } from './context.js';

/** A variant added to a union, or removed from it: like a value of an enum. */
export function unionVariant(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
  const doc = c.kind === 'added' ? ctx.revision : ctx.base;
  const union = subjectOf(
    doc,
    pointer.replace(/\/(oneOf|anyOf)\/\d+$/, ''),
    c.path.replace(/\/(oneOf|anyOf)\/\d+$/, ''),
  );
  const node = get(doc, pointer);
  const title = member(node, 'title');
  const name = isRef(node)
    ? node.$ref.split('/').pop()!
    : typeof title === 'string' || typeof title === 'number'
      ? title
      : `#${lastSegment(pointer)}`;
  return c.kind === 'added'
    ? [make(ctx, c, 'variant-added', `${capitalize(union)} has the new variant ${code(name)}.`, pointer)]
    : [make(ctx, c, 'variant-removed', `${capitalize(union)} no longer has the variant ${code(name)}.`, pointer)];
}
