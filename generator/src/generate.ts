// generate(): load → model → emit, returning every file it produces. It
// touches no file; write/ does that.
import { declaredApis, loadSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel } from './model/types.js';
import { clientFile, indexFile } from './emit/client/client-class.js';
import { operationsFile } from './emit/client/operations-table.js';
import { resourceFile } from './emit/client/resource-classes.js';
import { apiMarkdown } from './emit/docs/api-md.js';
import { codeSamples } from './emit/docs/code-samples.js';
import { handlersFile } from './emit/server/handler-types.js';
import { componentsFile, examplesFile, routesFile } from './emit/server/route-table.js';
import { generatedHeader } from './emit/header.js';
import { resourceFileName } from './emit/names.js';
import { printFile } from './emit/print.js';
import { renderSchemaTypes, schemaAliases, type TypesRenderer } from './emit/schema-types.js';

/** A directory the generator owns entirely: files it does not produce are removed. */
export interface GeneratedTree {
  dir: string;
  files: Map<string, string>;
}

export interface GeneratedOutput {
  trees: GeneratedTree[];
  /** Single files outside generated trees (api.md). */
  files: Map<string, string>;
  /** Source files read, for --watch. */
  inputs: string[];
  models: ApiModel[];
}

export interface GenerateOptions {
  /** Repository root (where redocly.yaml is). */
  cwd: string;
  /** How to obtain openapi-typescript's output; in-process by default. */
  renderTypes?: TypesRenderer;
}

export const CLIENT_DIR = 'packages/client/src/generated';
export const SERVER_DIR = 'packages/server/src/generated';
export const DOCS_DIR = 'packages/docs/src/generated';

/** The documents generated from: the API, and what an addon provider serves. */
const DOCUMENTS = [
  { alias: 'scalingo', folder: 'scalingo', optional: false },
  { alias: 'addon-provider', folder: 'addon-provider', optional: true },
] as const;

export async function generate({ cwd, renderTypes = renderSchemaTypes }: GenerateOptions): Promise<GeneratedOutput> {
  const declared = await declaredApis(cwd);
  const documents = DOCUMENTS.filter((d) => !d.optional || declared.has(d.alias));
  const specs = await Promise.all(documents.map((d) => loadSpec({ cwd, alias: d.alias })));
  // Types of every document render (in a worker, for the CLI) while models are built.
  const typesPromises = specs.map((spec) => renderTypes(spec.document));
  typesPromises.forEach((p) => p.catch(() => undefined));
  const models = specs.map((spec) => buildModel(spec));
  const types = await Promise.all(typesPromises);
  const [api] = models;
  const server: GeneratedTree = { dir: SERVER_DIR, files: new Map() };
  models.forEach((model, i) => {
    const folder = documents[i]!.folder;
    for (const [file, content] of serverFiles(model, types[i]!, folder === 'scalingo')) server.files.set(`${folder}/${file}`, content);
  });
  const docs: GeneratedTree = {
    dir: DOCS_DIR,
    files: new Map([['code-samples.json', `${JSON.stringify({ $comment: generatedHeader().slice(3), samples: codeSamples(api!) }, null, 2)}\n`]]),
  };
  return {
    trees: [clientTree(api!, types[0]!), server, docs],
    files: new Map([['packages/client/api.md', apiMarkdown(api!)]]),
    inputs: [...new Set(specs.flatMap((s) => s.files))],
    models,
  };
}

/** The stubs of one document; the main API reuses the client's schema types. */
export function serverFiles(model: ApiModel, types: string, shareClientTypes: boolean): Map<string, string> {
  const operations = model.operations.filter((o) => !o.headOf);
  const files = new Map<string, string>();
  if (!shareClientTypes) files.set('schema.ts', `${generatedHeader()}\n${types.endsWith('\n') ? types : `${types}\n`}`);
  files.set('handlers.ts', handlersFile(model, shareClientTypes ? '@scalingo-openapi/client/schema' : './schema.js'));
  files.set('routes.ts', routesFile(model, operations));
  files.set('components.ts', componentsFile(model));
  files.set('examples.ts', examplesFile(model, operations));
  return files;
}

export function clientTree(model: ApiModel, types: string): GeneratedTree {
  const aliases = schemaAliases(types);
  const operations = model.operations.filter((o) => !o.headOf);
  const files = new Map<string, string>();
  files.set('schema.ts', `${generatedHeader()}\n${types.endsWith('\n') ? types : `${types}\n`}`);
  files.set('operations.ts', operationsFile(model, operations));
  for (const node of model.resources) files.set(`resources/${resourceFileName(node)}.ts`, printFile(resourceFile(node, aliases)));
  files.set('client.ts', printFile(clientFile(model, model.resources)));
  files.set('index.ts', printFile(indexFile(model.resources)));
  return { dir: CLIENT_DIR, files };
}
