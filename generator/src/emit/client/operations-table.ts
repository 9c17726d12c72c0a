// What the client runtime knows of each operation, as typed values: one spec
// per operation (method, path, server, where each argument goes, envelope)
// in `specs/<resource>.ts`, so a bundle keeps only the specs of the functions
// it calls; and `operations.ts`, the servers of each service, the two
// operations the core client calls itself, and the table of every spec.
import type { ApiModel, Operation, ResourceNode } from '../../model/types.js';
import { generatedHeader } from '../header.js';
import { printLiteral, quote } from '../literal.js';
import { functionName, resourceFileName } from '../names.js';

/** Operations the core client sends on its own (token exchange, region discovery). */
const RUNTIME_OPERATIONS = { exchange: 'tokens.exchange', regions: 'regions.list' } as const;

/** Every operation of a top-level resource and its sub-resources, in tree order. */
export function subtreeOperations(node: ResourceNode): Operation[] {
  return [...node.operations, ...node.children.flatMap(subtreeOperations)];
}

export function specsFile(node: ResourceNode): string {
  return [
    generatedHeader(),
    '',
    "import type { OperationSpec } from '../../core/operation.js';",
    '',
    ...subtreeOperations(node).flatMap((operation) => [
      `/** \`${operation.id}\`: \`${operation.method} ${operation.path}\`. */`,
      `export const ${functionName(operation)}: OperationSpec = ${printLiteral(operationSpec(operation), { inline: true })};`,
    ]),
    '',
  ].join('\n');
}

export function operationsFile(model: ApiModel): string {
  const services = Object.fromEntries(
    model.services
      .filter((s) => s.name !== 'provider')
      .map((service) => [service.name, { url: service.urls[0], regions: service.regions }]),
  );
  const byId = new Map<string, { operation: Operation; file: string }>();
  for (const node of model.resources)
    for (const operation of subtreeOperations(node))
      byId.set(operation.id, { operation, file: resourceFileName(node) });
  const runtime = Object.entries(RUNTIME_OPERATIONS).map(([role, id]) => {
    const entry = byId.get(id);
    if (!entry) throw new Error(`The client runtime needs the operation ${id}, which the spec does not declare`);
    return [role, entry] as const;
  });
  return [
    generatedHeader(),
    '',
    "import type { RuntimeTable, ServiceTable } from '../core/client.js';",
    "import type { OperationSpec } from '../core/operation.js';",
    ...model.resources.map(
      (node) => `import * as ${specsNamespace(resourceFileName(node))} from './specs/${resourceFileName(node)}.js';`,
    ),
    '',
    `/** Version of the spec (\`info.version\`) this client was generated from. */`,
    `export const specVersion = ${quote(model.version)};`,
    '',
    '/** Server URL template and regions of each service. */',
    `export const services: ServiceTable = ${printLiteral(services)};`,
    '',
    '/** What the core client takes from the spec: the servers and the operations it sends itself. */',
    'export const runtimeTable: RuntimeTable = {',
    '  services,',
    ...runtime.map(([role, { operation, file }]) => `  ${role}: ${specsNamespace(file)}.${functionName(operation)},`),
    '};',
    '',
    '/** Every operation by operationId. */',
    'export const ops = {',
    ...[...byId.values()]
      .sort((a, b) => (a.operation.id < b.operation.id ? -1 : 1))
      .map(({ operation, file }) => `  ${quote(operation.id)}: ${specsNamespace(file)}.${functionName(operation)},`),
    '} satisfies Record<string, OperationSpec>;',
    '',
  ].join('\n');
}

/** `addon-categories` → `addonCategoriesSpecs`. */
function specsNamespace(file: string): string {
  return `${file.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Specs`;
}

/** The runtime's view of an operation; usual values (regional service, Bearer-or-Basic security) are left out. */
export function operationSpec(operation: Operation): Record<string, unknown> {
  const { signature } = operation;
  const keys = (from: string) => signature.paramKeys.filter((k) => k.from === from).map((k) => k.key);
  const envelope = operation.success.envelope;
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
        ? { kind: 'root', key: envelope.key }
        : envelope.kind === 'raw'
          ? { kind: 'raw', mediaType: envelope.mediaType }
          : { kind: envelope.kind },
    ...(operation.pagination ? { paginated: operation.pagination.itemsKey } : {}),
    ...(operation.async ? { async: true } : {}),
  };
}
