// The reader of the reference's JSON examples, on small pages written here: what
// it ties to which endpoint and status, and what it leaves aside and why.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readJson, referenceExamples } from './reference-examples.js';

const root = mkdtempSync(join(tmpdir(), 'reference-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\``;

/** The examples and other blocks the reader finds in one page. */
function read(page: string) {
  const dir = mkdtempSync(join(root, 'page-'));
  writeFileSync(join(dir, 'page.md'), page);
  const { examples, objects, others } = referenceExamples(dir);
  return {
    examples: examples.map(({ source, kind, method, url, status, endpoint, answeredWith }) => ({
      source,
      kind,
      method,
      url,
      ...(status !== undefined ? { status } : {}),
      ...(endpoint ? { endpoint: `${endpoint.method} ${endpoint.url}` } : {}),
      ...(answeredWith !== undefined ? { answeredWith } : {}),
    })),
    objects: objects.map((o) => `${o.source} ${o.intro}`),
    others: others.map((o) => o.source),
  };
}

describe('referenceExamples', () => {
  test('a curl with -d is a request; the block after "Returns 201 Created" its answer', () => {
    const page = [
      '## Create a widget',
      '`POST https://$API/v1/widgets`',
      fence('sh', `curl -X POST https://$API/v1/widgets -d \\\n  '{"widget": {"name": "w"}}'`),
      'Returns 201 Created',
      fence('json', '{"widget": {"id": "1"}}'),
    ].join('\n\n');
    expect(read(page).examples).toEqual([
      {
        source: 'page.md:6',
        kind: 'request',
        method: 'POST',
        url: 'https://$API/v1/widgets',
        endpoint: 'POST https://$API/v1/widgets',
        answeredWith: 201,
      },
      {
        source: 'page.md:12',
        kind: 'response',
        method: 'POST',
        url: 'https://$API/v1/widgets',
        status: 201,
        endpoint: 'POST https://$API/v1/widgets',
      },
    ]);
  });

  test('without a curl, the block belongs to the endpoint line; "Parameters:" announces a request', () => {
    const page = [
      '## Change a plan',
      '`PUT https://host/resources/:id`',
      'Parameters:',
      fence('json', '{"plan": "big"}'),
      'Response:',
      'Status: 200 OK',
      fence('json', '{"message": "done"}'),
    ].join('\n\n');
    expect(read(page).examples).toEqual([
      { source: 'page.md:7', kind: 'request', method: 'PUT', url: 'https://host/resources/:id' },
      { source: 'page.md:15', kind: 'response', method: 'PUT', url: 'https://host/resources/:id', status: 200 },
    ]);
  });

  test('a status holds for "Before:"/"After:" blocks, and a heading ends it', () => {
    const page = [
      '## A change',
      fence('sh', 'curl -X GET https://$API/v1/widgets/1'),
      'Response 404 Not found',
      'Before:',
      fence('json', '{"error": "not found"}'),
      'After:',
      fence('json', '{"resource": "widget", "error": "not found"}'),
      '## Errors',
      'Example of error 500:',
      fence('json', '{"error": "boom"}'),
    ].join('\n\n');
    const { examples, objects, others } = read(page);
    expect(examples.map((e) => [e.source, e.status])).toEqual([
      ['page.md:11', 404],
      ['page.md:17', 404],
    ]);
    expect([objects, others]).toEqual([['page.md:25 Example of error 500:'], []]);
  });

  test('templates and requests to non-API URLs are left aside', () => {
    const page = [
      '# Widgets',
      '## Run',
      '`POST https://$API/v1/run`',
      'Generic Parameters:',
      fence('json', '{"action_name": "name-of-the-action"}'),
      fence('sh', `curl -X PUT [:upload_url] -d '{"a": 1}'`),
    ].join('\n\n');
    expect(read(page)).toEqual({ examples: [], objects: [], others: ['page.md:9', 'page.md:14'] });
  });

  test("example objects: announced, alone in the top row's column, or the messages of a stream", () => {
    const page = [
      '---\ntitle: Widgets\n---',
      '# Widgets',
      '**Widget attributes**',
      '||| col |||',
      fence('json', '{"id": "1"}'),
      '## Parts',
      'Example object:',
      '* A part',
      fence('json', '{"id": "p"}'),
      '## Stream',
      '`GET https://$API/v1/widgets/stream`',
      'Events example',
      'New Event',
      fence('json', '{"type": "new"}'),
      'Ping Event',
      fence('json', '{"type": "ping"}'),
      '## Other',
      '||| col |||',
      fence('json', '{"not": "an object"}'),
      'Example of error 500:',
      fence('json', '{"error": "boom"}'),
    ].join('\n\n');
    expect(read(page)).toEqual({
      examples: [],
      objects: [
        'page.md:11 ||| col |||',
        'page.md:21 A part',
        'page.md:33 New Event',
        'page.md:39 Ping Event',
        'page.md:53 Example of error 500:',
      ],
      others: ['page.md:47'],
    });
  });

  test('a block alone at the top of a column is the answer, or the request when an answer follows', () => {
    const page = [
      '## Get a token',
      '`POST https://$API/v1/widgets/1/token`',
      '||| col |||',
      fence('json', '{"widget": {"token": "t"}}'),
      '## Run an action',
      '`POST https://$API/v1/widgets/1/action`',
      '||| col |||',
      fence('json', '{"action_name": "a"}'),
      'Response:',
      fence('json', '{"ok": 1}'),
    ].join('\n\n');
    expect(read(page).examples.map((e) => [e.source, e.kind])).toEqual([
      ['page.md:7', 'response'],
      ['page.md:17', 'request'],
      ['page.md:23', 'response'],
    ]);
  });
});

describe('readJson', () => {
  test.each([
    ['strict JSON', '{"a": [1, 2]}', { value: { a: [1, 2] }, elided: false }],
    ['a trailing comma', '{"a": 1,}', { value: { a: 1 }, elided: false }],
    ['an elision', '{"apps": [{"name": "x", …}, ...]}', { value: { apps: [{ name: 'x' }] }, elided: true }],
    ['a comment', '{"a": [\n  {"b": 1}\n  // …\n]}', { value: { a: [{ b: 1 }] }, elided: true }],
    ['dots inside a string', '{"a": "wait..."}', { value: { a: 'wait...' }, elided: false }],
  ])('%s', (_, text, want) => {
    expect(readJson(text)).toEqual(want);
  });

  test('a block cut short is no JSON, although jsonrepair could close it', () => {
    expect(readJson('{"user": {')).toMatchObject({ error: expect.stringMatching(/^cut short/) });
  });
});
