// The types of a document come from openapi-typescript; we take its output as
// text (ts-morph bundles its own TypeScript, so no syntax nodes cross over).
//
// openapiTS() lints and bundles its input again with its own copy of Redocly;
// our input is already bundled and linted, so we call its exported
// transformSchema() with the context openapiTS() would build with these
// options: the same output in a fraction of the time.
//
// Its CommonJS build is loaded with require(), and only the transform: through
// Node's ESM loader the package's `import ts from 'typescript'` has the 9 MB
// typescript.js scanned for export names first, and the package entry loads
// Redocly as well; together ~1.5 s of the ~2 s the import takes.
import { createRequire } from 'node:module';
import type { OpenApiDocument } from '../load/load-spec.js';

/** `slot` names the document across runs (its alias): a renderer may reuse its last output for it. */
export type TypesRenderer = (document: OpenApiDocument, slot?: string) => Promise<string>;

const OPTIONS = { rootTypes: true, rootTypesNoSchemaPrefix: true, silent: true } as const;

type Transform = Pick<
  typeof import('openapi-typescript'),
  'scanDiscriminators' | 'resolveRef' | 'transformSchema' | 'astToString'
>;

let loaded: Transform | undefined;

/** openapi-typescript's transform, loaded once (the worker calls it early to warm up). */
export function loadTransform(): Transform {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const { scanDiscriminators, resolveRef } = require('openapi-typescript/dist/lib/utils.cjs');
    const { astToString } = require('openapi-typescript/dist/lib/ts.cjs');
    const transformSchema = require('openapi-typescript/dist/transform/index.cjs');
    loaded = { scanDiscriminators, resolveRef, astToString, transformSchema };
  }
  return loaded;
}

export const renderSchemaTypes: TypesRenderer = async (document) => renderTypes(structuredClone(document));

/** What openapi-typescript found of a document's discriminators (a walk of the whole document). */
export type Discriminators = ReturnType<Transform['scanDiscriminators']>;

/** Scans `schema` for discriminators; openapi-typescript patches the schemas they map to, in place. */
export function scanDiscriminators(schema: OpenApiDocument): Discriminators {
  return loadTransform().scanDiscriminators(schema as never, OPTIONS);
}

/**
 * openapi-typescript's output for `schema` (which it may rewrite: pass a copy),
 * or for only the paths of `schema` named in `only` (their entries of `paths`
 * and `operations`, components and the rest left out), rendered as part of
 * the whole document: same references, same discriminators (`discriminators`,
 * when the caller knows them already, else a scan of `schema`).
 */
export function renderTypes(
  schema: OpenApiDocument,
  only?: readonly string[],
  discriminators: Discriminators = scanDiscriminators(schema),
): string {
  const ots = loadTransform();
  const rendered = only
    ? { ...schema, paths: Object.fromEntries(only.map((p) => [p, schema.paths?.[p]])), components: {}, webhooks: {} }
    : schema;
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators,
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: OPTIONS.rootTypes,
    rootTypesNoSchemaPrefix: OPTIONS.rootTypesNoSchemaPrefix,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref: string) {
      return ots.resolveRef(schema as never, $ref, { silent: true });
    },
  };
  return ots.astToString(ots.transformSchema(rendered as never, ctx as never));
}

/** Names of the schema aliases in openapi-typescript's output (`export type App = components['schemas']['App']`). */
export function schemaAliases(types: string): Set<string> {
  const aliases = new Set<string>();
  for (const match of types.matchAll(/^export type (\w+) = components\['schemas'\]\['([^']+)'\];$/gm)) {
    if (match[1] === match[2]) aliases.add(match[1]!);
  }
  return aliases;
}
