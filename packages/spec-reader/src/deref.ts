// `$ref` resolution inside one bundled document, where every `$ref` is local
// (`#/components/...`).
import { pointerGet } from './pointer.js';

const MAX_DEPTH = 20;

export function isRef(node: unknown): node is { $ref: string } {
  return node != null && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string';
}

/**
 * Follows local `$ref`s from `node` to the first node that is not one. A
 * non-local `$ref` is left as is; a loop throws.
 */
export function deref<T = unknown>(document: unknown, node: unknown): T {
  let current = node;
  for (let depth = 0; isRef(current) && current.$ref.startsWith('#'); depth++) {
    if (depth >= MAX_DEPTH) throw new Error(`$ref loop at ${(node as { $ref: string }).$ref}`);
    current = pointerGet(document, current.$ref);
  }
  return current as T;
}
