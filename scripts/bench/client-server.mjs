// A local node:http server answering `{"apps": []}` for the client benchmark.
import http from 'node:http';

const body = JSON.stringify({
  apps: [
    {
      id: 'ap-1',
      name: 'my-shop-prod',
      created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-01-01T00:00:00.000Z',
      git_url: 'git@x:y.git',
      url: 'https://x.example.org',
      owner: { id: 'us-1', username: 'camille', email: 'camille@example.org' },
    },
  ],
});
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`ready ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
