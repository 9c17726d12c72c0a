// A local node:http server whose answers a test scripts one by one, to inject
// faults: dropped connections, 503 then 200, 429 with Retry-After, silence.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: Received, response: http.ServerResponse) => void;

export interface FaultServer {
  url: string;
  requests: Received[];
  /** Queue handlers; each request takes the next one (the last one repeats). */
  answer(...handlers: Handler[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const requests: Received[] = [];
  let handlers: Handler[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const received = { method: req.method!, url: req.url!, headers: req.headers, body };
      requests.push(received);
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0];
      if (!handler) return json(404, { resource: 'route', error: 'not found' })(received, res);
      handler(received, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer(...next) {
      handlers = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A fault server for the test file: started before its tests, closed after them, its
 * requests forgotten after each test. Read it inside a test.
 */
export function useFaultServer(): FaultServer {
  let server: FaultServer | undefined;
  const current = () => {
    if (!server) throw new Error('the fault server has not started');
    return server;
  };
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    if (server) server.requests.length = 0;
  });
  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    answer: (...handlers) => current().answer(...handlers),
    close: () => current().close(),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };
}

/** Closes the connection without answering. */
export const drop: Handler = (_req, res) => res.socket?.destroy();

/** Never answers. */
export const silence: Handler = () => undefined;

/** A JWT-shaped Bearer token expiring in `seconds`. */
export function jwt(seconds = 3600, subject = 'us-1'): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS512', typ: 'JWT' })}.${encode({ sub: subject, exp: Math.floor(Date.now() / 1000) + seconds })}.c2ln`;
}
