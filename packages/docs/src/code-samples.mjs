// Puts the generator's code samples (packages/docs/src/generated/
// code-samples.json: TypeScript with our client, curl) on the operations of
// the bundled spec as `x-codeSamples`, which Redoc shows beside each one.
// The samples and the spec must describe the same operations: a spec changed
// without `npm run generate` fails the build instead of shipping a page
// without samples.

import { operations } from '@scalingo-openapi/spec-reader';

/** Every operation of a document, with where it lives (`{ path, method, operation, … }`). */
export const operationsOf = operations;

/** @typedef {Record<string, { lang: string, label: string, source: string }[]>} Samples by operationId */

/**
 * A copy of `spec` with `x-codeSamples` on every operation. Throws when an
 * operation has no sample or a sample names no operation.
 * @param {import('openapi-typescript').OpenAPI3} spec
 * @param {Samples} samples
 */
export function injectCodeSamples(spec, samples) {
  const result = structuredClone(spec);
  /** @type {Set<string | undefined>} */
  const known = new Set();
  /** @type {string[]} */
  const missing = [];
  for (const { path, method, operation } of operationsOf(result)) {
    const id = operation.operationId;
    known.add(id);
    const entries = id === undefined ? undefined : samples[id];
    if (!Array.isArray(entries) || entries.length === 0) {
      missing.push(`${method.toUpperCase()} ${path} (${id ?? 'no operationId'})`);
      continue;
    }
    operation['x-codeSamples'] = entries.map(({ lang, label, source }) => ({ lang, label, source }));
  }
  const unknown = Object.keys(samples).filter((id) => !known.has(id));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      [
        'The code samples do not match the spec; run `npm run generate`.',
        ...missing.map((m) => `  no sample for ${m}`),
        ...unknown.map((id) => `  sample for unknown operation ${id}`),
      ].join('\n'),
    );
  }
  return result;
}
