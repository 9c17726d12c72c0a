// TypeScript type expressions over openapi-typescript's `operations` and
// `components`, shared by the client and the server stubs, so both type an
// operation's parameters and results the same way.
import type { Envelope, Operation } from '../model/types.js';
import { operationType } from './names.js';

/** Names of the component aliases openapi-typescript exported (`App`), to prefer them in signatures. */
export type AliasSet = ReadonlySet<string>;

/** Schema types are referenced through the `Schema` namespace import, so they never clash with resource classes. */
export function componentType(name: string, aliases: AliasSet): string {
  return aliases.has(name) ? `Schema.${name}` : `Schema.components['schemas']['${name}']`;
}

export function successBodyType(operation: Operation): string {
  return `${operationType(operation)}['responses'][${operation.success.status}]['content']['application/json']`;
}

/** The JSON body of an answer by its status key as the spec writes it (`'200'`, `'5XX'`). */
export function responseBodyType(operation: Operation, status: string): string {
  return `${operationType(operation)}['responses']['${status}']['content']['application/json']`;
}

export function requestBodyType(operation: Operation): string {
  return `NonNullable<${operationType(operation)}['requestBody']>['content']['application/json']`;
}

/** An operation's path, query or header parameters as one object type; `Record<string, never>` when it has none. */
export function parametersType(operation: Operation, where: 'path' | 'query' | 'header'): string {
  return operation.params.some((p) => p.in === where)
    ? `NonNullable<${operationType(operation)}['parameters']['${where}']>`
    : 'Record<string, never>';
}

/** What the client method resolves to, before async/pagination wrappers. */
export function resultType(operation: Operation, aliases: AliasSet): string {
  const envelope: Envelope = operation.success.envelope;
  switch (envelope.kind) {
    case 'empty':
      return 'void';
    case 'raw':
      return envelope.mediaType.startsWith('text/') ? 'string' : 'Blob';
    case 'whole':
      return successBodyType(operation);
    case 'root': {
      if (envelope.schema) {
        const type = componentType(envelope.schema.name, aliases);
        return envelope.schema.isArray ? `Array<${type}>` : type;
      }
      return `${successBodyType(operation)}['${envelope.key}']`;
    }
  }
}

/** Item type of a paginated list. */
export function itemType(operation: Operation, aliases: AliasSet): string {
  const pagination = operation.pagination!;
  if (pagination.item) return componentType(pagination.item.name, aliases);
  return `${successBodyType(operation)}['${pagination.itemsKey}'][number]`;
}

/** Type of the params object, or undefined when the operation takes none. */
export function paramsType(operation: Operation): string | undefined {
  const { signature } = operation;
  if (!signature.hasParams) return undefined;
  const op = operationType(operation);
  const parts: string[] = [];
  const pathKeys = signature.paramKeys.filter((k) => k.from === 'path').map((k) => `'${k.key}'`);
  if (pathKeys.length > 0) parts.push(`Pick<${op}['parameters']['path'], ${pathKeys.join(' | ')}>`);
  if (signature.paramKeys.some((k) => k.from === 'query')) parts.push(`NonNullable<${op}['parameters']['query']>`);
  if (signature.paramKeys.some((k) => k.from === 'header')) parts.push(`NonNullable<${op}['parameters']['header']>`);
  const body = operation.body;
  if (body?.mode === 'spread') {
    parts.push(body.required ? requestBodyType(operation) : `Partial<${requestBodyType(operation)}>`);
  } else if (body) {
    parts.push(`{ body${body.required ? '' : '?'}: ${requestBodyType(operation)} }`);
  }
  return parts.join(' & ');
}

/** Type of the positional path parameter. */
export function positionalType(operation: Operation): string | undefined {
  const name = operation.signature.positional;
  if (!name) return undefined;
  const type = operation.params.find((p) => p.in === 'path' && p.name === name)?.type;
  if (type === 'string') return 'string';
  if (type === 'integer' || type === 'number') return 'number';
  return `${operationType(operation)}['parameters']['path']['${name}']`;
}
