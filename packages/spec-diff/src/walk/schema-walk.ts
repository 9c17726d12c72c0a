// Walking a bundled document (pointers and `$ref`s are spec-reader's): which
// components requests and responses reach, where a Redocly change path leads,
// and whether a schema lets `null` through. Pure functions.
import {
  escapeSegment,
  HTTP_METHODS,
  isRef,
  pointerGet,
  deref as readerDeref,
  segmentsOf,
} from '@scalingo-openapi/spec-reader';
import type { Direction, Json } from '../types.js';
import { isObject, member } from './json.js';

/** The methods list as strings, for lookups by an arbitrary pointer segment. */
export const METHODS: readonly string[] = HTTP_METHODS;

/** The node at `pointer` (spec-reader's pointerGet). */
export const get = (document: Json, pointer: string): Json => pointerGet(document, pointer);

export const deref = (document: Json, node: Json): Json => readerDeref(document, node);

/**
 * Follows a Redocly change path (which walks through `$ref`s, discriminator
 * mappings and `$ref` siblings) to the node it names. `pointer` is where that
 * node is written: for `.../items/properties/updated_at`, the property of
 * `#/components/schemas/App`, not the `NullableDateTime` it refers to.
 */
export function walk(document: Json, changePath: string): { node: Json; pointer: string } | undefined {
  let node = document;
  let pointer = '#';
  for (const segment of segmentsOf(changePath)) {
    if (segment === '$ref' && isRef(node)) {
      pointer = node.$ref;
      node = get(document, node.$ref);
      continue;
    }
    if (isRef(node) && !(segment in node)) {
      pointer = node.$ref;
      node = get(document, node.$ref);
    }
    if (!isObject(node)) return undefined;
    node = node[segment];
    pointer = `${pointer}/${escapeSegment(segment)}`;
    // Discriminator mappings name their schema by a string reference.
    if (typeof node === 'string' && node.startsWith('#/') && segmentsOf(pointer).includes('mapping')) {
      pointer = node;
      node = get(document, node);
    }
  }
  return node === undefined ? undefined : { node, pointer };
}

/** Whether a value `null` is valid against the schema (3.1 `type`, `anyOf`, `const`, 3.0 `nullable`). */
export function acceptsNull(document: Json, schema: Json, depth = 0): boolean {
  const s = deref(document, schema);
  if (depth > 20 || s === undefined || s === null) return false;
  if (s === true) return true;
  if (!isObject(s)) return false;
  if (s.nullable === true || s.const === null || (Array.isArray(s.enum) && s.enum.includes(null))) return true;
  if (s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null'))) return true;
  if (s.type !== undefined || s.const !== undefined || s.enum !== undefined) return false;
  for (const key of ['anyOf', 'oneOf']) {
    const branches = s[key];
    if (Array.isArray(branches)) return branches.some((b) => acceptsNull(document, b, depth + 1));
  }
  const allOf = s.allOf;
  if (Array.isArray(allOf)) return allOf.every((b) => acceptsNull(document, b, depth + 1));
  // A schema without any type keyword accepts anything, null included.
  return true;
}

/** `#/components/schemas/App` for any pointer inside that component. */
export function componentOf(pointer: string): string | undefined {
  const segments = segmentsOf(pointer);
  return segments[0] === 'components' && segments.length >= 3
    ? `#/components/${segments[1]}/${escapeSegment(segments[2]!)}`
    : undefined;
}

/** `POST /apps` for a pointer under `#/paths/~1apps/post`. */
export function operationOf(pointer: string): string | undefined {
  const [root, route, method] = segmentsOf(pointer);
  if (root !== 'paths' || !route) return undefined;
  return method && METHODS.includes(method) ? `${method.toUpperCase()} ${route}` : route;
}

/** Which side of an exchange a pointer under `#/paths` is on. */
export function directionOf(pointer: string): Direction | undefined {
  const segments = segmentsOf(pointer);
  if (segments[0] !== 'paths') return undefined;
  const rest = METHODS.includes(segments[2] ?? '') ? segments.slice(3) : segments.slice(2);
  if (rest[0] === 'responses') return 'response';
  if (rest[0] === 'requestBody' || rest[0] === 'parameters') return 'request';
  return undefined;
}

export interface Usage {
  directions: Set<Direction>;
  operations: Set<string>;
}

/**
 * For each component, the sides of an exchange it is reached from and the
 * operations that reach it. Redocly reports a shared schema's change once, on
 * the first operation it walks; a schema that the first operation reads back
 * may also be sent by another.
 */
export function componentUsage(document: Json): Map<string, Usage> {
  const usage = new Map<string, Usage>();
  const reach = (node: Json, direction: Direction, operation: string, seen: Set<string>) => {
    const visit = (value: Json, key?: string) => {
      if (typeof value === 'string') {
        if (value.startsWith('#/components/') && (key === '$ref' || key === 'mapping')) enter(value);
        return;
      }
      if (!value || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (const item of value) visit(item);
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        if (k === 'examples' || k === 'example') continue;
        if (k === 'mapping' && v && typeof v === 'object')
          for (const target of Object.values(v)) visit(target, 'mapping');
        else visit(v, k);
      }
    };
    const enter = (ref: string) => {
      const component = componentOf(ref);
      if (!component || seen.has(component)) return;
      seen.add(component);
      const entry = usage.get(component) ?? { directions: new Set(), operations: new Set() };
      entry.directions.add(direction);
      entry.operations.add(operation);
      usage.set(component, entry);
      visit(get(document, component));
    };
    visit(node);
  };
  const paths = member(document, 'paths');
  for (const [route, item] of Object.entries(isObject(paths) ? paths : {})) {
    for (const method of METHODS) {
      const operation = member(item, method);
      if (!operation) continue;
      const label = `${method.toUpperCase()} ${route}`;
      reach(
        [member(item, 'parameters'), member(operation, 'parameters'), member(operation, 'requestBody')],
        'request',
        label,
        new Set(),
      );
      reach(member(operation, 'responses'), 'response', label, new Set());
    }
  }
  return usage;
}
