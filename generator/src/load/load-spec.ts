// Load: one document of the spec, bundled by @scalingo-openapi/spec-reader
// with the project's redocly.yaml (its fast path, which loads no Redocly), and
// a locator that turns a pointer of the bundle into `file:line:col` for the
// model's problems.

import { type BundledSpec, declaredApis, readSpec, SourceLocator } from '@scalingo-openapi/spec-reader';
import type { OpenAPI3 } from 'openapi-typescript';

export { declaredApis };

export interface LoadedSpec extends Omit<BundledSpec, 'document'> {
  /** The bundled document: one object whose `$ref`s are all `#/components/...`. */
  document: OpenApiDocument;
  locator: SourceLocator;
}

/** A bundled OpenAPI 3.1 document, in openapi-typescript's types. */
export type OpenApiDocument = OpenAPI3;

export interface LoadOptions {
  /** Repository root, where redocly.yaml lives. */
  cwd: string;
  /** Redocly API alias (`scalingo`) declared in redocly.yaml. */
  alias: string;
}

export async function loadSpec({ cwd, alias }: LoadOptions): Promise<LoadedSpec> {
  const spec = await readSpec(alias, { cwd, fast: true });
  return { ...spec, document: spec.document as OpenApiDocument, locator: new SourceLocator(spec.rootFile, { cwd }) };
}
