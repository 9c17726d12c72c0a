// generate(): load → model → emit, returning every file it produces. It
// touches no file; write/ does that.
import { loadSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel } from './model/types.js';
import { clientFile, indexFile } from './emit/client/client-class.js';
import { operationsFile } from './emit/client/operations-table.js';
import { resourceFile } from './emit/client/resource-classes.js';
import { apiMarkdown } from './emit/docs/api-md.js';
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

export async function generate({ cwd, renderTypes = renderSchemaTypes }: GenerateOptions): Promise<GeneratedOutput> {
  const spec = await loadSpec({ cwd, alias: 'scalingo' });
  const typesPromise = renderTypes(spec.document);
  typesPromise.catch(() => undefined);
  const model = buildModel(spec);
  const types = await typesPromise;
  const client = clientTree(model, types);
  return {
    trees: [client],
    files: new Map([['packages/client/api.md', apiMarkdown(model)]]),
    inputs: spec.files,
    models: [model],
  };
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
