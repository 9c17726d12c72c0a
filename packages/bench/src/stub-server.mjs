// The server stubs answering `GET /v1/apps` from a handler, as in production
// (NODE_ENV=production: no response validation), for the HTTP benchmark.

import path from 'node:path';
import Fastify from 'fastify';
import { APPS } from './bodies.mjs';
import { repoRoot } from './util.mjs';

const { scalingoApi } = await import(path.join(repoRoot, 'packages/server/dist/index.js'));
const app = Fastify({ logger: false });
await app.register(scalingoApi, {
  prefix: '/v1',
  services: ['regional'],
  authenticate: (/** @type {{ scheme: string }} */ credentials) =>
    credentials.scheme === 'bearer' ? { user: 'camille' } : undefined,
  handlers: { apps: { list: () => ({ status: 200, body: APPS }) } },
});
await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`ready ${/** @type {import('node:net').AddressInfo} */ (app.server.address()).port}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
