// Load: 50 concurrent keep-alive connections of mixed reads and writes, by
// five users over several families (variables, domains and deployments of
// their applications; their SSH keys), against one sandbox on 127.0.0.1.
// Bounded in count (50 × 16 requests) and time. Checks: no network error, no
// error status, every answer one the spec documents (status and body), every
// acknowledged write readable afterwards, by its owner only. The figures are
// printed at the end.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { judge } from './support/judged.js';

const CONNECTIONS = 50;
const REQUESTS_PER_CONNECTION = 16;
const USERS = ['ada', 'ben', 'cleo', 'dev', 'eli'] as const;
type User = (typeof USERS)[number];

let sandbox: Sandbox;
let agent: http.Agent;
const sockets = new Set<unknown>();
const tokens = Object.fromEntries(USERS.map((u) => [u, `tk-us-load-${u}`])) as Record<User, string>;

interface Reply {
  method: string;
  path: string;
  status: number;
  type: string | undefined;
  text: string;
  body: unknown;
  ms: number;
}

/** One request on the shared keep-alive agent (judged against the spec afterwards, not to slow the run). */
function request(user: User, method: string, path: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${sandbox.url}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Basic ${btoa(`:${tokens[user]}`)}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const status = res.statusCode ?? 0;
          const type = res.headers['content-type'];
          resolve({
            method,
            path,
            status,
            type,
            text,
            body: type?.startsWith('application/json') && text ? JSON.parse(text) : text,
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const appOf = (user: User) => `load-${user}`;
const publicKey = () => {
  const type = Buffer.from('ssh-ed25519');
  const key = randomBytes(32);
  const blob = Buffer.concat([Buffer.from([0, 0, 0, type.length]), type, Buffer.from([0, 0, 0, 32]), key]);
  return `ssh-ed25519 ${blob.toString('base64')} load@test`;
};

interface Write {
  user: User;
  /** Where the written document is listed, the root key of the list, and how it is recognised there. */
  list: string;
  plural: string;
  field: string;
  value: string;
}

/** The mix one connection runs: its step `i` is a read or a write of some family, for `user`. */
function step(user: User, lane: number, i: number): { method: string; path: string; body?: unknown; write?: Write } {
  const app = `/v1/apps/${appOf(user)}`;
  const tag = `${lane}-${i}`;
  switch (i % 8) {
    case 0: {
      const name = `LOAD_${lane}_${i}`;
      return {
        method: 'POST',
        path: `${app}/variables`,
        body: { variable: { name, value: tag } },
        write: { user, list: `${app}/variables`, plural: 'variables', field: 'name', value: name },
      };
    }
    case 1:
      return { method: 'GET', path: `${app}/variables` };
    case 2: {
      const name = `w${tag}.${user}.example.org`;
      return {
        method: 'POST',
        path: `${app}/domains`,
        body: { domain: { name } },
        write: { user, list: `${app}/domains`, plural: 'domains', field: 'name', value: name },
      };
    }
    case 3:
      return { method: 'GET', path: app };
    case 4: {
      const gitRef = `load-${tag}`;
      return {
        method: 'POST',
        path: `${app}/deployments`,
        body: { deployment: { git_ref: gitRef, source_url: 'https://example.org/load.tar.gz' } },
        write: {
          user,
          list: `${app}/deployments?per_page=100`,
          plural: 'deployments',
          field: 'git_ref',
          value: gitRef,
        },
      };
    }
    case 5:
      return { method: 'GET', path: `${app}/events?per_page=20` };
    case 6: {
      const name = `key-${tag}`;
      return {
        method: 'POST',
        path: '/v1/keys',
        body: { key: { name, content: publicKey() } },
        write: { user, list: '/v1/keys', plural: 'keys', field: 'name', value: name },
      };
    }
    default:
      return { method: 'GET', path: '/v1/events?per_page=20' };
  }
}

beforeAll(async () => {
  sandbox = await createSandbox({
    user: { username: USERS[0], token: tokens[USERS[0]], paymentMethod: true },
    users: USERS.slice(1).map((u) => ({ username: u, token: tokens[u], paymentMethod: true })),
  });
  sandbox.app.server.on('connection', (socket) => sockets.add(socket));
  agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  for (const user of USERS)
    expect((await request(user, 'POST', '/v1/apps', { app: { name: appOf(user) } })).status).toBe(201);
});
afterAll(async () => {
  agent?.destroy();
  await sandbox?.close();
});

describe('load', () => {
  test(`${CONNECTIONS} concurrent connections of mixed reads and writes: no error, every acknowledged write readable`, async () => {
    const replies: Reply[] = [];
    const failures: string[] = [];
    const acknowledged: Write[] = [];
    const started = performance.now();
    const lane = async (n: number) => {
      const user = USERS[n % USERS.length]!;
      for (let i = 0; i < REQUESTS_PER_CONNECTION; i++) {
        const { method, path, body, write } = step(user, n, i + n); // lanes start at different points of the mix
        try {
          const reply = await request(user, method, path, body);
          replies.push(reply);
          if (reply.status >= 400) failures.push(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
          if (write && reply.status < 300) acknowledged.push(write);
        } catch (error) {
          failures.push(`${method} ${path}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, n) => lane(n)));
    const durationMs = performance.now() - started;
    for (const r of replies) failures.push(...judge(r.method, r.path, r.status, r.type, r.text));

    expect(failures).toEqual([]);
    expect(replies).toHaveLength(CONNECTIONS * REQUESTS_PER_CONNECTION);
    expect(sockets.size, 'the agent opened its 50 sockets').toBeGreaterThanOrEqual(CONNECTIONS);

    // Every acknowledged write is there for its owner, and for no other user.
    const lists = new Map<string, Array<Record<string, unknown>>>();
    for (const write of acknowledged) {
      const key = `${write.user} ${write.list}`;
      if (lists.has(key)) continue;
      const listed = (await request(write.user, 'GET', write.list)).body as Record<
        string,
        Array<Record<string, unknown>>
      >;
      lists.set(key, listed[write.plural] ?? []);
    }
    const missing = acknowledged.filter(
      (w) => !lists.get(`${w.user} ${w.list}`)!.some((doc) => doc[w.field] === w.value),
    );
    expect(missing).toEqual([]);
    const other = (user: User) => USERS[(USERS.indexOf(user) + 1) % USERS.length]!;
    const keysOfOthers = (await request(other(USERS[0]), 'GET', '/v1/keys')).body as { keys: Array<{ name: string }> };
    const mine = acknowledged.filter((w) => w.user === USERS[0] && w.plural === 'keys').map((w) => w.value);
    expect(keysOfOthers.keys.filter((k) => mine.includes(k.name))).toEqual([]);

    const ms = replies.map((r) => r.ms).sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
    const counts = new Map<number, number>();
    for (const r of replies) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const statuses = [...counts].map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(
      `load: ${CONNECTIONS} connections (${sockets.size} sockets), ${USERS.length} users, ${replies.length} requests ` +
        `(${acknowledged.length} acknowledged writes, all read back) in ${(durationMs / 1000).toFixed(2)} s ` +
        `(${Math.round(replies.length / (durationMs / 1000))} req/s); statuses ${statuses}; ` +
        `latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; errors and undocumented answers: ${failures.length}`,
    );
  }, 120_000);
});
