// Typed handler interfaces, one per resource with the client's names
// (`AppsHandlers { list, retrieve, … }`): typed path params, query, headers
// and body in, and a reply typed as the union of the documented answers.
import type { ApiModel, Operation, ResourceNode } from '../../model/types.js';
import { generatedHeader } from '../header.js';
import { operationDoc, operationTypeStem, resourceClassName } from '../names.js';
import { parametersType, requestBodyType, responseBodyType } from '../type-expressions.js';

export function handlersFile(model: ApiModel, schemaImport: string): string {
  const lines: string[] = [
    generatedHeader(),
    '',
    "import type { HandlerRequest, HandlerResult } from '../../runtime/handler.js';",
    `import type * as Schema from '${schemaImport}';`,
    '',
  ];
  const visit = (node: ResourceNode) => {
    for (const operation of node.operations) lines.push(...operationTypes(operation), '');
    lines.push(`/** Handlers of \`${node.path.join('.')}\`; a missing one answers 501. */`);
    lines.push(`export interface ${resourceClassName(node.path)}Handlers<Principal = unknown> {`);
    for (const operation of node.operations) {
      const base = operationTypeStem(operation);
      lines.push(
        `  /**\n${operationDoc(operation)
          .split('\n')
          .map((l) => `   * ${l}`.trimEnd())
          .join('\n')}\n   */`,
      );
      lines.push(`  ${operation.name}?(request: ${base}Request<Principal>): HandlerResult<${base}Reply>;`);
    }
    for (const child of node.children)
      lines.push(`  ${child.name}?: ${resourceClassName(child.path)}Handlers<Principal>;`);
    lines.push('}', '');
    node.children.forEach(visit);
  };
  model.resources.forEach(visit);
  lines.push(`/** Every handler of ${model.title}, as a tree mirroring the client's resources. */`);
  lines.push('export interface Handlers<Principal = unknown> {');
  for (const node of model.resources)
    lines.push(`  ${node.name}?: ${resourceClassName(node.path)}Handlers<Principal>;`);
  lines.push('}', '');
  return lines.join('\n');
}

function operationTypes(operation: Operation): string[] {
  const base = operationTypeStem(operation);
  const body = operation.body
    ? `${operation.body.required ? '' : 'undefined | '}${requestBodyType(operation)}`
    : 'undefined';
  const replies = Object.entries(operation.schemas.responses).map(([status, response]) => {
    const statuses = /^\dXX$/.test(status) ? statusRange(status) : status;
    const other = response.mediaTypes.some((t) => t !== 'application/json');
    const bodyType = response.schema
      ? `${responseBodyType(operation, status)}${other ? ' | string' : ''}`
      : response.mediaTypes.length > 0
        ? 'string | Uint8Array'
        : 'undefined';
    const required = response.headers.filter((h) => h.required);
    const headers =
      required.length > 0
        ? `headers: { ${required.map((h) => `'${h.name}': string`).join('; ')} } & Record<string, string>`
        : 'headers?: Record<string, string>';
    return `  | { status: ${statuses}; body${response.schema || response.mediaTypes.length ? '' : '?'}: ${bodyType}; ${headers} }`;
  });
  return [
    `/** What a \`${operation.id}\` handler receives. */`,
    `export type ${base}Request<Principal = unknown> = HandlerRequest<${parametersType(operation, 'path')}, ${parametersType(operation, 'query')}, ${parametersType(operation, 'header')}, ${body}, Principal>;`,
    `/** The answers \`${operation.id}\` documents. */`,
    `export type ${base}Reply =`,
    ...replies,
    '  ;',
  ]
    .map((line, i, all) => (i === all.length - 2 ? `${line};` : line))
    .filter((line) => line !== '  ;');
}

function statusRange(range: string): string {
  const first = Number(range[0]) * 100;
  return first === 500 ? '500 | 501 | 502 | 503 | 504' : Array.from({ length: 10 }, (_, i) => first + i).join(' | ');
}
