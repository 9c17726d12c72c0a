// Walks of a bundled document: every operation with its resolved parameters,
// and every schema with its pointer.
import type { OpenAPI3, OperationObject, ParameterObject, PathItemObject, SchemaObject } from 'openapi-typescript';
import { deref } from './deref.js';
import { HTTP_METHODS, type HttpMethod } from './methods.js';
import { escapeSegment, operationPointer } from './pointer.js';

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: OperationObject;
  /** The path item, resolved. */
  pathItem: PathItemObject;
  /** Path-level and operation-level parameters, resolved, operation winning. */
  parameters: ParameterObject[];
  /** `#/paths/...` pointer of the operation, for messages and Ajv refs. */
  pointer: string;
}

/** Every operation of the document, in path order then HTTP_METHODS order. */
export function operations(document: OpenAPI3): OperationEntry[] {
  const result: OperationEntry[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const pathItem = deref<PathItemObject>(document, rawItem);
    for (const method of HTTP_METHODS) {
      // Operations are written inline in a bundle (only path items are refs).
      const operation = pathItem[method] as OperationObject | undefined;
      if (!operation) continue;
      const byKey = new Map<string, ParameterObject>();
      for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = deref<ParameterObject>(document, p);
        byKey.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      result.push({
        path,
        method,
        operation,
        pathItem,
        parameters: [...byKey.values()],
        pointer: operationPointer(path, method),
      });
    }
  }
  return result;
}

type Node = Record<string, unknown>;

const SCHEMA_CHILDREN = ['items', 'additionalProperties', 'not', 'contains'] as const;
const SCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'] as const;

/**
 * Every schema written in the document (not the `$ref`s to them), with its
 * pointer, visiting each node once: the component schemas, then the inline
 * schemas of paths, responses, parameters and headers.
 */
export function* walkSchemas(document: OpenAPI3): Generator<{ schema: SchemaObject; pointer: string }> {
  const seen = new Set<unknown>();
  function* visit(schema: unknown, pointer: string): Generator<{ schema: SchemaObject; pointer: string }> {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    const node = schema as Node;
    if (node.$ref) return;
    yield { schema: schema as SchemaObject, pointer };
    for (const [key, value] of Object.entries((node.properties as Node | undefined) ?? {}))
      yield* visit(value, `${pointer}/properties/${escapeSegment(key)}`);
    for (const key of SCHEMA_CHILDREN) {
      if (node[key] && typeof node[key] === 'object') yield* visit(node[key], `${pointer}/${key}`);
    }
    for (const key of SCHEMA_LISTS) {
      for (const [i, part] of ((node[key] as unknown[] | undefined) ?? []).entries())
        yield* visit(part, `${pointer}/${key}/${i}`);
    }
  }
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    yield* visit(schema, `#/components/schemas/${escapeSegment(name)}`);
  }
  const stack: Array<[unknown, string]> = [
    [document.paths, '#/paths'],
    [document.components?.responses, '#/components/responses'],
    [document.components?.parameters, '#/components/parameters'],
    [document.components?.headers, '#/components/headers'],
  ];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      const childPointer = `${pointer}/${escapeSegment(key)}`;
      if (key === 'schema') yield* visit(value, childPointer);
      else if (key !== 'examples' && key !== 'example') stack.push([value, childPointer]);
    }
  }
}
