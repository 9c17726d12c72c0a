// Turns a generated route table into a Fastify plugin. Every answer, even a
// failure, is in the API's own envelopes: 400 {error} for malformed JSON, 422
// {errors: {field: [messages]}} for what breaks the schema, 401 for missing
// credentials, 404/405 JSON for unknown paths and methods, 413 for oversized
// bodies, 500 {error} with no internals, 501 for a missing handler.

import type { ValidateFunction } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptedSchemes, type Credentials, readCredentials } from './credentials.js';
import type { AnyHandler, ReplyShape } from './handler.js';
import { MethodMatcher } from './method-matcher.js';
import type { ApiDocument, RouteSpec, ServiceName } from './route-spec.js';
import { compile, createAjv, fieldErrors } from './validation.js';

export interface AuthenticateContext {
  /** Security schemes of the operation the credentials can satisfy (`bearerAuth`, `basicAuth`…). */
  schemes: string[];
  operationId: string;
}

/** Checks credentials; returns who is calling, or nothing to answer 401. */
export type Authenticate<Principal> = (
  credentials: Credentials,
  context: AuthenticateContext,
  request: FastifyRequest,
) => Principal | undefined | null | false | Promise<Principal | undefined | null | false>;

export type ResponseValidation = 'off' | 'warn' | 'error';

export interface ApiPluginOptions<Principal = unknown> {
  /** Handlers as a tree mirroring the client: `{ apps: { list, retrieve, variables: { list } } }`. */
  handlers: object;
  /** Verifies the credentials of secured operations. Without it, any well-formed credentials of an accepted scheme pass. */
  authenticate?: Authenticate<Principal>;
  /** Which services to mount (all of the document's by default): `['regional', 'auth']`. */
  services?: ServiceName[];
  /**
   * Check every answer of a handler against the spec. `error` (default outside
   * production) answers 500 and logs the mismatch; `warn` logs it; `off` skips.
   */
  responseValidation?: ResponseValidation;
  /** Largest accepted body in bytes (default 1 MiB); larger ones get 413. */
  bodyLimit?: number;
  /** Answer unknown paths (404) and methods (405) in JSON (default true). */
  notFound?: boolean;
  /**
   * What an operation without a handler answers: `not-implemented` (default)
   * 501 JSON; `examples` its documented success example, like a mock.
   */
  fallback?: 'not-implemented' | 'examples';
}

const JSON_PROBLEM = 'There was a problem in the JSON you submitted';

export function createApiPlugin(document: ApiDocument) {
  return async function apiPlugin(fastify: FastifyInstance, options: ApiPluginOptions): Promise<void> {
    const services = options.services;
    const routes = document.routes.filter((r) => !services || services.includes(r.service));
    const mode: ResponseValidation =
      options.responseValidation ?? (process.env.NODE_ENV === 'production' ? 'off' : 'error');
    const coercing = createAjv(document.componentSchemas, true);
    const strict = createAjv(document.componentSchemas, false);
    const principals = new WeakMap<FastifyRequest, unknown>();

    fastify.setValidatorCompiler(({ schema, httpPart }) => {
      const optional = (schema as { 'x-optional-body'?: boolean })['x-optional-body'] === true;
      const validate = compile(httpPart === 'body' ? strict : coercing, schema as Record<string, unknown>);
      if (!optional) return validate;
      const wrapper = ((data: unknown) => data === undefined || data === null || validate(data)) as ValidateFunction;
      Object.defineProperty(wrapper, 'errors', { get: () => validate.errors });
      return wrapper;
    });

    // axios (the official JavaScript client) labels a POST or PATCH without a
    // body as form-encoded; an empty body is no body, anything else is refused.
    if (!fastify.hasContentTypeParser('application/x-www-form-urlencoded')) {
      fastify.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        (_request, text, done) => {
          if (text === '') return done(null, undefined);
          done(Object.assign(new Error('Request bodies are JSON'), { statusCode: 415 }), undefined);
        },
      );
    }

    fastify.setErrorHandler(
      (error: FastifyError & { validation?: unknown[]; validationContext?: string }, request, reply) => {
        if (error.validation) {
          const part = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
          return reply.code(422).send({ errors: fieldErrors(error.validation as never, part) });
        }
        const status = error.statusCode ?? 500;
        if (status === 400) return reply.code(400).send({ error: `${JSON_PROBLEM}: ${error.message}` });
        if (status === 413)
          return reply
            .code(413)
            .send({ error: `The request body is larger than ${options.bodyLimit ?? 1_048_576} bytes` });
        if (status === 415)
          return reply.code(415).send({ error: 'Request bodies are JSON: send Content-Type: application/json' });
        if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
        request.log.error({ err: error }, 'handler failed');
        return reply.code(500).send({ error: 'An internal error occurred, it has been logged' });
      },
    );

    if (options.notFound !== false) {
      const matcher = new MethodMatcher(routes, fastify.prefix);
      fastify.setNotFoundHandler((request, reply) => {
        const allowed = matcher.allowed(request.url);
        if (allowed) {
          return reply
            .code(405)
            .header('allow', allowed.join(', '))
            .send({ error: `${request.method} is not allowed here; use ${allowed.join(', ')}` });
        }
        return reply.code(404).send({ resource: 'route', error: 'not found' });
      });
    }

    for (const route of routes) {
      const validators = responseValidators(route, strict, mode);
      // Resolved once: the handler tree is given when the plugin is registered.
      const handler = findHandler(options.handlers, route);
      const { params, query, headers, body, bodyRequired } = route.schemas;
      // A DELETE has a body only where the spec declares one (`x-scalingo-delete-body`).
      const hasBody = Boolean(body && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method));
      const secured = route.security.length > 0 && route.security.some((alternative) => alternative.length > 0);
      /** Answers 401 (and returns the reply) unless the request carries accepted credentials. */
      const checkCredentials = async (
        request: FastifyRequest,
        reply: FastifyReply,
      ): Promise<FastifyReply | undefined> => {
        if (!secured) return undefined;
        const credentials = readCredentials(request.headers.authorization);
        const schemes = credentials ? acceptedSchemes(route.security, credentials) : [];
        if (!credentials || schemes.length === 0) {
          return reply
            .code(401)
            .header('www-authenticate', wwwAuthenticate(route))
            .send({ error: 'You are not authenticated: send valid credentials' });
        }
        const principal = options.authenticate
          ? await options.authenticate(credentials, { schemes, operationId: route.id }, request)
          : true;
        if (principal === undefined || principal === null || principal === false) {
          return reply.code(401).send({ error: 'The credentials are invalid or have expired' });
        }
        principals.set(request, principal);
        return undefined;
      };
      fastify.route({
        method: route.method,
        url: route.path.replace(/\{([^}]+)\}/g, ':$1'),
        bodyLimit: options.bodyLimit ?? 1_048_576,
        schema: {
          ...(params ? { params } : {}),
          ...(query ? { querystring: query } : {}),
          ...(headers ? { headers } : {}),
          ...(hasBody ? { body: bodyRequired ? body : { ...body, 'x-optional-body': true } } : {}),
        },
        // With a body, credentials are checked before it is read or validated;
        // without one, at the top of the handler (a hook costs more per request).
        ...(hasBody ? { onRequest: checkCredentials } : {}),
        handler: async (request, reply) => {
          if (secured && !hasBody && (await checkCredentials(request, reply)) === reply) return reply;
          if (!handler) {
            if (options.fallback === 'examples') return send(reply, route, exampleAnswer(document, route));
            return reply.code(501).send({ error: `${route.id} is not implemented by this server` });
          }
          const result = await handler.fn.call(handler.owner, {
            params: request.params ?? {},
            query: request.query ?? {},
            headers: route.schemas.headers ? declaredHeaders(request, route) : {},
            body: request.body,
            auth: principals.get(request),
            request,
            reply,
          });
          if (reply.sent) return reply;
          const problems = validators.check(result);
          if (problems.length > 0) {
            const message = `${route.id} answered outside the spec: ${problems.join('; ')}`;
            if (mode === 'error') {
              request.log.error({ operation: route.id, status: result?.status, problems }, message);
              return reply.code(500).send({ error: 'The server answered outside its specification (see its log)' });
            }
            request.log.warn({ operation: route.id, status: result?.status, problems }, message);
          }
          return send(reply, route, result);
        },
      });
    }
  };
}

function send(reply: FastifyReply, route: RouteSpec, result: ReplyShape) {
  reply.code(result.status);
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
  if (result.body === undefined) return reply.send();
  const response =
    route.schemas.responses[String(result.status)] ?? route.schemas.responses[`${String(result.status)[0]}XX`];
  if (typeof result.body === 'string' || result.body instanceof Uint8Array) {
    const type = response?.mediaTypes.find((t) => t !== 'application/json') ?? 'text/plain';
    if (!reply.hasHeader('content-type')) reply.type(type);
    return reply.send(result.body);
  }
  // Fastify answers objects as application/json by itself.
  return reply.send(result.body);
}

/** The documented example of the lowest success status. */
export function exampleAnswer(document: ApiDocument, route: RouteSpec): ReplyShape {
  const answer = document.examples[route.id]?.[String(route.success)];
  return {
    status: route.success,
    ...(answer?.body !== undefined ? { body: answer.body } : {}),
    headers: answer?.headers ?? {},
  };
}

function findHandler(handlers: object, route: RouteSpec): { fn: AnyHandler; owner: object } | undefined {
  let node: Record<string, unknown> | undefined = handlers as Record<string, unknown>;
  for (const segment of route.resource) node = node?.[segment] as Record<string, unknown> | undefined;
  const fn = node?.[route.name];
  return typeof fn === 'function' ? { fn: fn as AnyHandler, owner: node! } : undefined;
}

/** Declared header parameters under their spec names (`X-Dry-Run`), with the values validation coerced. */
function declaredHeaders(request: FastifyRequest, route: RouteSpec): Record<string, unknown> {
  const names: Record<string, string> = route.schemas.headers?.['x-names'] ?? {};
  return Object.fromEntries(
    Object.keys(route.schemas.headers?.properties ?? {})
      .filter((lower) => request.headers[lower] !== undefined)
      .map((lower) => [names[lower] ?? lower, request.headers[lower]]),
  );
}

function wwwAuthenticate(route: RouteSpec): string {
  const schemes = new Set(route.security.flat().map((name) => (/basic/i.test(name) ? 'Basic' : 'Bearer')));
  return [...schemes].map((s) => `${s} realm="scalingo"`).join(', ');
}

/** Checks a handler's reply against the statuses, bodies and headers the spec documents. */
function responseValidators(route: RouteSpec, ajv: ReturnType<typeof createAjv>, mode: ResponseValidation) {
  const compiled = new Map<string, ValidateFunction>();
  return {
    check(result: ReplyShape | undefined): string[] {
      if (!result || typeof result.status !== 'number') return ['the handler returned no { status, body }'];
      if (mode === 'off') return [];
      const key = route.schemas.responses[String(result.status)]
        ? String(result.status)
        : `${String(result.status)[0]}XX`;
      const response = route.schemas.responses[key];
      if (!response)
        return [
          `status ${result.status} is not documented (documented: ${Object.keys(route.schemas.responses).join(', ')})`,
        ];
      const problems: string[] = [];
      for (const header of response.headers) {
        const present = Object.keys(result.headers ?? {}).some(
          (name) => name.toLowerCase() === header.name.toLowerCase(),
        );
        if (header.required && !present) problems.push(`header ${header.name} is required`);
      }
      if (response.mediaTypes.length === 0) {
        if (result.body !== undefined) problems.push(`status ${result.status} has no body`);
        return problems;
      }
      if (result.body === undefined) return [...problems, `status ${result.status} needs a body`];
      if (typeof result.body === 'string' || result.body instanceof Uint8Array) {
        if (!response.mediaTypes.some((t) => t !== 'application/json'))
          problems.push(`status ${result.status} answers JSON, not text`);
        return problems;
      }
      if (!response.schema) return [...problems, `status ${result.status} does not answer JSON`];
      let validate = compiled.get(key);
      if (!validate) {
        validate = compile(ajv, response.schema);
        compiled.set(key, validate);
      }
      if (!validate(result.body)) {
        problems.push(...(validate.errors ?? []).slice(0, 5).map((e) => `body${e.instancePath} ${e.message}`));
      }
      return problems;
    },
  };
}
