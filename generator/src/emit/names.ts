// Names of generated symbols and identifiers, derived from the model in one
// place: classes, functions, params types, files, and whether a wire name can
// be written bare as a key or a variable.
import type { Operation, ResourceNode } from '../model/types.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const RESERVED = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'let',
  'new',
  'null',
  'of',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
]);

/** Whether a name can be written bare as an object key (`app`, not `'X-Dry-Run'`). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** An object key as written in code: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A wire name made into a variable name (`addon-id` → `addon_id`, a keyword gets a `_`). */
export function variableName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(cleaned) || RESERVED.has(cleaned) ? `_${cleaned}` : cleaned;
}

/** A wire key in camelCase for a sample's variable (`audit_logs` → `auditLogs`), or `fallback`. */
export function camelVariable(key: string, fallback: string): string {
  const name = key.replace(/[_-]([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  return /^[A-Za-z]/.test(name) && !RESERVED.has(name) ? name : fallback;
}

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

/** `apps.variables.update` → `AppsVariablesUpdate`: the stem of every type named after an operation. */
export function operationTypeStem(operation: Operation): string {
  return `${resourceClassName(operation.resource)}${pascal(operation.name)}`;
}

/** `apps.variables.update` → `AppsVariablesUpdateParams`. */
export function paramsTypeName(operation: Operation): string {
  return `${operationTypeStem(operation)}Params`;
}

/** `apps.variables.bulkUpdate` → `appsVariablesBulkUpdate`: the standalone function and its spec. */
export function functionName(operation: Operation): string {
  const stem = operationTypeStem(operation);
  return stem[0]!.toLowerCase() + stem.slice(1);
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
