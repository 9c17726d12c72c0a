// The one door to the project's spec loading (Redocly's bundler with
// redocly.yaml, its decorators and plugins): the documents and how to bundle
// one, so that both sides of a diff are read the way every other tool reads them.
import { documents as all, bundleSpec as bundle } from '../../../../scripts/lib/spec.mjs';
import type { Json } from '../types.js';

export interface SpecDocument {
  /** Root file, relative to the repository: `openapi/openapi.yaml`. */
  root: string;
  /** Name of the bundled file, without extension: `openapi`. */
  output: string;
}

/** The documents of the project, by Redocly API alias (`scalingo`, `addon-provider`, `streams`). */
export const documents: Readonly<Record<string, SpecDocument>> = all;

/** One document bundled with the redocly.yaml of `cwd` (another checkout, a git ref extracted, a copy). */
export function bundleSpec(alias: string, options: { cwd: string }): Promise<Json> {
  return bundle(alias, options);
}
