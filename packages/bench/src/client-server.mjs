// A local node:http server for the client benchmark, in its own process:
// `GET /v1/apps` answers 20 apps, `GET /v1/apps/{app}` one.
import http from 'node:http';
import { CLIENT_BODIES } from './bodies.mjs';

const { list, one } = CLIENT_BODIES;

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
