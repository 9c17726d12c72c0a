// What resolve-bundle.ts needs of redocly.yaml, read without loading Redocly:
// the root of each API and the decorators its bundle runs, taken from the
// project's plugins. A configuration it cannot honour exactly (preprocessors,
// a built-in decorator, an `extends` that is not one of Redocly's rulesets)
// answers `undefined`, and the caller bundles with Redocly.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WalkTypeName } from './oas-walk-types.js';
import { parseYaml } from './yaml-cache.js';

type VisitorFn = (node: unknown, ctx: DecoratorContext) => void;

export interface DecoratorContext {
  resolve(node: unknown): { node: unknown };
  report(problem: unknown): void;
}

export interface DecoratorVisitor {
  enter?: VisitorFn;
  leave?: VisitorFn;
}

export interface BundleConfig {
  rootFile: string;
  /** The decorators' visitors by node type, in the order Redocly runs them. */
  decorators: Partial<Record<WalkTypeName, DecoratorVisitor[]>>;
}

interface RawConfig {
  apis?: Record<string, { root?: string; decorators?: Record<string, unknown>; preprocessors?: unknown }>;
  plugins?: unknown[];
  decorators?: Record<string, unknown>;
  preprocessors?: unknown;
  extends?: unknown;
}

interface Plugin {
  id?: string;
  decorators?: { oas3?: Record<string, (options: Record<string, unknown>) => Record<string, unknown>> };
}

const RULESETS = new Set(['minimal', 'recommended', 'recommended-strict', 'spec', 'all']);
const WALKED = new Set<string>([
  'Root',
  'Paths',
  'PathItem',
  'Operation',
  'Parameter',
  'RequestBody',
  'MediaType',
  'Response',
  'Header',
  'Schema',
  'Components',
]);
const raw = new Map<string, RawConfig>();

/** redocly.yaml parsed, again whenever it changes (--watch). */
export function rawConfig(cwd: string): RawConfig {
  const file = path.join(cwd, 'redocly.yaml');
  const text = fs.readFileSync(file, 'utf8');
  let config = raw.get(text);
  if (!config) {
    config = (parseYaml(text, file) ?? {}) as RawConfig;
    raw.set(text, config);
  }
  return config;
}

export async function bundleConfig(cwd: string, alias: string): Promise<BundleConfig | undefined> {
  const config = rawConfig(cwd);
  const api = config.apis?.[alias];
  if (!api?.root || config.preprocessors || api.preprocessors) return undefined;
  const extended = ([] as unknown[]).concat(config.extends ?? []);
  if (!extended.every((name) => typeof name === 'string' && RULESETS.has(name))) return undefined;
  const settings = { ...config.decorators, ...api.decorators };
  const plugins = await Promise.all((config.plugins ?? []).map((p) => loadPlugin(cwd, p)));
  const decorators: BundleConfig['decorators'] = {};
  for (const [id, setting] of Object.entries(settings)) {
    const options = typeof setting === 'object' && setting !== null ? { ...(setting as Record<string, unknown>) } : {};
    const severity = typeof setting === 'string' ? setting : (options.severity ?? 'error');
    delete options.severity;
    if (severity === 'off') continue;
    const [pluginId, name] = id.split('/');
    const make = plugins.find((p) => p?.id === pluginId)?.decorators?.oas3?.[name ?? ''];
    if (!name || !make) return undefined;
    for (const [type, visitor] of Object.entries(make(options))) {
      const normalized =
        typeof visitor === 'function' ? { enter: visitor as VisitorFn } : (visitor as DecoratorVisitor);
      const keys = Object.keys(normalized);
      if (!WALKED.has(type) || keys.some((k) => k !== 'enter' && k !== 'leave')) return undefined;
      (decorators[type as WalkTypeName] ??= []).push(normalized);
    }
  }
  return { rootFile: path.resolve(cwd, api.root), decorators };
}

async function loadPlugin(cwd: string, entry: unknown): Promise<Plugin | undefined> {
  if (typeof entry !== 'string') return undefined;
  const module = (await import(pathToFileURL(path.resolve(cwd, entry)).href)) as { default?: unknown };
  const value = module.default;
  return (typeof value === 'function' ? value() : value) as Plugin | undefined;
}
