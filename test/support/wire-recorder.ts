// A loopback HTTP relay that records every exchange on its way to a target
// (Prism, the sandbox): what a third-party client sends and what it gets back,
// so tests can check both against the spec without touching the client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  /** Host the client meant to reach (from an absolute-form proxy request), or the relay's own. */
  host: string;
  method: string;
  /** Path and query string as sent. */
  url: string;
  requestHeaders: http.IncomingHttpHeaders;
  requestBody: string;
  status: number;
  responseHeaders: http.IncomingHttpHeaders;
  responseBody: string;
}

export interface WireRecorder {
  url: string;
  /** Exchanges recorded since the last call, oldest first. */
  take(): Exchange[];
  close(): Promise<void>;
}

/**
 * Starts the relay. It also works as an HTTP proxy (`HTTP_PROXY`/`HTTPS_PROXY`
 * pointing at it): an absolute-form request (`GET https://api.…/v1/apps`) is
 * sent to `route(host)` with its path, so a client that follows absolute URLs
 * from answers (`Location`, `logs_url`) never leaves the loopback.
 */
export async function startRecorder(route: (host: string) => string): Promise<WireRecorder> {
  let exchanges: Exchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const absolute = /^https?:\/\//.test(req.url ?? '') ? new URL(req.url!) : undefined;
      const host = absolute?.host ?? req.headers.host ?? '';
      const path = absolute ? `${absolute.pathname}${absolute.search}` : (req.url ?? '/');
      const upstream = new URL(route(host));
      const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host };
      delete headers['proxy-connection'];
      const forward = http.request(
        { hostname: upstream.hostname, port: upstream.port, method: req.method, path, headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const body = Buffer.concat(parts);
            exchanges.push({
              host,
              method: req.method ?? 'GET',
              url: path,
              requestHeaders: req.headers,
              requestBody: requestBody.toString(),
              status: answer.statusCode ?? 0,
              responseHeaders: answer.headers,
              responseBody: body.toString(),
            });
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(body);
          });
        },
      );
      forward.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`relay: ${error.message}`);
      });
      forward.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take() {
      const taken = exchanges;
      exchanges = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
