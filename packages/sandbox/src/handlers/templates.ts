// The documented example of a resource, as the starting shape of a new
// document: every field the schema requires is there, and the request's own
// values are laid over it.
import { examples } from '@scalingo-openapi/server';

export function exampleOf(operationId: string, root: string): Record<string, unknown> {
  const answers = examples[operationId] ?? {};
  const success = Object.keys(answers).find((status) => status.startsWith('2'));
  const body = (success ? answers[success]?.body : undefined) as Record<string, unknown> | undefined;
  const value = body?.[root];
  const first = Array.isArray(value) ? value[0] : value;
  if (!first || typeof first !== 'object') throw new Error(`${operationId} documents no example of "${root}"`);
  return structuredClone(first) as Record<string, unknown>;
}

/** The fields of `input` that are set, to lay over a document. */
export function defined(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
}
