// api.md: every client method with its verb and path, grouped by resource,
// and the names the official clients use for the same calls.
import type { ApiModel, Operation, ResourceNode } from '../../model/types.js';
import { generatedHeader } from '../header.js';
import { propertyKey } from '../names.js';
import { OFFICIAL_NAMES } from './official-names.js';

export function apiMarkdown(model: ApiModel): string {
  const lines: string[] = [
    generatedHeader('md'),
    '',
    `# ${model.title} ${model.version} — client methods`,
    '',
    'Calls read `client.<resource>.<method>(<innermost path parameter>, <params>, <options>)`: the last',
    'path parameter is positional, the other path parameters, the query and header parameters and the',
    'root keys of the JSON body go in `params` with their wire names. HEAD requests go through',
    '`client.raw.<service>.HEAD(...)`.',
    '',
  ];
  const visit = (node: ResourceNode) => {
    if (node.operations.length > 0) {
      lines.push(
        `## \`client.${node.path.join('.')}\``,
        '',
        '| Method | HTTP | Service | Summary |',
        '| --- | --- | --- | --- |',
      );
      for (const operation of node.operations) {
        lines.push(
          `| \`${call(operation)}\` | \`${operation.method} ${operation.path}\` | ${operation.service} | ${cell(operation.summary)}${operation.deprecated ? ' (deprecated)' : ''} |`,
        );
      }
      lines.push('');
    }
    node.children.forEach(visit);
  };
  model.resources.forEach(visit);

  const known = model.operations.filter((o) => OFFICIAL_NAMES[o.id]);
  lines.push(
    '## From the official clients',
    '',
    'Names used by the official Go client (`go-scalingo`) and Ruby client (`scalingo-ruby-api`) for the same calls.',
    '',
    '| Go | Ruby | Here |',
    '| --- | --- | --- |',
    ...known.map(
      (o) =>
        `| ${OFFICIAL_NAMES[o.id]!.go ? `\`${OFFICIAL_NAMES[o.id]!.go}\`` : ''} | ${OFFICIAL_NAMES[o.id]!.ruby ? `\`${OFFICIAL_NAMES[o.id]!.ruby}\`` : ''} | \`client.${o.id}()\` |`,
    ),
    '',
  );
  return lines.join('\n');
}

/** `apps.variables.update(variable_id, { app, variable })` */
export function call(operation: Operation): string {
  const args: string[] = [];
  if (operation.signature.positional) args.push(operation.signature.positional);
  if (operation.signature.hasParams) {
    const keys = operation.signature.paramKeys.map((k) => propertyKey(k.key) + (k.required ? '' : '?'));
    args.push(`{ ${keys.join(', ')} }`);
  }
  return `${operation.id}(${args.join(', ')})`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
