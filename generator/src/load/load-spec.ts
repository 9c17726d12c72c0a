// Load: one document of the spec, bundled by @scalingo-openapi/spec-reader
// with the project's redocly.yaml, and a locator that turns a pointer of the
// bundle into `file:line:col` for the model's problems.
import { type BundledSpec, declaredApis, readSpec, SourceLocator } from '@scalingo-openapi/spec-reader';

export { declaredApis };

export interface LoadedSpec extends Omit<BundledSpec, 'document'> {
  /** The bundled document: one object whose `$ref`s are all `#/components/...`. */
  document: OpenApiDocument;
  locator: SourceLocator;
}

// biome-ignore lint/suspicious/noExplicitAny: the model reads the document loosely; typed OpenAPI objects come with the emitters' rework.
export type OpenApiDocument = Record<string, any>;

export interface LoadOptions {
  /** Repository root, where redocly.yaml lives. */
  cwd: string;
  /** Redocly API alias (`scalingo`) declared in redocly.yaml. */
  alias: string;
}

export async function loadSpec({ cwd, alias }: LoadOptions): Promise<LoadedSpec> {
  const spec = await readSpec(alias, { cwd });
  return { ...spec, document: spec.document as OpenApiDocument, locator: new SourceLocator(spec.rootFile, { cwd }) };
}
