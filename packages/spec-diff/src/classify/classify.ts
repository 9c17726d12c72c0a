// The policy: what the seed's promise ("v1 may grow but never breaks what
// exists") means change by change. Redocly's diff finds and locates the
// changes; these modules, one per OpenAPI object, name each one and decides whether it breaks a client,
// overriding Redocly where the project's rule differs (ADR 0001):
//   - a value added to an enum never breaks, even in a response (Redocly: major);
//   - a value removed from an enum always breaks, even in a response (Redocly: patch);
//   - likewise a variant added to a `oneOf`/`anyOf` union (a new kind of event)
//     does not break, a variant removed does (Redocly: both major);
//   - a field removed from a request breaks (Redocly: patch);
//   - a response field that may now be `null` is one breaking change, however
//     it is written (Redocly: a type, format, pattern change, or nothing);
//   - a shared schema's direction comes from every operation that reaches it.

import { segmentsOf } from '@scalingo-openapi/spec-reader';
import type { RedoclyChange, RedoclyReport } from '../compare/redocly-diff.js';
import type { Change, ChangeKind, Json } from '../types.js';
import { capitalize, code, contextOf, subjectOf } from '../walk/describe.js';
import { componentUsage, get } from '../walk/schema-walk.js';
import { type Context, make, pointerOf } from './context.js';
import { DOCUMENTATION, DOCUMENTATION_TYPES } from './documentation.js';
import { nullableChanges } from './nullable.js';
import { operation } from './operations.js';
import { parameter } from './parameters.js';
import { pathItem } from './paths.js';
import { renames } from './renames.js';
import { requestBody } from './request-bodies.js';
import { response } from './responses.js';
import { schema } from './schemas.js';
import { security } from './security.js';

export function classify(alias: string, report: RedoclyReport, base: Json, revision: Json): Change[] {
  const ctx: Context = {
    alias,
    base,
    revision,
    baseUsage: componentUsage(base),
    revisionUsage: componentUsage(revision),
  };
  const { nullable, absorbed } = nullableChanges(ctx, report.changes);
  const changes = [...nullable];
  for (const c of report.changes) if (!absorbed.has(c)) changes.push(...classifyOne(ctx, c));
  return renames(ctx, changes);
}

function classifyOne(ctx: Context, c: RedoclyChange): Change[] {
  const pointer = pointerOf(c);
  const verdict = c.verdicts?.[0];
  const major = c.impact === 'major';
  const doc = c.kind === 'removed' ? ctx.base : ctx.revision;
  const where = () => subjectOf(doc, pointer, c.path);
  const one = (kind: ChangeKind, message: string, at = pointer, breaking?: boolean) => [
    make(ctx, c, kind, message, at, breaking),
  ];

  if (c.property && (DOCUMENTATION.has(c.property) || c.property.startsWith('x-')) && !verdict)
    return one('documentation', `${capitalize(where())}: ${code(c.property)} changed.`);
  // An `x-` extension added or removed whole (Redocly's `SpecExtension`): it annotates, as a description does.
  if (c.typeName === 'SpecExtension' && !verdict)
    return one('documentation', `${capitalize(where())}: ${code(segmentsOf(pointer).at(-1) ?? pointer)} ${c.kind}.`);
  if (DOCUMENTATION_TYPES.has(c.typeName) && !verdict)
    return one('documentation', `${c.typeName} ${c.kind}: ${code(pointer)}.`);
  if (c.property === 'deprecated') {
    const deprecated =
      get(ctx.revision, c.revision?.pointer ?? '') === true ||
      get(ctx.revision, `${c.revision?.pointer}/deprecated`) === true;
    return deprecated
      ? one('deprecated', `${capitalize(where())} is deprecated.`)
      : one('other', `${capitalize(where())} is no longer deprecated.`, pointer, false);
  }

  // Redocly walks from the operations, then lists the components none of them
  // reached: no client sees those, except security schemes, which requirements
  // name without a `$ref`.
  if (c.path.startsWith('#/components/')) {
    const scheme = c.path.startsWith('#/components/securitySchemes/');
    const message = scheme && verdict ? verdict.message : `${capitalize(subjectOf(doc, pointer))} ${c.kind}.`;
    return one(scheme && major ? 'other' : 'component-changed', message, pointer, scheme && major);
  }

  switch (c.typeName) {
    case 'PathItem':
      return pathItem(ctx, c, pointer);
    case 'Operation': {
      const changes = operation(ctx, c, pointer);
      if (changes) return changes;
      break;
    }
    case 'RequestBody': {
      const changes = requestBody(ctx, c, pointer);
      if (changes) return changes;
      break;
    }
    case 'Parameter':
      return parameter(ctx, c, pointer);
    case 'Response': {
      const changes = response(ctx, c, pointer);
      if (changes) return changes;
      break;
    }
    case 'SecurityRequirement':
    case 'SecurityRequirementList':
      return security(ctx, c, pointer);
    case 'Schema':
      return schema(ctx, c, pointer, where);
  }
  if (verdict?.ruleId === 'security-requirement-changed') return security(ctx, c, pointer);
  const message = verdict
    ? `${verdict.message.replace(/\.$/, '')} (${contextOf(doc, c.path)}).`
    : `${capitalize(where())}: ${c.property ? `${code(c.property)} ` : ''}${c.kind}.`;
  return one('other', message, pointer, major);
}
