// Reads the rooted envelope of a body: which root key holds the resource,
// which component schema it is, and whether the answer is a page.
import { deref as readerDeref } from '@scalingo-openapi/spec-reader';
import type { OpenApiDocument } from '../load/load-spec.js';
import type { Envelope, Pagination, SchemaRef } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

/** `deref` of the spec reader, typed loosely for the model's walks. */
export function deref(doc: OpenApiDocument, node: Json): Json {
  return readerDeref<Json>(doc, node);
}

export function schemaRef(schema: Json): SchemaRef | undefined {
  const direct = typeof schema?.$ref === 'string' ? COMPONENT_REF.exec(schema.$ref) : null;
  if (direct) return { name: direct[1]!, isArray: false };
  const items =
    schema?.type === 'array' && typeof schema.items?.$ref === 'string' ? COMPONENT_REF.exec(schema.items.$ref) : null;
  if (items) return { name: items[1]!, isArray: true };
  return undefined;
}

/** Property names of an object schema, following `$ref` and `allOf`. */
export function objectKeys(doc: OpenApiDocument, schema: Json): { keys: string[]; required: string[] } {
  const resolved = deref(doc, schema);
  const keys = new Set<string>(Object.keys(resolved?.properties ?? {}));
  const required = new Set<string>(resolved?.required ?? []);
  for (const part of resolved?.allOf ?? []) {
    const inner = objectKeys(doc, part);
    for (const k of inner.keys) keys.add(k);
    for (const k of inner.required) required.add(k);
  }
  return { keys: [...keys], required: [...required] };
}

export function readEnvelope(doc: OpenApiDocument, response: Json, options: { unrooted: boolean }): Envelope {
  const content = response?.content ?? {};
  const types = Object.keys(content);
  if (types.length === 0) return { kind: 'empty' };
  const json = types.find((t) => t === 'application/json' || t.endsWith('+json'));
  if (!json) return { kind: 'raw', mediaType: types[0]! };
  const schema = deref(doc, content[json].schema);
  const { keys } = objectKeys(doc, schema);
  if (keys.length === 1) {
    const key = keys[0]!;
    const property = deref(doc, schema)?.properties?.[key];
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
  response: Json,
  perPage: Json | undefined,
): Pagination | undefined {
  const schema = deref(doc, response?.content?.['application/json']?.schema);
  const { keys } = objectKeys(doc, schema);
  if (!keys.includes('meta')) return undefined;
  const itemsKey = keys.find((k) => k !== 'meta');
  if (!itemsKey) return undefined;
  const item = schemaRef(deref(doc, schema).properties?.[itemsKey]);
  const max = deref(doc, perPage?.schema)?.maximum;
  return {
    itemsKey,
    ...(item ? { item: { name: item.name, isArray: false } } : {}),
    ...(typeof max === 'number' ? { maxPerPage: max } : {}),
  };
}
