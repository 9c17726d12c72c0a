// The bundled spec as tests see it: the spec reader's walks, typed loosely so
// that a test can reach into any node.
import * as reader from '@scalingo-openapi/spec-reader';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary nodes of the document.
export type Json = any;
export const METHODS = reader.HTTP_METHODS;
export const escapePointer = reader.escapeSegment;

export interface OperationEntry {
  path: string;
  method: reader.HttpMethod;
  operation: Json;
  pathItem: Json;
  /** Path-level and operation-level parameters, resolved, operation winning. */
  parameters: Json[];
  /** `#/paths/...` pointer of the operation, for messages and Ajv refs. */
  pointer: string;
}

export async function loadSpec(alias = 'scalingo'): Promise<Json> {
  return reader.bundleSpec(alias);
}

/** Follows a local `$ref` (`#/components/...`) until a non-ref node. */
export const deref: (spec: Json, node: Json) => Json = reader.deref;

export function pointerGet(spec: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local refs are expected in the bundle, got ${ref}`);
  return reader.pointerGet(spec, ref);
}

export const operations: (spec: Json) => OperationEntry[] = reader.operations;

/** `METHOD /path (operationId)` — how tests name an operation. */
export function label(entry: OperationEntry): string {
  return `${entry.method.toUpperCase()} ${entry.path} (${entry.operation.operationId})`;
}

/** Every schema reachable in the document, with a pointer, visiting each node once. */
export const walkSchemas: (spec: Json) => Generator<{ schema: Json; pointer: string }> = reader.walkSchemas;
