// A plain Fastify route returning the same body, for the HTTP benchmark.
import Fastify from 'fastify';
import { APPS } from './bodies.mjs';

const app = Fastify({ logger: false });
app.get('/v1/apps', async () => APPS);
await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`ready ${/** @type {import('node:net').AddressInfo} */ (app.server.address()).port}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
