// Names of generated symbols, derived from the model in one place.
import type { Operation, ResourceNode } from '../model/types.js';

export function pascal(segment: string): string {
  return segment
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** `['apps', 'variables']` → `AppsVariables`. */
export function resourceClassName(path: string[]): string {
  return path.map(pascal).join('');
}

/** `apps.variables.update` → `AppsVariablesUpdateParams`. */
export function paramsTypeName(operation: Operation): string {
  return `${resourceClassName(operation.resource)}${pascal(operation.name)}Params`;
}

export function resourceFileName(node: ResourceNode): string {
  return node.name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** JSDoc text of an operation: summary, description, the HTTP call. */
export function operationDoc(operation: Operation): string {
  const lines = [operation.summary];
  if (operation.description && operation.description.trim() !== operation.summary)
    lines.push('', operation.description.trim());
  lines.push('', `\`${operation.method} ${operation.path}\` on the ${operation.service} API.`);
  if (operation.deprecated)
    lines.push('@deprecated The API keeps this endpoint for compatibility; see the description for its replacement.');
  return lines.join('\n').replace(/\*\//g, '*\\/');
}

/** `operations['apps.list']` */
export function operationType(operation: Operation): string {
  return `Schema.operations['${operation.id}']`;
}
