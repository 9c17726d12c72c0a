// How the stubs read request bodies. Every request may say
// `Content-Type: application/json` with nothing after it (the seed writes
// every curl that way, DELETEs and bodiless POSTs included): an empty body is
// no body. Operations that take no body ignore whatever comes; the others
// take JSON only (`application/json`, `application/*+json`, any charset).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteSpec } from './route-spec.js';

/** A body problem, carried to the error handler as a Fastify error would be. */
export class BodyError extends Error {
  constructor(
    readonly code: 'malformed-json' | 'content-type',
    message: string,
  ) {
    super(message);
  }
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Replaces the instance's parsers (this plugin's context only) with the API's reading of bodies. */
export function installBodyParser(
  fastify: FastifyInstance,
  routeOf: (request: FastifyRequest) => RouteSpec | undefined,
  bodyLimit: number,
) {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request, payload, done) => {
    const route = routeOf(request);
    // An operation without a body reads none: what was sent is drained, unread.
    if (!route?.schemas.body) {
      payload.on('error', () => done(null, undefined));
      payload.on('end', () => done(null, undefined));
      payload.resume();
      return;
    }
    readText(payload, bodyLimit, (error, text) => {
      if (error) return done(error);
      if (text!.trim() === '') return done(null, undefined);
      if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) {
        return done(new BodyError('content-type', 'Request bodies are JSON: send Content-Type: application/json'));
      }
      parseJson(request, text!, (failed, body) =>
        failed ? done(new BodyError('malformed-json', jsonProblem(text!))) : done(null, body),
      );
    });
  });
}

/** The body as UTF-8 text, or a 413-coded error past `limit` bytes. */
function readText(payload: NodeJS.ReadableStream, limit: number, done: (error: Error | null, text?: string) => void) {
  const chunks: Buffer[] = [];
  let length = 0;
  let finished = false;
  const finish = (error: Error | null, text?: string) => {
    if (finished) return;
    finished = true;
    done(error, text);
  };
  payload.on('data', (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += buffer.length;
    if (length > limit) {
      payload.removeAllListeners('data');
      payload.resume();
      return finish(
        Object.assign(new Error('body too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
      );
    }
    chunks.push(buffer);
  });
  payload.on('error', (error: Error) => finish(Object.assign(error, { statusCode: 400 })));
  payload.on('end', () => finish(null, Buffer.concat(chunks, length).toString('utf8')));
}

/** Why `text` is not JSON, without quoting it (the parser's messages do). */
function jsonProblem(text: string): string {
  let reason = 'it is not valid JSON';
  try {
    JSON.parse(text);
    reason = 'it holds a forbidden property (__proto__ or constructor)';
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    if (/end of JSON input|Unterminated/i.test(message)) reason = 'unexpected end of input';
    else if (position) reason = `unexpected character at position ${position}`;
    else if (/^Unexpected token/.test(message)) reason = 'unexpected character';
  }
  return `There was a problem in the JSON you submitted: ${reason}`;
}
