// Wire truth, JavaScript half: the official client (`scalingo` 0.14.6, a
// pinned devDependency, run as published) calls every method it has against a
// real Prism mock of the spec (`@scalingo-openapi/mock`) and against the sandbox. A relay on 127.0.0.1
// sits in front of each target (the client reaches it as its HTTP proxy, so
// absolute URLs from answers — `Location`, `logs_url` — stay local too) and
// records every exchange; each must be an operation of the spec, answered with
// a status it documents, with JSON on both sides that validates. A call passes
// when the client resolves and what it unpacks (its root key) is there.

import { startMock } from '@scalingo-openapi/mock';
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { Client } from 'scalingo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specValidator } from '../support/ajv.js';
import { loadSpec } from '../support/spec.js';
import { exchangeChecker } from '../support/wire-check.js';
import { startRecorder, type WireRecorder } from '../support/wire-recorder.js';
import { type Ids, JS_CLIENT_CALLS, JS_CLIENT_SKIPPED, type JsCall } from './js-client-calls.js';

const spec = await loadSpec();
const streams = await loadSpec('streams');
const checkMain = exchangeChecker(spec, specValidator(spec));
const checkStreams = exchangeChecker(streams, specValidator(streams));
const isLogsHost = (host: string) => /^logs\./.test(host);

// Hosts the client is configured with: reserved names that never resolve, so
// nothing can leave the machine even if the proxy were ignored.
const CLIENT_HOSTS = {
  apiUrl: 'http://api.osc-fr1.scalingo.invalid',
  authApiUrl: 'http://auth.scalingo.invalid',
  billingApiUrl: 'http://cashmachine.scalingo.invalid',
};

interface Target {
  name: string;
  start(): Promise<{ main: string; logs: string; token: string; stop(): Promise<void> }>;
  /** Methods the target cannot accept yet, with the reason; each must really fail (`test.fails`). */
  exceptions: Record<string, string>;
}

// The JS client unpacks `apps` from the answer of POST /databases, where the
// Go client and the reference read `database` (DECISIONS.md).
const CLIENT_BUGS: Record<string, string> = {
  'Databases.create': 'the client unpacks `apps`; the Go client and the reference answer `database`',
};

const TARGETS: Target[] = [
  {
    name: 'a Prism mock of the spec',
    exceptions: CLIENT_BUGS,
    async start() {
      // The project's own mock (Prism serving the real URLs), on the spec as it is in the tree.
      const main = await startMock({ document: spec, port: 0 });
      const logs = await startMock({ document: streams, port: 0 });
      return {
        main: main.url,
        logs: logs.url,
        token: 'tk-us-0123456789abcdef0123456789abcdef0123456789abcdef',
        stop: async () => {
          await Promise.all([main.close(), logs.close()]);
        },
      };
    },
  },
  {
    name: 'the sandbox',
    exceptions: CLIENT_BUGS,
    async start() {
      const sandbox: Sandbox = await createSandbox({ user: { username: 'sandbox', paymentMethod: true } });
      return { main: sandbox.url, logs: sandbox.url, token: sandbox.token, stop: () => sandbox.close() };
    },
  },
];

/** Every method of the client's resource classes, as `Class.method`. */
function clientMethods(client: Client): string[] {
  const names: string[] = [];
  for (const [resource, value] of Object.entries(client)) {
    if (!value || typeof value !== 'object' || resource.startsWith('_')) continue;
    for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(value))) {
      if (method !== 'constructor') names.push(`${resource}.${method}`);
    }
  }
  return names.sort();
}

const methodOf = (call: JsCall) => call.name.replace(/\(.*\)$/, '');

describe('the official JavaScript client', () => {
  test('every method is called or skipped with a reason', () => {
    const methods = clientMethods(new Client('none'));
    const covered = new Set([...JS_CLIENT_CALLS.map(methodOf), ...Object.keys(JS_CLIENT_SKIPPED)]);
    expect(methods.filter((m) => !covered.has(m))).toEqual([]);
    expect([...covered].filter((m) => !methods.includes(m))).toEqual([]);
    expect(methods.length - Object.keys(JS_CLIENT_SKIPPED).length).toBe(132);
  });
});

for (const target of TARGETS) {
  describe(`the official JavaScript client against ${target.name}`, () => {
    let running: Awaited<ReturnType<Target['start']>>;
    let relay: WireRecorder;
    let client: Client;
    const ids: Ids = { app: 'my-shop-prod' };
    const accepted = new Set<string>();
    const saved = { http: process.env.HTTP_PROXY, https: process.env.HTTPS_PROXY, no: process.env.NO_PROXY };

    beforeAll(async () => {
      running = await target.start();
      relay = await startRecorder((host) => (isLogsHost(host) ? running.logs : running.main));
      // The client's axios honours the proxy variables; Node's fetch (used to seed the sandbox) does not.
      process.env.HTTP_PROXY = relay.url;
      process.env.HTTPS_PROXY = relay.url;
      process.env.NO_PROXY = '';
      const seed = new Client(running.token, CLIENT_HOSTS);
      client = new Client((await seed.Tokens.exchange(running.token)) as string, CLIENT_HOSTS);
      await client.Apps.create({ name: ids.app }).catch(() => undefined);
      relay.take();
    }, 120_000);

    afterAll(async () => {
      process.env.HTTP_PROXY = saved.http;
      process.env.HTTPS_PROXY = saved.https;
      process.env.NO_PROXY = saved.no;
      await relay?.close();
      await running?.stop();
      const total = JS_CLIENT_CALLS.length;
      console.log(`official JS client against ${target.name}: ${accepted.size}/${total} calls accepted`);
    });

    for (const call of JS_CLIENT_CALLS) {
      const exception = target.exceptions[call.name];
      const run = exception ? test.fails : test;
      run(`${call.name}${exception ? ` (known exception: ${exception})` : ''}`, async () => {
        let result: unknown;
        let failure: unknown;
        try {
          result = await call.call(client, ids);
        } catch (error) {
          failure = error;
        }
        const exchanges = relay.take();
        expect(exchanges.length, 'the call reached the target').toBeGreaterThan(0);
        const problems = exchanges.flatMap((e) => (isLogsHost(e.host) ? checkStreams(e) : checkMain(e)).problems);
        expect(problems).toEqual([]);
        if (failure) {
          // A stateful target may answer a documented error (a reference it does not hold).
          const last = exchanges.at(-1)!;
          expect(target.name, `${call.name} failed: ${String(failure)} ${last.responseBody}`).toBe('the sandbox');
          expect(last.status, `${last.method} ${last.url}: ${last.responseBody}`).toBeLessThan(500);
        } else {
          const unpacked = call.unpacked ? call.unpacked(result) : result;
          expect(unpacked, 'the root key the client unpacks is in the answer').not.toBeUndefined();
          call.keep?.(result, ids);
        }
        accepted.add(call.name);
      });
    }
  });
}
