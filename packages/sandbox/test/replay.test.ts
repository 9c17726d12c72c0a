// Every `curl` of the seed and of the public reference, replayed against the
// sandbox as written: same method, headers (`Content-Type: application/json`
// on bodiless DELETEs and POSTs included), body and credentials, the shell
// variables bound to the sandbox's users and tokens. Each answer is a 2xx or
// an error the spec documents for that operation, in its envelope.

import { readFileSync } from 'node:fs';
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { specValidator } from '@scalingo-openapi/test-support/ajv';
import { type CurlExample, curlExamples, expand } from '@scalingo-openapi/test-support/curl';
import { findOperation, operationPath, undocumented } from '@scalingo-openapi/test-support/documented';
import { loadSpec, operations } from '@scalingo-openapi/test-support/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearerFor, freeDatabaseAddon } from './support/inject.js';

const spec = await loadSpec();
const validator = specValidator(spec);
const entries = operations(spec);
/** Closing the account (`DELETE /users`) is replayed last: every curl after it would answer 401. */
const closesAccount = (example: CurlExample) => example.method === 'DELETE' && /\/users\/?$/.test(example.url ?? '');
const examples = curlExamples().sort((a, b) => Number(closesAccount(a)) - Number(closesAccount(b)));
const DECISIONS = readFileSync(new URL('../../../openapi/DECISIONS.md', import.meta.url), 'utf8');
const API_HOSTS =
  /^https:\/\/(\$SCALINGO_API_URL|\$DB_API_URL|\$SCALINGO_AUTH_URL|auth\.scalingo\.com|api\.scalingo\.com)\//;

let sandbox: Sandbox;
let values: Record<string, string>;
let ensureApp: () => Promise<void>;
const tally = {
  replayed: 0,
  success: 0,
  documentedError: 0,
  statuses: {} as Record<string, number>,
  /** Curls whose path or method the spec settled otherwise (openapi/DECISIONS.md). */
  settled: [] as string[],
  skipped: [] as string[],
};

beforeAll(async () => {
  sandbox = await createSandbox({ user: { username: 'sandbox', password: 'sandbox-password', paymentMethod: true } });
  const inject = sandbox.app.inject.bind(sandbox.app);
  const bearer = await bearerFor(sandbox, sandbox.token);
  const headers = { authorization: `Bearer ${bearer}` };
  // The application most examples name (again after an example deletes or renames it),
  // with a database addon for the database API's token.
  ensureApp = async () => {
    if ((await inject({ method: 'GET', url: '/v1/apps/example-app', headers })).statusCode === 404)
      await inject({ method: 'POST', url: '/v1/apps', headers, payload: { app: { name: 'example-app' } } });
  };
  await ensureApp();
  const databaseToken = (await freeDatabaseAddon(sandbox, bearer, 'example-app')).token;
  values = {
    SCALINGO_API_URL: 'api.osc-fr1.scalingo.com',
    SCALINGO_AUTH_URL: 'auth.scalingo.com',
    DB_API_URL: 'db-api.osc-fr1.scalingo.com',
    AUTH_TOKEN: sandbox.token,
    AUTH: sandbox.token,
    BEARER_TOKEN: bearer,
    DB_BEARER_TOKEN: databaseToken,
    USER: 'addon-provider',
    PASSWORD: 'provider-secret',
  };
});
afterAll(async () => {
  await sandbox?.close();
  const errors = Object.entries(tally.statuses)
    .sort()
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  console.log(
    `curl replay: ${examples.length} curls in the seed and the reference; ${tally.replayed} replayed as written: ` +
      `${tally.success} 2xx, ${tally.documentedError} documented errors of their operation (${errors}), ` +
      `${tally.settled.length} on a path or method the reference gets wrong (settled in openapi/DECISIONS.md), ` +
      `answered 404/405/401 in the API's envelope:\n  ${tally.settled.join('\n  ')}\n` +
      `${tally.skipped.length} not requests to the API:\n  ${tally.skipped.join('\n  ')}`,
  );
});

/** Why an example cannot be sent to the API as written, if it cannot. */
function notReplayable(example: CurlExample): string | undefined {
  if (!example.url) return 'no URL in the command as written';
  if (!/^https?:\/\//.test(example.url)) return `the URL is a placeholder (${example.url})`;
  if (!API_HOSTS.test(example.url)) return `not an API host (${new URL(example.url).host})`;
  if (example.other.length > 0) return `a file upload (${example.other.join(' ')}), not a JSON request`;
  return undefined;
}

function request(example: CurlExample) {
  const url = new URL(expand(example.url, values));
  const headers: Record<string, string> = {};
  for (const [name, value] of example.headers) headers[name.toLowerCase()] = expand(value, values);
  if (example.user && !headers.authorization) {
    const user = expand(example.user, values)
      .replace('<your username>', 'sandbox')
      .replace('<your password>', 'sandbox-password');
    headers.authorization = `Basic ${btoa(user)}`;
  }
  // What curl adds by itself to `-d` data.
  if (example.data !== undefined && !headers['content-type'])
    headers['content-type'] = 'application/x-www-form-urlencoded';
  return {
    method: example.method as 'GET',
    url: `${url.pathname}${url.search}`,
    headers,
    ...(example.data !== undefined ? { payload: expand(example.data, values) } : {}),
  };
}

describe('the curls of the seed and the reference, replayed as written', () => {
  test('there are curls to replay', () => {
    expect(examples.length).toBeGreaterThan(150);
  });

  test.each(examples.map((example) => [`${example.source} ${example.method} ${example.url}`, example] as const))(
    '%s',
    async (_, example) => {
      const reason = notReplayable(example);
      if (reason) {
        tally.skipped.push(`${example.source}: ${reason}`);
        return;
      }
      await ensureApp();
      const sent = request(example);
      const response = await sandbox.app.inject(sent);
      tally.replayed++;
      const path = sent.url.split('?')[0]!;
      const entry = findOperation(entries, sent.method, operationPath(path));
      if (!entry) {
        // A path or method the spec does not have: the reference's sample must be a settled mistake,
        // answered with the API's envelopes for routes (credentials first, then 404 route or 405 with Allow).
        const file = example.source.replace(/^scalingo-api-docs\//, '').split(':')[0]!;
        expect(
          DECISIONS,
          `${sent.method} ${path} (${example.source}) is no operation and no decision names ${file}`,
        ).toContain(file);
        const body = response.json();
        // A source's URLs are the sandbox's own storage: the reference's made-up token finds no source.
        const resource = file === 'scalingo_api/sources.md' ? 'source' : 'route';
        if (response.statusCode === 404) expect(body).toEqual({ resource, error: 'not found' });
        else {
          expect([401, 405], `${sent.method} ${path}: ${response.body}`).toContain(response.statusCode);
          expect(Object.keys(body)).toEqual(['error']);
          if (response.statusCode === 405) expect(response.headers.allow).toBeTruthy();
        }
        tally.settled.push(`${example.source}: ${sent.method} ${path} → ${response.statusCode}`);
        return;
      }
      const problems = undocumented(spec, validator, entry!, {
        status: response.statusCode,
        contentType: response.headers['content-type'] as string | undefined,
        body: response.body,
      });
      expect(problems, `${sent.method} ${sent.url}`).toEqual([]);
      if (response.statusCode < 300) tally.success++;
      else {
        tally.documentedError++;
        tally.statuses[response.statusCode] = (tally.statuses[response.statusCode] ?? 0) + 1;
      }
    },
  );
});
