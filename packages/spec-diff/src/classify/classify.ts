// The policy: what the seed's promise ("v1 may grow but never breaks what
// exists") means change by change. Redocly's diff finds and locates the
// changes; this module names each one and decides whether it breaks a client,
// overriding Redocly where the project's rule differs (ADR 0001):
//   - a value added to an enum never breaks, even in a response (Redocly: major);
//   - a value removed from an enum always breaks, even in a response (Redocly: patch);
//   - likewise a variant added to a `oneOf`/`anyOf` union (a new kind of event)
//     does not break, a variant removed does (Redocly: both major);
//   - a field removed from a request breaks (Redocly: patch);
//   - a response field that may now be `null` is one breaking change, however
//     it is written (Redocly: a type, format, pattern change, or nothing);
//   - a shared schema's direction comes from every operation that reaches it.

import type { RedoclyChange, RedoclyReport } from '../compare/redocly-diff.js';
import type { Change, ChangeKind, Direction, Json } from '../types.js';
import { capitalize, code, contextOf, literal, operationTitle, subjectOf } from '../walk/describe.js';
import {
  acceptsNull,
  componentOf,
  componentUsage,
  directionOf,
  get,
  METHODS,
  operationOf,
  type Usage,
  walk,
} from '../walk/schema-walk.js';
import { constraintEffect, type Effect } from './constraints.js';

const BREAKING: ReadonlySet<ChangeKind> = new Set<ChangeKind>([
  'operation-removed',
  'operation-renamed',
  'path-removed',
  'path-renamed',
  'parameter-removed',
  'parameter-renamed',
  'parameter-required',
  'field-removed',
  'field-renamed',
  'enum-value-removed',
  'variant-removed',
  'request-type-narrowed',
  'response-type-widened',
  'request-field-required',
  'response-field-optional',
  'response-field-nullable',
  'status-removed',
  'auth-requirement-added',
]);

/** Keywords whose change only narrows or widens the values a schema accepts. */
const CONSTRAINTS = new Set([
  'type',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'additionalProperties',
  'const',
  'contentMediaType',
  'contentEncoding',
]);

/** Keywords that document without constraining. */
const DOCUMENTATION = new Set([
  'description',
  'summary',
  'title',
  'examples',
  'example',
  'externalDocs',
  'tags',
  'x-tagGroups',
  'contact',
  'license',
  'termsOfService',
  'version',
]);
const DOCUMENTATION_TYPES = new Set([
  'Info',
  'Tag',
  'TagList',
  'Contact',
  'License',
  'ExternalDocs',
  'Example',
  'ExamplesMap',
  'TagGroups',
  'TagGroup',
]);

/** What a nullable change makes Redocly report besides, folded into it. */
const NULLABLE_NOISE = new Set([
  'type',
  'format',
  'pattern',
  'description',
  'title',
  'examples',
  'example',
  'minLength',
  'maxLength',
]);

interface Context {
  alias: string;
  base: Json;
  revision: Json;
  baseUsage: Map<string, Usage>;
  revisionUsage: Map<string, Usage>;
}

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

/**
 * Redocly pairs a removal with an addition as a rename only when the names are
 * close (`database_until` → `databases_until`). A path whose operations keep
 * their operationIds, and a field whose schema stays the same under another
 * name in the same object, are renames too, whatever the new name.
 */
function renames(ctx: Context, changes: Change[]): Change[] {
  const out = [...changes];
  const drop = (change: Change) => out.splice(out.indexOf(change), 1);
  for (const removed of changes.filter((c) => c.kind === 'path-removed')) {
    const before = get(ctx.base, removed.pointer) ?? {};
    const ids = METHODS.map((m) => before[m]?.operationId)
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
        METHODS.map((m) => after[m]?.operationId)
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

function make(
  ctx: Context,
  c: RedoclyChange | undefined,
  kind: ChangeKind,
  message: string,
  pointer: string,
  breaking = BREAKING.has(kind),
): Change {
  const operation = operationOf(c?.path ?? pointer) ?? operationOf(pointer);
  const change: Change = { document: ctx.alias, kind, breaking, message, pointer };
  if (operation) change.operation = operation;
  const rule = c?.verdicts?.[0]?.ruleId;
  if (rule) change.rule = rule;
  // Where the thing was matters for what is gone or renamed; elsewhere it is where it is.
  if (c?.base?.pointer && (c.kind === 'removed' || ['key', 'name', 'operationId'].includes(c.property ?? '')))
    change.basePointer = c.base.pointer;
  return change;
}

function pointerOf(c: RedoclyChange): string {
  return (c.kind === 'removed' ? c.base?.pointer : (c.revision?.pointer ?? c.base?.pointer)) ?? c.path;
}

/** Request, response or both: where the change is seen, and every use of the component it is in. */
function directionsOf(ctx: Context, c: RedoclyChange): Set<Direction> {
  const directions = new Set<Direction>();
  for (const pointer of [c.path, c.base?.pointer, c.revision?.pointer]) {
    if (!pointer) continue;
    const direction = directionOf(pointer);
    if (direction) directions.add(direction);
    const component = componentOf(pointer);
    if (component) {
      for (const usage of [ctx.baseUsage.get(component), ctx.revisionUsage.get(component)])
        for (const d of usage?.directions ?? []) directions.add(d);
    }
  }
  return directions;
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
    case 'Operation':
      if (c.kind === 'added')
        return one(
          'operation-added',
          `New operation ${operationTitle(ctx.revision, pointer)}${summaryOf(ctx.revision, pointer)}.`,
        );
      if (c.kind === 'removed')
        return one('operation-removed', `Operation ${operationTitle(ctx.base, pointer)} was removed.`);
      if (c.property === 'operationId') {
        return one(
          'operation-renamed',
          `Operation ${code(operationOf(c.path) ?? pointer)} was renamed from ${literal(c.base?.value ?? get(ctx.base, c.base?.pointer ?? ''))} to ${literal(c.revision?.value ?? get(ctx.revision, pointer))} (its operationId, the method name in generated clients).`,
        );
      }
      break;
    case 'Parameter':
      return parameter(ctx, c, pointer);
    case 'Response':
      if (c.kind === 'added')
        return one('status-added', `New response ${lastSegment(pointer)} of ${code(operationOf(pointer) ?? pointer)}.`);
      if (c.kind === 'removed')
        return one(
          'status-removed',
          `Response ${lastSegment(pointer)} of ${code(operationOf(pointer) ?? pointer)} was removed.`,
        );
      break;
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

function pathItem(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
  const route = operationOf(c.path) ?? pointer;
  if (c.kind === 'added') {
    const item = get(ctx.revision, pointer) ?? {};
    return METHODS.filter((m) => item[m]).map((m) =>
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
    const methods = METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
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

function parameter(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
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

function security(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
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

function schema(ctx: Context, c: RedoclyChange, pointer: string, where: () => string): Change[] {
  const one = (kind: ChangeKind, message: string, breaking?: boolean) => [
    make(ctx, c, kind, message, pointer, breaking),
  ];
  const directions = directionsOf(ctx, c);
  const isField = /\/properties\/[^/]+$/.test(c.path);
  const variant = /\/(oneOf|anyOf)\/\d+$/.test(c.path);
  if (variant && c.kind !== 'modified') return unionVariant(ctx, c, pointer);
  if (c.property === 'key' && isField) {
    return one(
      'field-renamed',
      `${capitalize(subjectOf(ctx.base, c.base?.pointer ?? pointer, c.path))} was renamed to ${literal(c.revision?.value ?? lastSegment(pointer))}.`,
    );
  }
  if (c.kind === 'added')
    return isField
      ? one('field-added', `New ${where()}.`)
      : one('other', `${capitalize(where())} added.`, c.impact === 'major');
  // A field removed breaks a response reader and a request sender alike.
  if (c.kind === 'removed')
    return isField
      ? one('field-removed', `${capitalize(where())} was removed.`)
      : one('other', `${capitalize(where())} was removed.`, c.impact === 'major');

  // A keyword one side lacks is pointed at its schema there: its value is then "nothing".
  const valueAt = (side?: { pointer: string; value?: unknown }, document?: Json) =>
    side && c.property && !side.pointer.endsWith(`/${c.property}`)
      ? undefined
      : (side?.value ?? get(document, side?.pointer ?? ''));
  const before = valueAt(c.base, ctx.base);
  const after = valueAt(c.revision, ctx.revision);
  const owner = subjectOf(ctx.revision, (c.revision?.pointer ?? pointer).replace(/\/(required|enum)$/, ''), c.path);
  if (c.property === 'required') return required(ctx, c, pointer, owner, directions, list(before), list(after));
  if (c.property === 'enum') {
    const removed = list(before).filter((v) => !list(after).includes(v));
    const added = list(after).filter((v) => !list(before).includes(v));
    const changes: Change[] = [];
    if (removed.length)
      changes.push(
        make(
          ctx,
          c,
          'enum-value-removed',
          `${capitalize(owner)} no longer has the value${removed.length > 1 ? 's' : ''} ${removed.map(literal).join(', ')}.`,
          pointer,
        ),
      );
    if (added.length)
      changes.push(
        make(
          ctx,
          c,
          'enum-value-added',
          `${capitalize(owner)} has the new value${added.length > 1 ? 's' : ''} ${added.map(literal).join(', ')}.`,
          pointer,
        ),
      );
    return changes;
  }
  if (c.property && CONSTRAINTS.has(c.property)) {
    const verdict = c.verdicts?.[0];
    const change =
      before === undefined
        ? `set to ${literal(after)}`
        : after === undefined
          ? `removed (was ${literal(before)})`
          : `changed from ${literal(before)} to ${literal(after)}`;
    const what = verdict ? verdict.message.replace(/\.$/, '') : `${code(c.property)} ${change}`;
    const message = `${capitalize(owner)}: ${what.charAt(0).toLowerCase()}${what.slice(1)}.`;
    const effect = constraintEffect(c.property, before, after) ?? redoclyEffect(c);
    const { kind, breaking } = constrained(directions, effect, c.property === 'type', c.impact === 'major');
    return one(kind, message, breaking);
  }
  const verdict = c.verdicts?.[0];
  return one(
    'other',
    verdict
      ? `${verdict.message.replace(/\.$/, '')} (${where()}).`
      : `${capitalize(where())}: ${code(c.property ?? '')} changed.`,
    c.impact === 'major',
  );
}

/** A variant added to a union, or removed from it: like a value of an enum. */
function unionVariant(ctx: Context, c: RedoclyChange, pointer: string): Change[] {
  const doc = c.kind === 'added' ? ctx.revision : ctx.base;
  const union = subjectOf(
    doc,
    pointer.replace(/\/(oneOf|anyOf)\/\d+$/, ''),
    c.path.replace(/\/(oneOf|anyOf)\/\d+$/, ''),
  );
  const node = get(doc, pointer);
  const name =
    typeof node?.$ref === 'string' ? node.$ref.split('/').pop() : (node?.title ?? `#${lastSegment(pointer)}`);
  return c.kind === 'added'
    ? [make(ctx, c, 'variant-added', `${capitalize(union)} has the new variant ${code(name)}.`, pointer)]
    : [make(ctx, c, 'variant-removed', `${capitalize(union)} no longer has the variant ${code(name)}.`, pointer)];
}

/** Redocly's rating read back as an effect: major is narrowed in a request, widened in a response. */
function redoclyEffect(c: RedoclyChange): Effect {
  const direction = directionOf(c.path);
  if (!direction) return 'changed';
  const major = c.impact === 'major';
  return direction === 'request' ? (major ? 'narrowed' : 'widened') : major ? 'widened' : 'narrowed';
}

/**
 * A request breaks unless it may send more than before; a response breaks when
 * it may hold a JSON type it could not (like `null`, a client's decoder fails on
 * it) or when the change goes both ways. A response holding more values of the
 * same types (a longer string, a looser pattern, dates of any precision) does
 * not break: the spec describes more of what the wire carries.
 */
function constrained(
  directions: Set<Direction>,
  effect: Effect,
  isType: boolean,
  major: boolean,
): { kind: ChangeKind; breaking: boolean } {
  const request = directions.has('request');
  const response = directions.has('response');
  if (!request && !response) return { kind: 'type-changed', breaking: major };
  if (!response)
    return effect === 'widened'
      ? { kind: 'request-type-widened', breaking: false }
      : { kind: 'request-type-narrowed', breaking: true };
  if (effect === 'widened' && !isType) return { kind: 'constraint-relaxed', breaking: false };
  if (!request && effect === 'narrowed') return { kind: 'response-type-narrowed', breaking: false };
  if (!request && effect === 'widened') return { kind: 'response-type-widened', breaking: true };
  return { kind: 'type-changed', breaking: true };
}

function required(
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
    (name) => !after.includes(name) && schemaAfter?.properties?.[name as string] !== undefined,
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

/**
 * A schema that did not accept `null` and now does: one change, named for what
 * it means, in place of the type/format/pattern/anyOf changes Redocly reports
 * for it (or the patch-level ones it reports when the `$ref` moves to a
 * nullable schema).
 */
function nullableChanges(ctx: Context, changes: RedoclyChange[]): { nullable: Change[]; absorbed: Set<RedoclyChange> } {
  const groups = new Map<string, RedoclyChange[]>();
  for (const c of changes) {
    const isSchemaChange =
      (c.typeName === 'Schema' && (c.kind === 'modified' || /\/(anyOf|oneOf)\/\d+$/.test(c.path))) ||
      ['AnyOf', 'OneOf'].includes(c.typeName);
    if (!isSchemaChange) continue;
    const key = c.path.replace(/\/(anyOf|oneOf)(\/\d+)?$/, '');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const nullable: Change[] = [];
  const absorbed = new Set<RedoclyChange>();
  for (const [key, group] of groups) {
    const before = walk(ctx.base, key);
    const after = walk(ctx.revision, key);
    if (!before || !after || acceptsNull(ctx.base, before.node) || !acceptsNull(ctx.revision, after.node)) continue;
    const directions = new Set<Direction>();
    for (const c of group) for (const d of directionsOf(ctx, c)) directions.add(d);
    const component = componentOf(after.pointer);
    if (component) for (const d of ctx.revisionUsage.get(component)?.directions ?? []) directions.add(d);
    const subject = capitalize(subjectOf(ctx.revision, after.pointer, key));
    const representative = group[0]!;
    nullable.push(
      directions.has('response')
        ? make(
            ctx,
            representative,
            'response-field-nullable',
            `${subject} may now be ${code('null')} in responses.`,
            after.pointer,
          )
        : make(ctx, representative, 'request-type-widened', `${subject} now accepts ${code('null')}.`, after.pointer),
    );
    for (const c of group)
      if (!c.property || NULLABLE_NOISE.has(c.property) || c.typeName !== 'Schema') absorbed.add(c);
  }
  return { nullable, absorbed };
}

function summaryOf(document: Json, pointer: string): string {
  const summary = get(document, pointer)?.summary;
  return typeof summary === 'string' ? `: ${summary}` : '';
}

function lastSegment(pointer: string): string {
  return pointer.split('/').pop() ?? pointer;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
