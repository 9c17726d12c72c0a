// The runtime metadata of every client operation (method, path, server,
// where each argument goes, envelope), and the servers of each service.
import type { ApiModel, Operation } from '../../model/types.js';
import { generatedHeader } from '../header.js';

export function operationsFile(model: ApiModel, operations: Operation[]): string {
  const services = Object.fromEntries(
    model.services
      .filter((s) => s.name !== 'provider')
      .map((service) => [service.name, { url: service.urls[0], regions: service.regions }]),
  );
  return [
    generatedHeader(),
    '',
    "import type { ServiceTable } from '../core/client.js';",
    "import type { OperationSpec } from '../core/operation.js';",
    '',
    `/** Version of the spec (\`info.version\`) this client was generated from. */`,
    `export const specVersion = ${literal(model.version)};`,
    '',
    '/** Server URL template and regions of each service. */',
    `export const services: ServiceTable = ${literal(services)};`,
    '',
    '/** Runtime description of every operation, by operationId: one line each. */',
    'export const ops = {',
    ...operations.map((operation) => `  ${literal(operation.id)}: ${inline(operationSpec(operation))},`),
    '} satisfies Record<string, OperationSpec>;',
    '',
  ].join('\n');
}

function operationSpec(operation: Operation): Record<string, unknown> {
  const { signature } = operation;
  const keys = (from: string) => signature.paramKeys.filter((k) => k.from === from).map((k) => k.key);
  const envelope = operation.success.envelope;
  // Usual values are left out (regional service, Bearer-or-Basic security): the runtime fills them in.
  const usualSecurity = JSON.stringify(operation.security) === JSON.stringify([['bearerAuth'], ['basicAuth']]);
  return {
    id: operation.id,
    method: operation.method,
    path: operation.path,
    ...(operation.service !== 'regional' ? { service: operation.service } : {}),
    ...(usualSecurity ? {} : { security: operation.security }),
    ...(signature.positional ? { positional: signature.positional } : {}),
    ...(keys('path').length ? { pathParams: keys('path') } : {}),
    ...(keys('query').length ? { query: keys('query') } : {}),
    ...(keys('header').length ? { headers: keys('header') } : {}),
    ...(operation.body
      ? {
          body: {
            mode: operation.body.mode,
            keys: operation.body.mode === 'spread' ? operation.body.rootKeys : ['body'],
          },
        }
      : {}),
    envelope:
      envelope.kind === 'root'
        ? `root:${envelope.key}`
        : envelope.kind === 'raw'
          ? `raw:${envelope.mediaType}`
          : envelope.kind,
    ...(operation.pagination ? { paginated: operation.pagination.itemsKey } : {}),
    ...(operation.async ? { async: true } : {}),
  };
}

/** A readable, deterministic object literal (`as const`-friendly, single quotes). */
export function literal(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => literal(v)).join(', ')}]`;
    return `[${value.map((v) => literal(v, indent)).join(', ')}]`;
  }
  if (value && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${inner}${key(k)}: ${literal(v, inner)},`,
    );
    return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}

/** One-line object literal. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${key(k)}: ${inline(v)}`)
      .join(', ')} }`;
  }
  return literal(value);
}

function key(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : `'${k}'`;
}
