// Load: bundle one document with Redocly's library and the project's
// redocly.yaml (so decorators such as HEAD-for-GET apply), and turn every
// problem into `file:line:col message`.
import fs from 'node:fs';
import path from 'node:path';
import { bundle, type Config, getLineColLocation, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import { SpecError, type SpecProblem } from './problems.js';
import { SourceLocator } from './source-locator.js';

export interface LoadedSpec {
  alias: string;
  rootFile: string;
  /** The bundled document: one object whose `$ref`s are all `#/components/...`. */
  document: OpenApiDocument;
  /** Source files the document was read from (for `--watch`). */
  files: string[];
  locator: SourceLocator;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenApiDocument = Record<string, any>;

export interface LoadOptions {
  /** Repository root, where redocly.yaml lives. */
  cwd: string;
  /** Redocly API alias (`scalingo`) declared in redocly.yaml. */
  alias: string;
}

const configs = new Map<string, Promise<Config>>();

function configFor(cwd: string): Promise<Config> {
  process.env.REDOCLY_TELEMETRY = 'off';
  const configPath = path.join(cwd, 'redocly.yaml');
  // Keyed by modification time, so that --watch sees an edited redocly.yaml.
  const key = `${configPath}@${fs.statSync(configPath, { throwIfNoEntry: false })?.mtimeMs ?? 0}`;
  let config = configs.get(key);
  if (!config) {
    config = loadConfig({ configPath });
    configs.set(key, config);
  }
  return config;
}

/** The API aliases redocly.yaml declares. */
export async function declaredApis(cwd: string): Promise<Set<string>> {
  return new Set(Object.keys((await configFor(cwd)).resolvedConfig.apis ?? {}));
}

export async function loadSpec({ cwd, alias }: LoadOptions): Promise<LoadedSpec> {
  const config = configFor(cwd);
  const apiConfig = (await config).forAlias(alias);
  const root = (await config).resolvedConfig.apis?.[alias]?.root;
  if (!root) throw new SpecError([{ file: 'redocly.yaml', line: 1, col: 1, message: `no API "${alias}" in apis:` }]);
  const rootFile = path.resolve(cwd, root);
  const locator = new SourceLocator(rootFile, cwd);
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    // Each run parses the files again: bundling mutates what it parsed, so
    // Redocly's resolver cache cannot be kept between runs.
    result = await bundle({ ref: rootFile, config: apiConfig });
  } catch (error) {
    throw new SpecError([fromThrown(error, rootFile, cwd)]);
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new SpecError(errors.map((p) => fromRedocly(p, cwd, rootFile)));
  return {
    alias,
    rootFile,
    document: result.bundle.parsed as OpenApiDocument,
    files: [...result.fileDependencies, rootFile],
    locator,
  };
}

function fromRedocly(problem: NormalizedProblem, cwd: string, rootFile: string): SpecProblem {
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
