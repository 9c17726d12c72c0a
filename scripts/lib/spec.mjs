// Loads the spec the way every tool of the project sees it: through Redocly's
// library with redocly.yaml (plugins, decorators such as HEAD for GET).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The documents of the project, by Redocly API alias. */
export const documents = {
  scalingo: { root: 'openapi/openapi.yaml', output: 'openapi' },
  'addon-provider': { root: 'openapi/addon-provider.yaml', output: 'addon-provider' },
  streams: { root: 'openapi/streams.yaml', output: 'streams' },
};

process.env.REDOCLY_TELEMETRY = 'off';

const configs = new Map();
function config(cwd) {
  if (!configs.has(cwd)) configs.set(cwd, loadConfig({ configPath: path.join(cwd, 'redocly.yaml') }));
  return configs.get(cwd);
}

/**
 * Bundles one document into a single object with `#/components` refs only.
 * `cwd` may be another checkout of the spec (a git ref extracted by
 * `npm run diff`, a temporary copy), bundled with its own redocly.yaml.
 */
export async function bundleSpec(alias = 'scalingo', { dereference = false, cwd = repoRoot } = {}) {
  const document = documents[alias];
  if (!document) throw new Error(`Unknown document "${alias}"`);
  const result = await bundle({
    ref: path.join(cwd, document.root),
    config: (await config(cwd)).forAlias(alias),
    dereference,
  });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const where = (p) => {
      const loc = p.location?.[0];
      return loc
        ? `${path.relative(cwd, loc.source.absoluteRef)}${loc.pointer ? ` ${loc.pointer}` : ''}`
        : document.root;
    };
    throw new Error(errors.map((p) => `${where(p)}: ${p.message}`).join('\n'));
  }
  return result.bundle.parsed;
}
