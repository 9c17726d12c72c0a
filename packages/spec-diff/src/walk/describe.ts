// Names for messages: what a pointer designates, in the words of someone who
// calls the API (`App.git_url`, `app.name` in the request body of `POST /apps`,
// parameter `from` of `GET /apps/{app}/events`). Pure functions.

import { isRef, pointerOf, segmentsOf } from '@scalingo-openapi/spec-reader';
import type { Json } from '../types.js';
import { member } from './json.js';
import { get, METHODS, operationOf, walk } from './schema-walk.js';

export const code = (text: string | number) => `\`${text}\``;

/** A value as a short inline literal: `48`, `'^[a-z]+$'`, `[new, running]`. */
export function literal(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return code(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

/** `links.deployments_stream`, `containers[].size` from the segments under a schema. */
export function fieldPath(segments: string[]): string {
  let field = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === 'properties' && i + 1 < segments.length) field += `${field ? '.' : ''}${segments[++i]}`;
    else if (segment === 'items') field += '[]';
    else if (segment === 'additionalProperties') field += field ? '.*' : '*';
    // allOf/1, anyOf/0, $ref, discriminator/mapping/x: not part of the field's name.
  }
  return field;
}

/** What the pointer designates, e.g. ``field `git_url` of `App` ``, ``parameter `from` of `GET /apps/{app}/events` ``. */
export function subjectOf(document: Json, pointer: string, changePath = pointer): string {
  const s = segmentsOf(pointer);
  if (s[0] === 'components' && s[1] === 'schemas' && s[2]) {
    const field = fieldPath(s.slice(3));
    return field ? `field ${code(field)} of ${code(s[2])}` : `schema ${code(s[2])}`;
  }
  if (s[0] === 'components' && s[1] === 'parameters' && s[2]) {
    const parameter = get(document, `#/components/parameters/${s[2]}`);
    const name = member(parameter, 'name');
    const where = member(parameter, 'in');
    return `parameter ${code(typeof name === 'string' ? name : s[2])}${where ? ` (${where})` : ''}`;
  }
  if (s[0] === 'components' && s[2]) return `${s[1]!.replace(/s$/, '')} ${code(s[2])}`;
  const context = contextOf(document, s[0] === 'paths' ? pointer : changePath);
  const schemaAt = s.lastIndexOf('schema');
  const field = schemaAt >= 0 ? fieldPath(s.slice(schemaAt + 1)) : '';
  const the = /^(request body|response) /.test(context) ? `the ${context}` : context;
  return field ? `field ${code(field)} of ${the}` : the;
}

/** `request body of `POST /apps``, `response 200 of `GET /apps``, `parameter `from` (query) of …`. */
export function contextOf(document: Json, pointer: string): string {
  const s = segmentsOf(pointer);
  const operation = operationOf(pointer);
  if (!operation) return code(pointer.replace(/^#\//, ''));
  const at = METHODS.includes(s[2] ?? '') ? 3 : 2;
  const of = `of ${code(operation)}`;
  switch (s[at]) {
    case 'requestBody':
      return `request body ${of}`;
    case 'responses':
      return `response ${s[at + 1]} ${of}`;
    case 'parameters': {
      const parameter = walk(document, pointerOf(s.slice(0, at + 2)))?.node;
      const resolved = isRef(parameter) ? get(document, parameter.$ref) : parameter;
      const name = member(resolved, 'name');
      return typeof name === 'string' && name
        ? `parameter ${code(name)} (${member(resolved, 'in')}) ${of}`
        : `parameters ${of}`;
    }
    default:
      return `${METHODS.includes(s[2] ?? '') ? 'operation' : 'path'} ${code(operation)}`;
  }
}

/** The operationId and summary of an operation, for "new operation" lines. */
export function operationTitle(document: Json, pointer: string): string {
  const operation = get(document, pointer);
  const label = code(operationOf(pointer) ?? pointer);
  const operationId = member(operation, 'operationId');
  const id = typeof operationId === 'string' && operationId ? ` (${code(operationId)})` : '';
  return `${label}${id}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
