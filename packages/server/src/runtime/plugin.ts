// Turns a generated route table into a Fastify plugin. Every answer, even a
// failure, has a status the operation documents, in the API's own envelopes
// (failures.ts picks it): credentials first (401, before the route, the body or
// any validation), then malformed bodies (400), values breaking the schema
// (422 {errors: {field: [messages]}}; a path value naming nothing, 404), 500
// {error} with no internals, 501 for a missing handler. Unknown paths answer
// 404 and known paths with another method 405 with `Allow`, both after the
// credentials.

import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BodyError, installBodyParser } from './body-parser.js';
import { acceptedSchemes, type Credentials, readCredentials } from './credentials.js';
import { type Failure, failureAnswer, takesBody } from './failures.js';
import { fieldErrors } from './field-errors.js';
import type { AnyHandler, ReplyShape } from './handler.js';
import { MethodMatcher } from './method-matcher.js';
import type { ApiDocument, RouteSpec, ServiceName } from './route-spec.js';
import { MAX_PARAM_LENGTH } from './server-options.js';
import { compile, createAjv } from './validation.js';

export interface AuthenticateContext {
  /** Security schemes of the operation the credentials can satisfy (`bearerAuth`, `basicAuth`…). */
  schemes: string[];
  /** Absent for a path or method no operation has (credentials are checked first there too). */
  operationId?: string;
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
  /** Largest accepted body in bytes (default 1 MiB); larger ones get 413, or 400 where 413 is not documented. */
  bodyLimit?: number;
  /** Answer unknown paths (404) and methods (405) in JSON (default true). */
  notFound?: boolean;
  /**
   * What an operation without a handler answers: `not-implemented` (default)
   * 501 JSON; `examples` its documented success example, like a mock.
   */
  fallback?: 'not-implemented' | 'examples';
}

const INTERNAL = 'An internal error occurred, it has been logged';
const UNAUTHENTICATED = 'You are not authenticated: send valid credentials';
const INVALID_CREDENTIALS = 'The credentials are invalid or have expired';

interface RouteConfig {
  scalingoRoute?: RouteSpec;
}

export function createApiPlugin(document: ApiDocument) {
  return async function apiPlugin(fastify: FastifyInstance, options: ApiPluginOptions): Promise<void> {
    const services = options.services;
    const routes = document.routes.filter((r) => !services || services.includes(r.service));
    const mode: ResponseValidation =
      options.responseValidation ?? (process.env.NODE_ENV === 'production' ? 'off' : 'error');
    const bodyLimit = options.bodyLimit ?? 1_048_576;
    const coercing = createAjv(document.componentSchemas, true);
    const strict = createAjv(document.componentSchemas, false);
    const principals = new WeakMap<FastifyRequest, unknown>();
    const routeOf = (request: FastifyRequest) =>
      (request.routeOptions?.config as RouteConfig | undefined)?.scalingoRoute;

    const routerConfig = fastify.initialConfig as {
      maxParamLength?: number;
      routerOptions?: { maxParamLength?: number };
    };
    if ((routerConfig.routerOptions?.maxParamLength ?? routerConfig.maxParamLength ?? 100) < MAX_PARAM_LENGTH) {
      fastify.log.warn(
        "create the server with Fastify(serverOptions()) from @scalingo-openapi/server: without it, long path values get Fastify's own 414",
      );
    }

    fastify.setValidatorCompiler(({ schema, httpPart }) => {
      const marks = schema as { 'x-optional-body'?: boolean; 'x-required-body'?: boolean };
      const validate = compile(httpPart === 'body' ? strict : coercing, schema as Record<string, unknown>);
      if (marks['x-optional-body']) {
        const optional = ((data: unknown) => data === undefined || data === null || validate(data)) as ValidateFunction;
        Object.defineProperty(optional, 'errors', { get: () => validate.errors });
        return optional;
      }
      if (marks['x-required-body']) {
        // No body (or `null`) reads as an empty object: its missing fields are named.
        const required = ((data: unknown) => validate(data ?? {})) as ValidateFunction;
        Object.defineProperty(required, 'errors', { get: () => validate.errors });
        return required;
      }
      return validate;
    });

    installBodyParser(fastify, routeOf, bodyLimit);

    fastify.setErrorHandler(
      (error: FastifyError & { validation?: unknown[]; validationContext?: string }, request, reply) => {
        const route = routeOf(request);
        const failure = describeFailure(error, route, bodyLimit);
        if (failure) return send(reply, route, failureAnswer(route, failure));
        request.log.error({ err: error }, 'handler failed');
        return reply.code(500).send({ error: INTERNAL });
      },
    );

    /** Answers 401 (and returns the reply) unless the request carries credentials `authenticate` accepts. */
    const checkCredentials = async (
      request: FastifyRequest,
      reply: FastifyReply,
      security: string[][],
      operationId: string | undefined,
    ): Promise<FastifyReply | undefined> => {
      const credentials = readCredentials(request.headers.authorization);
      const schemes = credentials ? acceptedSchemes(security, credentials) : [];
      if (!credentials || schemes.length === 0) {
        return reply.code(401).header('www-authenticate', wwwAuthenticate(security)).send({ error: UNAUTHENTICATED });
      }
      const principal = options.authenticate
        ? await options.authenticate(credentials, { schemes, ...(operationId ? { operationId } : {}) }, request)
        : true;
      if (principal === undefined || principal === null || principal === false) {
        return reply.code(401).send({ error: INVALID_CREDENTIALS });
      }
      principals.set(request, principal);
      return undefined;
    };

    if (options.notFound !== false) {
      const matcher = new MethodMatcher(routes, fastify.prefix);
      // Any scheme of the mounted operations: unknown routes are not public.
      const anyScheme = [...new Set(routes.flatMap((r) => r.security.flat()))].map((name) => [name]);
      fastify.setNotFoundHandler(async (request, reply) => {
        if (anyScheme.length > 0 && (await checkCredentials(request, reply, anyScheme, undefined)) === reply)
          return reply;
        const allowed = matcher.allowed(request.url);
        if (allowed && !allowed.includes(request.method)) {
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
      const hasBody = takesBody(route);
      const secured = route.security.length > 0 && route.security.some((alternative) => alternative.length > 0);
      const config: RouteConfig = { scalingoRoute: route };
      fastify.route({
        method: route.method,
        url: route.path.replace(/\{([^}]+)\}/g, ':$1'),
        bodyLimit,
        config,
        schema: {
          ...(params ? { params } : {}),
          ...(query ? { querystring: query } : {}),
          ...(headers ? { headers } : {}),
          ...(hasBody && body
            ? { body: { ...body, [bodyRequired ? 'x-required-body' : 'x-optional-body']: true } }
            : {}),
        },
        // Credentials come first: before the body is read or anything is validated.
        ...(secured
          ? {
              onRequest: (request: FastifyRequest, reply: FastifyReply) =>
                checkCredentials(request, reply, route.security, route.id),
            }
          : {}),
        handler: async (request, reply) => {
          if (!handler) {
            if (options.fallback === 'examples') return send(reply, route, exampleAnswer(document, route));
            return reply.code(501).send({ error: `${route.id} is not implemented by this server` });
          }
          const result = await handler.fn.call(handler.owner, {
            params: request.params ?? {},
            query: request.query ?? {},
            headers: route.schemas.headers ? declaredHeaders(request, route) : {},
            body: request.body ?? (hasBody && bodyRequired ? {} : undefined),
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

/** What went wrong with a request, as a failure the route answers; undefined for a server-side error. */
function describeFailure(
  error: FastifyError & { validation?: unknown[]; validationContext?: string },
  route: RouteSpec | undefined,
  bodyLimit: number,
): Failure | undefined {
  if (error instanceof BodyError) return { kind: error.code, message: error.message, field: rootKey(route) };
  if (error.validation) {
    const problems = error.validation as ErrorObject[];
    if (error.validationContext === 'params') {
      const name = (problems[0]?.instancePath ?? '').split('/')[1] ?? '';
      return { kind: 'unknown-path-value', message: 'not found', resource: resourceOf(name) };
    }
    const where =
      error.validationContext === 'querystring' ? 'query' : error.validationContext === 'headers' ? 'headers' : 'body';
    let errors = fieldErrors(problems, where, rootKey(route));
    if (where === 'headers') {
      const names: Record<string, string> = route?.schemas.headers?.['x-names'] ?? {};
      errors = Object.fromEntries(Object.entries(errors).map(([key, list]) => [names[key] ?? key, list]));
    }
    return {
      kind: where === 'body' ? 'invalid-body' : 'invalid-parameters',
      errors,
      message: Object.entries(errors)
        .map(([field, list]) => `${field} ${list.join(', ')}`)
        .join('; '),
    };
  }
  // Fastify's own refusals before the handler runs (none of them is the handler's doing).
  if (typeof error.code === 'string' && error.code.startsWith('FST_')) {
    if (error.statusCode === 413)
      return {
        kind: 'body-too-large',
        message: `The request body is larger than ${bodyLimit} bytes`,
        field: rootKey(route),
      };
    if (error.statusCode === 415)
      return {
        kind: 'content-type',
        message: 'Request bodies are JSON: send Content-Type: application/json',
        field: rootKey(route),
      };
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return { kind: 'bad-request', message: 'The request could not be read', field: rootKey(route) };
  }
  return undefined;
}

/** The root key of the route's body (`app`), when it has exactly one. */
function rootKey(route: RouteSpec | undefined): string | undefined {
  const required = route?.schemas.body?.required;
  return Array.isArray(required) && required.length === 1 ? String(required[0]) : undefined;
}

/** `app` → `app`, `deployment_id` → `deployment`: what a 404 names for a path parameter. */
function resourceOf(parameter: string): string {
  return parameter.replace(/_(id|uuid|index|type)$/, '') || 'route';
}

function send(reply: FastifyReply, route: RouteSpec | undefined, result: ReplyShape) {
  reply.code(result.status);
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
  if (result.body === undefined) return reply.send();
  const response =
    route?.schemas.responses[String(result.status)] ?? route?.schemas.responses[`${String(result.status)[0]}XX`];
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

function wwwAuthenticate(security: string[][]): string {
  const schemes = new Set(security.flat().map((name) => (/basic/i.test(name) ? 'Basic' : 'Bearer')));
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
