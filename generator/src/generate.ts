// generate(): load → model → emit, returning every file it produces. It
// touches no file; write/ does that.
import { createHash } from 'node:crypto';
import type { PrintMemo } from './emit/print.js';
import { renderSchemaTypes, type TypesRenderer } from './emit/schema-types.js';
import { declaredApis, loadSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel } from './model/types.js';

type Emitters = typeof import('./emit/emitters.js');

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
  /** Rendered types kept between runs (--watch). */
  cache?: GenerateCache;
}

export interface GenerateCache {
  /** Printed declarations of the client, from one run to the next. */
  printed?: PrintedDeclarations;
}

/** Printed text by digest of the structure printed: an edit prints again only the declarations it changed. */
export class PrintedDeclarations {
  private last = new Map<string, string>();
  private current = new Map<string, string>();

  /** Starts a run: what the previous run did not print is dropped. */
  next(): void {
    this.last = this.current;
    this.current = new Map();
  }

  readonly print: PrintMemo = (input, print) => {
    const key = createHash('sha1').update(JSON.stringify(input)).digest('hex');
    const text = this.current.get(key) ?? this.last.get(key) ?? print();
    this.current.set(key, text);
    return text;
  };
}

export const CLIENT_DIR = 'packages/client/src/generated';
export const SERVER_DIR = 'packages/server/src/generated';
export const DOCS_DIR = 'packages/docs/src/generated';

/** The documents generated from: the API, and what an addon provider serves. */
const DOCUMENTS = [
  { alias: 'scalingo', folder: 'scalingo', optional: false },
  { alias: 'addon-provider', folder: 'addon-provider', optional: true },
] as const;

export async function generate({
  cwd,
  renderTypes = renderSchemaTypes,
  cache,
}: GenerateOptions): Promise<GeneratedOutput> {
  const declared = await declaredApis(cwd);
  const documents = DOCUMENTS.filter((d) => !d.optional || declared.has(d.alias));
  const specs = await Promise.all(documents.map((d) => loadSpec({ cwd, alias: d.alias })));
  // Types of every document render (in a worker, for the CLI) while models are
  // built. Between runs (--watch) the alias names the document to the renderer,
  // which renders again only the path items that changed, or nothing.
  const typesPromises = specs.map((spec) => renderTypes(spec.document, cache ? spec.alias : undefined));
  for (const p of typesPromises) p.catch(() => undefined);
  const emit = await import('./emit/emitters.js');
  cache?.printed?.next();
  const models = specs.map((spec) => buildModel(spec));
  // What needs no types is emitted while the worker renders them: the main
  // API's stubs (they share the client's types), the samples, api.md.
  const [api] = models;
  const shared = documents.map((d) => d.folder === 'scalingo');
  const serverOf = (i: number, types?: string) =>
    [...serverFiles(emit, models[i]!, types, shared[i]!)].map(
      ([file, content]) => [`${documents[i]!.folder}/${file}`, content] as const,
    );
  const early = models.map((_model, i) => (shared[i] ? serverOf(i) : undefined));
  const samples = emit.codeSamples(api!);
  const apiMarkdown = emit.apiMarkdown(api!);
  const types = await Promise.all(typesPromises);
  const server: GeneratedTree = {
    dir: SERVER_DIR,
    files: new Map(models.flatMap((_model, i) => early[i] ?? serverOf(i, types[i]!))),
  };
  const docs: GeneratedTree = {
    dir: DOCS_DIR,
    files: new Map([
      ['code-samples.json', `${JSON.stringify({ $comment: emit.generatedHeader().slice(3), samples }, null, 2)}\n`],
    ]),
  };
  return {
    trees: [clientTree(emit, api!, types[0]!, cache?.printed?.print), server, docs],
    files: new Map([['packages/client/api.md', apiMarkdown]]),
    inputs: [...new Set(specs.flatMap((s) => s.files))],
    models,
  };
}

/** The stubs of one document; the main API reuses the client's schema types (and needs no `types`). */
export function serverFiles(
  emit: Emitters,
  model: ApiModel,
  types: string | undefined,
  shareClientTypes: boolean,
): Map<string, string> {
  const operations = model.operations.filter((o) => !o.headOf);
  const files = new Map<string, string>();
  if (!shareClientTypes) {
    if (types === undefined) throw new Error(`the stubs of ${model.title} need its types`);
    files.set('schema.ts', `${emit.generatedHeader()}\n${types.endsWith('\n') ? types : `${types}\n`}`);
  }
  files.set(
    'handlers.ts',
    emit.handlersFile(model, shareClientTypes ? '@scalingo-openapi/client/schema' : './schema.js'),
  );
  files.set('routes.ts', emit.routesFile(model, operations));
  files.set('components.ts', emit.componentsFile(model));
  files.set('examples.ts', emit.examplesFile(model, operations));
  return files;
}

export function clientTree(emit: Emitters, model: ApiModel, types: string, memo?: PrintMemo): GeneratedTree {
  const aliases = emit.schemaAliases(types);
  const files = new Map<string, string>();
  files.set('schema.ts', `${emit.generatedHeader()}\n${types.endsWith('\n') ? types : `${types}\n`}`);
  files.set('operations.ts', emit.operationsFile(model));
  for (const node of model.resources) {
    const file = emit.resourceFileName(node);
    files.set(`specs/${file}.ts`, emit.specsFile(node));
    files.set(`funcs/${file}.ts`, emit.printFile(emit.functionsFile(node, aliases), memo));
    files.set(`resources/${file}.ts`, emit.printFile(emit.resourceFile(node, aliases), memo));
  }
  files.set('funcs/index.ts', emit.printFile(emit.functionsIndexFile(model.resources)));
  files.set('client.ts', emit.printFile(emit.clientFile(model, model.resources)));
  files.set('index.ts', emit.printFile(emit.indexFile(model.resources)));
  return { dir: CLIENT_DIR, files };
}
