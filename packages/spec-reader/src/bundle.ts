// Bundles one document of the spec into a single object whose `$ref`s are all
// `#/components/...`, with redocly.yaml applied (plugins, decorators such as
// HEAD-for-GET), and turns every problem into `file:line:col message`.
// Redocly is loaded only when needed (~0.4 s): `fast` reads first try
// resolve-bundle.ts, which gives the same document without it.
import fs from 'node:fs';
import path from 'node:path';
import type { Config, NormalizedProblem } from '@redocly/openapi-core';
import type { OpenAPI3 } from 'openapi-typescript';
import { repoRoot } from './documents.js';
import { rawConfig } from './light-config.js';
import { SpecError, type SpecProblem } from './problems.js';
import { resolveBundle } from './resolve-bundle.js';

export interface ReadOptions {
  /** Checkout holding redocly.yaml: the repository, a git ref extracted by `npm run diff`, a fixture. */
  cwd?: string;
  /** Replace every `$ref` by its target (cyclic schemas stay shared objects). */
  dereference?: boolean;
  /**
   * Resolve the `$ref`s without Redocly where the spec and redocly.yaml allow
   * it (the same document, key order included), else bundle with Redocly.
   */
  fast?: boolean;
}

export interface BundledSpec {
  alias: string;
  /** Absolute path of the document's root file. */
  rootFile: string;
  document: OpenAPI3;
  /** Absolute paths of the source files the document was read from (for `--watch`). */
  files: string[];
}

const configs = new Map<string, Promise<Config>>();

function configFor(cwd: string): Promise<Config> {
  process.env.REDOCLY_TELEMETRY = 'off';
  const configPath = path.join(cwd, 'redocly.yaml');
  // Keyed by modification time, so that --watch sees an edited redocly.yaml.
  const key = `${configPath}@${fs.statSync(configPath, { throwIfNoEntry: false })?.mtimeMs ?? 0}`;
  let config = configs.get(key);
  if (!config) {
    config = import('@redocly/openapi-core').then(({ loadConfig }) => loadConfig({ configPath }));
    configs.set(key, config);
  }
  return config;
}

/** The API aliases redocly.yaml declares. */
export async function declaredApis(cwd = repoRoot): Promise<Set<string>> {
  return new Set(Object.keys(rawConfig(cwd).apis ?? {}));
}

/** Bundles the document redocly.yaml declares as `alias`; throws a SpecError on any error. */
export async function readSpec(
  alias = 'scalingo',
  { cwd = repoRoot, dereference = false, fast = false }: ReadOptions = {},
): Promise<BundledSpec> {
  if (fast && !dereference) {
    const resolved = await resolveBundle(alias, cwd);
    if (resolved) return { alias, ...resolved };
  }
  const config = await configFor(cwd);
  const root = config.resolvedConfig.apis?.[alias]?.root;
  if (!root) throw new SpecError([{ file: 'redocly.yaml', line: 1, col: 1, message: `no API "${alias}" in apis:` }]);
  const rootFile = path.resolve(cwd, root);
  const { bundle, getLineColLocation } = await import('@redocly/openapi-core');
  const { CachingResolver } = await import('./parse-cache.js');
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    // A new resolver per run (bundling rewrites what it resolved), over one
    // parse cache for the process.
    const externalRefResolver = new CachingResolver(config.resolve);
    result = await bundle({ ref: rootFile, config: config.forAlias(alias), dereference, externalRefResolver });
  } catch (error) {
    throw new SpecError([fromThrown(error, rootFile, cwd)]);
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new SpecError(errors.map((p) => fromRedocly(p, cwd, rootFile, getLineColLocation)));
  return {
    alias,
    rootFile,
    document: result.bundle.parsed as OpenAPI3,
    files: [...new Set([...result.fileDependencies, rootFile])],
  };
}

/** The bundled document alone. */
export async function bundleSpec(alias = 'scalingo', options: ReadOptions = {}): Promise<OpenAPI3> {
  return (await readSpec(alias, options)).document;
}

function fromRedocly(
  problem: NormalizedProblem,
  cwd: string,
  rootFile: string,
  getLineColLocation: typeof import('@redocly/openapi-core').getLineColLocation,
): SpecProblem {
  const location = problem.location[0];
  if (!location) return { file: path.relative(cwd, rootFile), line: 1, col: 1, message: problem.message };
  const { start } = getLineColLocation(location);
  return {
    file: path.relative(cwd, location.source.absoluteRef),
    line: start.line,
    col: start.col,
    message: problem.message,
  };
}

function fromThrown(error: unknown, rootFile: string, cwd: string): SpecProblem {
  // YAML syntax errors carry the file and position of the mistake.
  const e = error as {
    message?: string;
    source?: { absoluteRef?: string };
    mark?: { line: number; column: number };
    linePos?: Array<{ line: number; col: number }>;
  };
  const file = e.source?.absoluteRef ?? rootFile;
  const line = e.mark ? e.mark.line + 1 : (e.linePos?.[0]?.line ?? 1);
  const col = e.mark ? e.mark.column + 1 : (e.linePos?.[0]?.col ?? 1);
  return { file: path.relative(cwd, file), line, col, message: (e.message ?? String(error)).split('\n')[0]! };
}
