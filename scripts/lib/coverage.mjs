// What the spec covers: every operation grouped by API and resource, with
// whether it has an operationId, examples and the error answers that apply;
// and which endpoints of the public reference map to which operation.
import fs from 'node:fs';
import path from 'node:path';
import { deref, operations } from '@scalingo-openapi/spec-reader';

/**
 * @param {string} alias
 * @param {string} url
 */
export function apiOf(alias, url) {
  if (alias === 'addon-provider') return 'Addon provider API (served by providers)';
  if (alias === 'streams') return 'Streams (logs and deployments hosts)';
  if (/\/\/auth\./.test(url)) return 'Authentication API';
  if (/\/\/db-api\./.test(url)) return 'Database API';
  if (/\/\/cashmachine\./.test(url)) return 'Billing API';
  return 'Regional API';
}

/**
 * One row per operation (HEAD twins excluded), with its completeness.
 * @param {string} alias
 * @param {import('openapi-typescript').OpenAPI3} doc
 */
export function operationRows(alias, doc) {
  /** @type {(raw: unknown) => { content?: Record<string, import('openapi-typescript').MediaTypeObject> }} */
  const body = (raw) => deref(doc, raw);
  const rows = [];
  for (const { path: route, method, operation: op, pathItem: item } of operations(doc)) {
    if (op['x-scalingo-head-of']) continue;
    const servers = op.servers ?? item.servers ?? doc.servers ?? [{ url: '' }];
    const responses = Object.entries(op.responses ?? {});
    /** @type {import('openapi-typescript').MediaTypeObject[]} */
    const media = [];
    if (op.requestBody) media.push(...Object.values(body(op.requestBody).content ?? {}));
    for (const [, raw] of responses) media.push(...Object.values(body(raw).content ?? {}));
    const missingExamples = media.filter(
      (m) => m.example === undefined && Object.keys(m.examples ?? {}).length === 0,
    ).length;
    rows.push({
      api: apiOf(alias, servers[0]?.url ?? ''),
      resource: op.tags?.[0] ?? '(untagged)',
      method: method.toUpperCase(),
      path: route,
      operationId: op.operationId,
      examples: media.length > 0 && missingExamples === 0,
      errors: responses.map(([status]) => status).filter((s) => !/^2/.test(s)),
      deprecated: op.deprecated === true,
      evidence: op['x-scalingo-evidence'] ?? null,
    });
  }
  return rows;
}

/**
 * `METHOD https://host/v1/apps/[:app]` lines of the reference, as `{method, path, file}`.
 * @param {string} referenceDir
 */
export function referenceEndpoints(referenceDir) {
  /** @type {{ method: string | undefined, url: string | undefined, file: string }[]} */
  const endpoints = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) {
        for (const match of fs.readFileSync(full, 'utf8').matchAll(/^`(GET|POST|PUT|PATCH|DELETE) ([^`]+)`\s*$/gm)) {
          endpoints.push({ method: match[1], url: match[2], file: path.relative(referenceDir, full) });
        }
      }
    }
  };
  walk(referenceDir);
  return endpoints;
}
