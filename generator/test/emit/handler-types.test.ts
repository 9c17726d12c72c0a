// emit/server/handler-types.ts: typed handler interfaces of the server stubs,
// with the client's names and type expressions.
import { describe, expect, test } from 'vitest';
import { handlersFile } from '../../src/emit/server/handler-types.js';
import { model } from './fixture.js';

const S = (id: string) => `Schema.operations['${id}']`;

describe('handler types', () => {
  const text = handlersFile(model, '@scalingo-openapi/client/schema');

  test.each([
    [
      'path parameters typed, the others empty',
      `export type ThingsRetrieveRequest<Principal = unknown> = HandlerRequest<NonNullable<${S('things.retrieve')}['parameters']['path']>, Record<string, never>, Record<string, never>, undefined, Principal>;`,
    ],
    [
      'header parameters and a required body',
      `export type ThingsCreateRequest<Principal = unknown> = HandlerRequest<Record<string, never>, Record<string, never>, NonNullable<${S('things.create')}['parameters']['header']>, NonNullable<${S('things.create')}['requestBody']>['content']['application/json'], Principal>;`,
    ],
    [
      'one reply per documented status',
      `export type ThingsRetrieveReply =\n  | { status: 200; body: ${S('things.retrieve')}['responses']['200']['content']['application/json']; headers?: Record<string, string> }\n  | { status: 404; body: ${S('things.retrieve')}['responses']['404']['content']['application/json']; headers?: Record<string, string> };`,
    ],
    ['a required Location header on a 202', "headers: { 'Location': string } & Record<string, string> };"],
    [
      'a non-JSON answer as text or bytes',
      '  | { status: 200; body: string | Uint8Array; headers?: Record<string, string> };',
    ],
    [
      'a handler per operation, named as the client method',
      '  retrieve?(request: ThingsRetrieveRequest<Principal>): HandlerResult<ThingsRetrieveReply>;',
    ],
    ['sub-resources nest', '  parts?: ThingsPartsHandlers<Principal>;'],
    [
      'the tree of every handler',
      'export interface Handlers<Principal = unknown> {\n  databases?: DatabasesHandlers<Principal>;',
    ],
    ['the schema types from the given module', "import type * as Schema from '@scalingo-openapi/client/schema';"],
  ])('%s', (_, want) => {
    expect(text).toContain(want);
  });
});
