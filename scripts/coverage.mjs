// npm run coverage [-- --json] — every operation of the spec grouped by API and
// resource, with counts; and every endpoint of the public reference with the
// operation that encodes it (openapi/reference-endpoints.yaml).
// Exit code 1 when an operation lacks its operationId, examples or errors, or
// a reference endpoint maps to no operation.
import fs from 'node:fs';
import path from 'node:path';
import { bundleSpec, documents, repoRoot } from '@scalingo-openapi/spec-reader';
import { parse } from 'yaml';
import { operationRows } from './lib/coverage.mjs';

const rows = [];
for (const alias of Object.keys(documents)) rows.push(...operationRows(alias, await bundleSpec(alias)));
/** @type {{ endpoints: { method: string, url: string, operation?: string }[] }} */
const reference = parse(fs.readFileSync(path.join(repoRoot, 'openapi/reference-endpoints.yaml'), 'utf8'));
const ids = new Set(rows.map((r) => r.operationId));
const unmapped = reference.endpoints.filter((e) => e.operation && !ids.has(e.operation));
const incomplete = rows.filter((r) => !r.operationId || !r.examples || r.errors.length === 0);

/**
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string} key
 */
function groupBy(items, key) {
  /** @type {Map<string, T[]>} */
  const groups = new Map();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ operations: rows, reference: reference.endpoints, unmapped, incomplete }, null, 2));
} else {
  const byApi = groupBy(rows, (r) => r.api);
  for (const [api, apiRows] of byApi) {
    console.log(`\n${api} — ${apiRows.length} operations`);
    for (const [resource, resourceRows] of groupBy(apiRows, (r) => r.resource)) {
      console.log(`  ${resource} (${resourceRows.length})`);
      for (const r of resourceRows) {
        const flags = [
          r.evidence ? 'client evidence' : '',
          r.examples ? '' : 'NO EXAMPLES',
          r.errors.length ? '' : 'NO ERRORS',
          r.deprecated ? 'deprecated' : '',
        ]
          .filter(Boolean)
          .join(', ');
        console.log(
          `    ${r.method.padEnd(6)} ${r.path.padEnd(58)} ${r.operationId ?? 'NO OPERATIONID'}${flags ? `  [${flags}]` : ''}`,
        );
      }
    }
  }
  const covered = reference.endpoints.filter((e) => e.operation).length;
  console.log(`\nTotal: ${rows.length} operations (${[...byApi].map(([api, r]) => `${api}: ${r.length}`).join('; ')})`);
  console.log(
    `Reference: ${reference.endpoints.length} endpoint lines, ${covered} encoded as operations, ${reference.endpoints.length - covered} not operations by decision (see notes)`,
  );
  const evidenced = rows.filter((r) => r.evidence);
  console.log(
    `Official clients only: ${evidenced.length} operations the reference does not document (x-scalingo-evidence)`,
  );
  for (const r of evidenced) console.log(`  ${r.method.padEnd(6)} ${r.path.padEnd(58)} ${r.evidence.join(', ')}`);
  for (const e of unmapped) console.log(`  UNMAPPED ${e.method} ${e.url} → ${e.operation}`);
}
process.exit(unmapped.length > 0 || incomplete.length > 0 ? 1 : 0);
