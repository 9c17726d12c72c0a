// A local node:http server for the client benchmark, in its own process:
// `GET /v1/apps` answers 20 apps, `GET /v1/apps/{app}` one.
import http from 'node:http';
import { APPS } from './bodies.mjs';

const template = APPS.apps[0];
if (!template) throw new Error('bodies.mjs holds no app');
const apps = Array.from({ length: 20 }, (_, i) => ({ ...template, id: `${template.id}-${i}`, name: `app-${i}` }));
const list = JSON.stringify({ apps });
const one = JSON.stringify({ app: template });

const server = http.createServer((req, res) => {
  const body = req.url === '/v1/apps' ? list : req.url?.startsWith('/v1/apps/') ? one : undefined;
  if (!body) {
    res.writeHead(404, { 'content-type': 'application/json' });
    return res.end('{"error":"not found"}');
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
  console.log(`ready ${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
