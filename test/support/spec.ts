// The bundled spec as tests see it, and helpers to walk its operations.
import { bundleSpec } from '../../scripts/lib/spec.mjs';

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationEntry {
  path: string;
  method: (typeof METHODS)[number];
  operation: Json;
  pathItem: Json;
  /** Path-level and operation-level parameters, resolved, operation winning. */
  parameters: Json[];
  /** `#/paths/...` pointer of the operation, for messages and Ajv refs. */
  pointer: string;
}

export async function loadSpec(alias = 'scalingo'): Promise<Json> {
  return bundleSpec(alias);
}

/** Follows a local `$ref` (`#/components/...`) until a non-ref node. */
export function deref(spec: Json, node: Json): Json {
  let current = node;
  for (let depth = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`$ref loop at ${node.$ref}`);
    current = pointerGet(spec, current.$ref);
  }
  return current;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerGet(spec: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local refs are expected in the bundle, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node == null ? undefined : node[key]), spec);
}

export function operations(spec: Json): OperationEntry[] {
  const result: OperationEntry[] = [];
  for (const [path, rawItem] of Object.entries<Json>(spec.paths ?? {})) {
    const pathItem = deref(spec, rawItem);
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const byKey = new Map<string, Json>();
      for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = deref(spec, p);
        byKey.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      result.push({
        path,
        method,
        operation,
        pathItem,
        parameters: [...byKey.values()],
        pointer: `#/paths/${escapePointer(path)}/${method}`,
      });
    }
  }
  return result;
}

/** `METHOD /path (operationId)` — how tests name an operation. */
export function label(entry: OperationEntry): string {
  return `${entry.method.toUpperCase()} ${entry.path} (${entry.operation.operationId})`;
}

/** Every schema reachable in the document, with a pointer, visiting each node once. */
export function* walkSchemas(spec: Json): Generator<{ schema: Json; pointer: string }> {
  const seen = new Set<Json>();
  function* visit(schema: Json, pointer: string): Generator<{ schema: Json; pointer: string }> {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    if (schema.$ref) return;
    yield { schema, pointer };
    for (const [key, value] of Object.entries<Json>(schema.properties ?? {}))
      yield* visit(value, `${pointer}/properties/${escapePointer(key)}`);
    for (const key of ['items', 'additionalProperties', 'not', 'contains']) {
      if (schema[key] && typeof schema[key] === 'object') yield* visit(schema[key], `${pointer}/${key}`);
    }
    for (const key of ['allOf', 'oneOf', 'anyOf', 'prefixItems']) {
      for (const [i, part] of (schema[key] ?? []).entries()) yield* visit(part, `${pointer}/${key}/${i}`);
    }
  }
  for (const [name, schema] of Object.entries<Json>(spec.components?.schemas ?? {})) {
    yield* visit(schema, `#/components/schemas/${name}`);
  }
  // Inline schemas of operations (bodies, parameters, headers).
  const stack: Array<[Json, string]> = [
    [spec.paths, '#/paths'],
    [spec.components?.responses, '#/components/responses'],
    [spec.components?.parameters, '#/components/parameters'],
    [spec.components?.headers, '#/components/headers'],
  ];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries<Json>(node)) {
      const childPointer = `${pointer}/${escapePointer(key)}`;
      if (key === 'schema') yield* visit(value, childPointer);
      else if (key !== 'examples' && key !== 'example') stack.push([value, childPointer]);
    }
  }
}
