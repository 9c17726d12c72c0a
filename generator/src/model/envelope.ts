// Reads the rooted envelope of a body: which root key holds the resource,
// which component schema it is, and whether the answer is a page.
import { isRef, deref as readerDeref } from '@scalingo-openapi/spec-reader';
import type { ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from 'openapi-typescript';
import type { OpenApiDocument } from '../load/load-spec.js';
import type { Envelope, Pagination, SchemaRef } from './types.js';

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

/** `deref` of the spec reader: a spec object or a `$ref` to one in, the object out. */
export function deref<T extends object>(doc: OpenApiDocument, node: T | ReferenceObject): Exclude<T, ReferenceObject>;
export function deref<T extends object>(
  doc: OpenApiDocument,
  node: T | ReferenceObject | undefined,
): Exclude<T, ReferenceObject> | undefined;
export function deref<T extends object>(
  doc: OpenApiDocument,
  node: T | ReferenceObject | undefined,
): Exclude<T, ReferenceObject> | undefined {
  return readerDeref<Exclude<T, ReferenceObject> | undefined>(doc, node);
}

/** The properties of an object schema (none for other schemas). */
export function propertiesOf(schema: SchemaObject | undefined): Record<string, SchemaObject | ReferenceObject> {
  return schema && 'properties' in schema ? (schema.properties ?? {}) : {};
}

export function schemaRef(schema: SchemaObject | ReferenceObject | undefined): SchemaRef | undefined {
  const direct = isRef(schema) ? COMPONENT_REF.exec(schema.$ref) : null;
  if (direct) return { name: direct[1]!, isArray: false };
  const items =
    schema && 'items' in schema && schema.type === 'array' && isRef(schema.items)
      ? COMPONENT_REF.exec(schema.items.$ref)
      : null;
  if (items) return { name: items[1]!, isArray: true };
  return undefined;
}

/** Property names of an object schema, following `$ref` and `allOf`. */
export function objectKeys(
  doc: OpenApiDocument,
  schema: SchemaObject | ReferenceObject | undefined,
): { keys: string[]; required: string[] } {
  const resolved = deref(doc, schema);
  const keys = new Set<string>(Object.keys(propertiesOf(resolved)));
  const required = new Set<string>(resolved?.required ?? []);
  for (const part of resolved?.allOf ?? []) {
    const inner = objectKeys(doc, part);
    for (const k of inner.keys) keys.add(k);
    for (const k of inner.required) required.add(k);
  }
  return { keys: [...keys], required: [...required] };
}

export function readEnvelope(
  doc: OpenApiDocument,
  response: ResponseObject | undefined,
  options: { unrooted: boolean },
): Envelope {
  const content = response?.content ?? {};
  const types = Object.keys(content);
  if (types.length === 0) return { kind: 'empty' };
  const json = types.find((t) => t === 'application/json' || t.endsWith('+json'));
  if (!json) return { kind: 'raw', mediaType: types[0]! };
  const schema = deref(doc, content[json]!.schema);
  const { keys } = objectKeys(doc, schema);
  if (keys.length === 1) {
    const key = keys[0]!;
    const property = propertiesOf(schema)[key];
    const ref = schemaRef(property);
    if (ref) return { kind: 'root', key, schema: ref };
    // An operation marked unrooted answers a flat object: `{url}` is the answer, not a root.
    return options.unrooted ? { kind: 'whole' } : { kind: 'root', key };
  }
  return { kind: 'whole' };
}

/** A page: `page`/`per_page` parameters and a body `{<items>: [...], meta: PaginationMeta}`. */
export function readPagination(
  doc: OpenApiDocument,
  response: ResponseObject | undefined,
  perPage: ParameterObject | undefined,
): Pagination | undefined {
  const schema = deref(doc, response?.content?.['application/json']?.schema);
  const { keys } = objectKeys(doc, schema);
  if (!keys.includes('meta')) return undefined;
  const itemsKey = keys.find((k) => k !== 'meta');
  if (!itemsKey) return undefined;
  const item = schemaRef(propertiesOf(schema)[itemsKey]);
  const perPageSchema = deref(doc, perPage?.schema);
  const max = perPageSchema && 'maximum' in perPageSchema ? perPageSchema.maximum : undefined;
  return {
    itemsKey,
    ...(item ? { item: { name: item.name, isArray: false } } : {}),
    ...(typeof max === 'number' ? { maxPerPage: max } : {}),
  };
}
