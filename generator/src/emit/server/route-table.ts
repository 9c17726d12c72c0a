// The route table of the server stubs: each operation's method, path, service,
// security and JSON Schemas, and the component schemas they reference.
import type { ApiModel, Operation } from '../../model/types.js';
import { generatedHeader } from '../header.js';

export function routesFile(model: ApiModel, operations: Operation[]): string {
  const routes = operations.map((operation) => ({
    id: operation.id,
    resource: operation.resource,
    name: operation.name,
    method: operation.method,
    path: operation.path,
    service: operation.service,
    security: operation.security,
    success: operation.success.status,
    async: operation.async,
    ...(operation.pagination ? { paginated: operation.pagination.itemsKey } : {}),
    schemas: operation.schemas,
  }));
  return [
    generatedHeader(),
    '',
    "import type { RouteSpec } from '../../runtime/route-spec.js';",
    '',
    `/** Every operation of ${model.title} ${model.version}, with the JSON Schemas the stubs validate. */`,
    `export const routes: RouteSpec[] = ${JSON.stringify(routes, null, 2)};`,
    '',
  ].join('\n');
}

export function componentsFile(model: ApiModel): string {
  return [
    generatedHeader(),
    '',
    '/** The component schemas the routes reference as `#/components/schemas/...`. */',
    `export const componentSchemas: Record<string, unknown> = ${JSON.stringify(model.componentSchemas, null, 2)};`,
    '',
  ].join('\n');
}

/** The documented example answers of each operation, by status: what the stubs answer without a handler in examples mode. */
export function examplesFile(model: ApiModel, operations: Operation[]): string {
  const examples = Object.fromEntries(operations.map((operation) => [operation.id, operation.examples.responses]));
  return [
    generatedHeader(),
    '',
    "import type { ExampleAnswers } from '../../runtime/route-spec.js';",
    '',
    `/** Example answers of ${model.title} ${model.version}, by operation and status. */`,
    `export const examples: ExampleAnswers = ${JSON.stringify(examples, null, 2)};`,
    '',
  ].join('\n');
}
