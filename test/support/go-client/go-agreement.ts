// Checks the Go client's calls against the bundled spec: each call must match an
// operation (method, host, path, expected status), each field it decodes must be in
// the answer's schema with a JSON type encoding/json can read into the Go type, and
// each field it sends must be in the request body (or the query parameters) with the
// JSON type Go writes. Dates must accept what Go's services send (nanoseconds).
import type { SpecValidator } from '../ajv.js';
import { deref, escapePointer, type Json, operations } from '../spec.js';
import type { GoApi, GoCall } from './go-calls.js';
import { type GoPackage, type GoType, resolve, structFields } from './go-source.js';

export interface Disagreement {
  /** `GET /apps/{app} (apps.retrieve) 200 app.region` or `... body app.name`. */
  field: string;
  reason: string;
}

export interface Tally {
  total: number;
  agree: number;
  disagreements: Disagreement[];
  /** Fields holding a Go `time.Time` (checked against nanosecond and fraction-less dates). */
  dates: number;
}

export interface Agreement {
  endpoints: { total: number; present: string[]; missing: string[]; statuses: Disagreement[] };
  decoded: Tally;
  sent: Tally;
}

interface SchemaAt {
  schema: Json;
  pointer: string;
}

const NANO_DATE = '2018-01-25T10:57:53.822973091Z';
const BARE_DATE = '2018-01-25T10:57:53Z';
const DAY = '2019-12-31';

function apiOfServer(url: string): GoApi {
  if (/\/\/auth\./.test(url)) return 'auth';
  if (/\/\/db-api\./.test(url)) return 'database';
  return 'regional';
}

/** The operation a call reaches: same method, same host, same path up to parameter names. */
export function findOperation(spec: Json, call: GoCall) {
  return operations(spec).find((entry) => {
    if (entry.method !== call.method.toLowerCase() || entry.operation['x-scalingo-head-of']) return false;
    const servers = entry.operation.servers ?? entry.pathItem.servers ?? spec.servers;
    const url: string = servers[0].url;
    const prefix = /^https?:\/\/[^/]+(.*)$/.exec(url)?.[1] ?? '';
    if (apiOfServer(url) !== call.api) return false;
    return (prefix + entry.path).replace(/\{[^}]+\}/g, '{}') === call.path;
  });
}

/** Every schema a node stands for: `$ref`s followed, `allOf`/`oneOf`/`anyOf` members flattened. */
function branches(spec: Json, at: SchemaAt, seen = new Set<string>()): SchemaAt[] {
  let { schema, pointer } = at;
  for (let i = 0; schema?.$ref && i < 20; i++) {
    pointer = schema.$ref;
    schema = deref(spec, { $ref: schema.$ref });
  }
  if (!schema || typeof schema !== 'object' || seen.has(pointer)) return [];
  seen.add(pointer);
  const result: SchemaAt[] = [{ schema, pointer }];
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    for (const [i, part] of (schema[key] ?? []).entries())
      result.push(...branches(spec, { schema: part, pointer: `${pointer}/${key}/${i}` }, seen));
  }
  return result;
}

/** The JSON types the schema allows (null left out); empty when it does not say. */
function jsonTypes(parts: SchemaAt[]): Set<string> {
  const types = new Set<string>();
  for (const { schema } of parts) {
    for (const t of [].concat(schema.type ?? [])) types.add(t);
    for (const value of [...(schema.enum ?? []), ...('const' in schema ? [schema.const] : [])]) {
      if (value === null) continue;
      types.add(Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);
    }
  }
  types.delete('null');
  return types;
}

/**
 * The sub-schemas for property `name`: declared, or the map's value schema. Decoding
 * matches keys without regard to case, as encoding/json does (an untagged `Meta`
 * field reads `meta`).
 */
function property(parts: SchemaAt[], name: string, anyCase = false): SchemaAt[] | undefined {
  const keyOf = (schema: Json) =>
    schema.properties?.[name]
      ? name
      : anyCase
        ? Object.keys(schema.properties ?? {}).find((k) => k.toLowerCase() === name.toLowerCase())
        : undefined;
  const declared = parts
    .map((part) => ({ part, key: keyOf(part.schema) }))
    .filter((x): x is { part: SchemaAt; key: string } => x.key !== undefined)
    .map(({ part: { schema, pointer }, key }) => ({
      schema: schema.properties[key],
      pointer: schema['x-pointers']?.[key] ?? `${pointer}/properties/${escapePointer(key)}`,
    }));
  if (declared.length > 0) return declared;
  const maps = parts
    .filter(({ schema }) => schema.additionalProperties && typeof schema.additionalProperties === 'object')
    .map(({ schema, pointer }) => ({
      schema: schema.additionalProperties,
      pointer: `${pointer}/additionalProperties`,
    }));
  return maps.length > 0 ? maps : undefined;
}

function isFreeForm(parts: SchemaAt[]): boolean {
  return parts.every(
    ({ schema }) =>
      !schema.properties &&
      !schema.oneOf &&
      !schema.anyOf &&
      !schema.allOf &&
      schema.additionalProperties !== false &&
      (schema.type === undefined || [].concat(schema.type).includes('object' as never)),
  );
}

const READS: Record<string, string[]> = {
  string: ['string'],
  time: ['string'],
  day: ['string'],
  bool: ['boolean'],
  int: ['integer'],
  float: ['number', 'integer'],
  slice: ['array'],
  map: ['object'],
  struct: ['object'],
};

// A Go kind and what it writes: an int is sent as an integer, which `number` accepts too.
const WRITES: Record<string, string[]> = {
  string: ['string'],
  time: ['string'],
  day: ['string'],
  bool: ['boolean'],
  int: ['integer', 'number'],
  float: ['number'],
  slice: ['array'],
  map: ['object'],
  struct: ['object'],
};

class Walker {
  readonly tally: Tally = { total: 0, agree: 0, disagreements: [], dates: 0 };
  private readonly counted = new Set<string>();

  constructor(
    private readonly spec: Json,
    private readonly pkg: GoPackage,
    private readonly validator: SpecValidator,
    private readonly direction: 'decoded' | 'sent',
  ) {}

  private record(field: string, reason?: string): void {
    if (this.counted.has(field)) return;
    this.counted.add(field);
    this.tally.total++;
    if (reason) this.tally.disagreements.push({ field, reason });
    else this.tally.agree++;
  }

  /** Compares a Go value of `type` at `where` with the schema `at`; counts each struct field once. */
  walk(type: GoType, at: SchemaAt[], where: string, depth = 0, chain: string[] = []): void {
    if (depth > 12) return;
    const resolved = resolve(this.pkg, type.kind === 'pointer' ? type.of : type);
    if (resolved.kind === 'pointer') {
      this.walk(resolved, at, where, depth, chain);
      return;
    }
    const parts = at.flatMap((a) => branches(this.spec, a));
    if (resolved.kind === 'struct') {
      const name =
        type.kind === 'named' ? type.name : type.kind === 'pointer' && type.of.kind === 'named' ? type.of.name : '';
      if (name && chain.includes(name)) return; // a recursive type: checked once
      const fields = structFields(this.pkg, resolved) ?? [];
      const free = isFreeForm(parts);
      for (const field of fields) {
        const path = where ? `${where}.${field.json}` : field.json;
        const sub = property(parts, field.json, this.direction === 'decoded');
        if (!sub) {
          this.record(path, free ? undefined : 'absent from the spec');
          continue;
        }
        const reason = this.typeReason(field.type, sub);
        if (!this.counted.has(path) && this.isTime(field.type)) this.tally.dates++;
        this.record(path, reason ?? this.nullReason(field, sub));
        if (!reason) this.walk(field.type, sub, path, depth + 1, name ? [...chain, name] : chain);
      }
      return;
    }
    if (resolved.kind === 'slice') {
      const items = parts
        .filter(({ schema }) => schema.items)
        .map(({ schema, pointer }) => ({ schema: schema.items, pointer: `${pointer}/items` }));
      if (items.length > 0) this.walk(resolved.of, items, `${where}[]`, depth + 1, chain);
      return;
    }
    if (resolved.kind === 'map') {
      const values = parts
        .filter(({ schema }) => schema.additionalProperties && typeof schema.additionalProperties === 'object')
        .map(({ schema, pointer }) => ({
          schema: schema.additionalProperties,
          pointer: `${pointer}/additionalProperties`,
        }));
      if (values.length > 0) this.walk(resolved.of, values, `${where}{}`, depth + 1, chain);
    }
  }

  /** The type encoding/json reads or writes through any pointers. */
  private bare(type: GoType): GoType {
    let resolved = resolve(this.pkg, type);
    while (resolved.kind === 'pointer') resolved = resolve(this.pkg, resolved.of);
    return resolved;
  }

  private isTime(type: GoType): boolean {
    return this.bare(type).kind === 'time';
  }

  /**
   * encoding/json writes a nil slice or map without `omitempty` as `null`: a
   * caller's empty list or map goes out as null. (Nil pointers are left out:
   * the client sets the ones it sends, its rooted wrappers first.)
   */
  private nullReason(field: { type: GoType; omitempty: boolean }, at: SchemaAt[]): string | undefined {
    if (this.direction !== 'sent' || field.omitempty) return undefined;
    const kind = resolve(this.pkg, field.type).kind;
    if (kind !== 'slice' && kind !== 'map') return undefined;
    const refused = at.every((a) => this.validator.validate(a.pointer, null).length > 0);
    return refused ? `Go sends null for a nil ${kind}, the spec refuses null` : undefined;
  }

  /** Why a Go type and a schema disagree, or undefined when they agree. */
  typeReason(type: GoType, at: SchemaAt[]): string | undefined {
    const resolved = this.bare(type);
    if (resolved.kind === 'any' || resolved.kind === 'named') return undefined;
    const parts = at.flatMap((a) => branches(this.spec, a));
    const types = jsonTypes(parts);
    if (types.size === 0) return undefined;
    if (this.direction === 'decoded') {
      const readable = READS[resolved.kind] ?? [];
      const unreadable = [...types].filter((t) => !readable.includes(t));
      if (unreadable.length > 0) return `Go ${resolved.kind} cannot decode ${unreadable.join('/')}`;
    } else if (!(WRITES[resolved.kind] ?? []).some((t) => types.has(t))) {
      return `Go ${resolved.kind} is sent, the spec wants ${[...types].join('/')}`;
    }
    const sample = resolved.kind === 'time' ? [NANO_DATE, BARE_DATE] : resolved.kind === 'day' ? [DAY] : [];
    for (const value of sample) {
      if (at.every((a) => this.validator.validate(a.pointer, value).length > 0)) return `rejects the date ${value}`;
    }
    return undefined;
  }
}

function successOf(operation: Json, expected: number[]): { status: string; response: Json } | undefined {
  for (const status of expected) {
    const response = operation.responses?.[String(status)] ?? operation.responses?.['2XX'];
    if (response) return { status: String(status), response };
  }
  return undefined;
}

/** The query parameters of an operation as one object schema, each property keeping its pointer. */
function queryObject(spec: Json, entry: ReturnType<typeof findOperation> & object): SchemaAt {
  const properties: Record<string, Json> = {};
  const pointers: Record<string, string> = {};
  const lists: Array<[Json[] | undefined, string]> = [
    [entry.pathItem.parameters, `#/paths/${escapePointer(entry.path)}/parameters`],
    [entry.operation.parameters, `${entry.pointer}/parameters`],
  ];
  for (const [list, base] of lists) {
    for (const [i, raw] of (list ?? []).entries()) {
      const parameter = deref(spec, raw);
      if (parameter.in !== 'query') continue;
      properties[parameter.name] = parameter.schema;
      pointers[parameter.name] = `${raw.$ref ?? `${base}/${i}`}/schema`;
    }
  }
  return {
    schema: { type: 'object', properties, additionalProperties: false, 'x-pointers': pointers },
    pointer: '#/query',
  };
}

/** The whole comparison, call by call. */
export function goAgreement(spec: Json, pkg: GoPackage, calls: GoCall[], validator: SpecValidator): Agreement {
  const decoded = new Walker(spec, pkg, validator, 'decoded');
  const sent = new Walker(spec, pkg, validator, 'sent');
  const endpoints: Agreement['endpoints'] = { total: 0, present: [], missing: [], statuses: [] };
  const seenEndpoints = new Set<string>();
  for (const call of calls) {
    const name = `${call.method} ${call.path}`;
    const entry = findOperation(spec, call);
    if (!seenEndpoints.has(name)) {
      seenEndpoints.add(name);
      endpoints.total++;
      (entry ? endpoints.present : endpoints.missing).push(`${name} (${call.site})`);
    }
    if (!entry) continue;
    const label = `${call.method} ${entry.path} (${entry.operation.operationId})`;
    const success = successOf(entry.operation, call.expected);
    if (!success) {
      endpoints.statuses.push({
        field: `${label} ${call.expected.join('/')}`,
        reason: `the client expects ${call.expected.join(' or ')}, the spec answers ${Object.keys(
          entry.operation.responses,
        )
          .filter((s) => s.startsWith('2'))
          .join(', ')}`,
      });
    } else if (call.decoded) {
      const response = deref(spec, success.response);
      const media = response.content?.['application/json'];
      const pointer = success.response.$ref ?? `${entry.pointer}/responses/${success.status}`;
      if (media?.schema)
        decoded.walk(
          call.decoded,
          [{ schema: media.schema, pointer: `${pointer}/content/application~1json/schema` }],
          `${label} ${success.status}`,
        );
      else
        decoded.tally.disagreements.push({ field: `${label} ${success.status}`, reason: 'no JSON body in the spec' });
    }
    if (!call.sent) continue;
    if (['POST', 'PUT', 'PATCH'].includes(call.method)) {
      const body = entry.operation.requestBody && deref(spec, entry.operation.requestBody);
      const schema = body?.content?.['application/json']?.schema;
      const pointer = entry.operation.requestBody?.$ref ?? `${entry.pointer}/requestBody`;
      if (schema)
        sent.walk(call.sent, [{ schema, pointer: `${pointer}/content/application~1json/schema` }], `${label} body`);
      else if (structFields(pkg, call.sent)?.length)
        sent.tally.disagreements.push({ field: `${label} body`, reason: 'the spec takes no body' });
      continue;
    }
    // GET and DELETE send their params as the query string.
    sent.walk(call.sent, [queryObject(spec, entry)], `${label} query`);
  }
  return { endpoints, decoded: decoded.tally, sent: sent.tally };
}
