// The mock's public port: forwards every request to Prism as it came, streams
// Prism's answer back, and rewrites only Prism's own errors into the API's
// envelopes (envelopes.ts). Everything else Prism decides: routing against the
// document, validation, examples, `Prefer` headers, `--dynamic`. One thing is
// checked before Prism sees it: a JSON body that does not parse, on which
// Prism 5.16 never answers; the API's answer is 400 {"error"}.
import http from 'node:http';
import { fieldErrors, problemEnvelope, requestViolations } from './envelopes.js';

export interface FrontOptions {
  host: string;
  port: number;
  /** Prism's private port. */
  target: number;
  /** Methods the document has for a path, for 405's `Allow` (Prism does not say). */
  allowed?: (path: string) => string[] | undefined;
}

export interface Front {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const BODY_LIMIT = 10 * 1024 * 1024; // Prism's own limit
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export async function startFront(options: FrontOptions): Promise<Front> {
  const server = http.createServer((request, response) => {
    if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) return forward(request, response, options);
    void readBody(request).then(
      (body) => {
        if (body.length > 0) {
          try {
            JSON.parse(body.toString('utf8'));
          } catch (error) {
            return send(
              response,
              400,
              {},
              { error: `There was a problem in the JSON you submitted: ${(error as Error).message}` },
            );
          }
        }
        forward(request, response, options, body);
      },
      (error: Error) => send(response, 413, { connection: 'close' }, { error: error.message }),
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Forwards to Prism; `body` when the front has already read it. */
function forward(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  options: FrontOptions,
  body?: Buffer,
): void {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://mock.invalid').pathname;
  const headers = { ...request.headers };
  if (body) {
    delete headers['transfer-encoding'];
    headers['content-length'] = String(body.length);
  }
  const upstream = http.request(
    { host: '127.0.0.1', port: options.target, method, path: request.url, headers },
    (answer) => {
      const status = answer.statusCode ?? 502;
      const type = String(answer.headers['content-type'] ?? '');
      const violations = status === 422 ? requestViolations(header(answer.headers['sl-violations'])) : [];
      if (!type.startsWith('application/problem+json') && violations.length === 0) {
        response.writeHead(status, answer.headers);
        answer.pipe(response);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const headers: http.OutgoingHttpHeaders = Object.fromEntries(
          Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
        );
        if (violations.length > 0) {
          // Prism answered the operation's declared 422 with its example;
          // the fields the request actually got wrong say more.
          return send(response, 422, headers, { errors: fieldErrors(violations) });
        }
        let problem = {};
        try {
          problem = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // An unreadable problem still becomes an envelope, with its status.
        }
        const envelope = problemEnvelope({ status, ...problem }, method, path, options.allowed?.(path));
        if (envelope.allow) headers.allow = envelope.allow.join(', ');
        send(response, envelope.status, headers, envelope.body);
      });
    },
  );
  upstream.on('error', (error) => {
    if (response.headersSent) return response.destroy(error);
    send(response, 502, {}, { error: `The mock's Prism process did not answer: ${error.message}` });
  });
  if (body) upstream.end(body);
  else request.pipe(upstream);
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        request.removeAllListeners('data');
        request.resume();
        reject(new Error(`The request body is larger than ${BODY_LIMIT} bytes`));
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
