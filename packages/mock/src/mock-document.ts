// The document Prism serves: the spec with each path moved under its server's
// base path (`/apps` of `https://api.{region}.scalingo.com/v1` becomes
// `/v1/apps`, `/api/databases/{id}` of `https://db-api.{region}.scalingo.com`
// stays), so one port answers every service at the URLs the real hosts use.
// Prism ignores `servers` when it matches a request: without this, it would
// serve `/apps` and 404 on `/v1/apps`.
import { HTTP_METHODS as METHODS } from '@scalingo-openapi/spec-reader/methods';

export type OpenApiDocument = {
  servers?: ServerObject[];
  paths?: Record<string, PathItem>;
  [key: string]: unknown;
};
export type ServerObject = { url: string; variables?: Record<string, { default: string; enum?: string[] }> };
type PathItem = Record<string, unknown> & { servers?: ServerObject[] };

/** The path part of a server URL, variables at their defaults: `/v1`, or `` for a bare host. */
export function serverBasePath(server: ServerObject): string {
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? '');
  const { pathname } = new URL(url, 'http://mock.invalid');
  return pathname.replace(/\/+$/, '');
}

/**
 * A copy of `document` whose path keys carry their server's base path, with
 * every `servers` removed (the mock is its own server). Operations of one path
 * item sent to different servers are split; two operations landing on the same
 * method and URL are an error, since one port cannot tell them apart.
 */
export function mockDocument(document: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const { servers: itemServers, ...shared } = item;
    for (const key of METHODS) delete shared[key];
    for (const method of METHODS) {
      const operation = item[method] as { servers?: ServerObject[] } | undefined;
      if (!operation) continue;
      const servers = operation.servers ?? itemServers ?? document.servers;
      const url = `${servers?.[0] ? serverBasePath(servers[0]) : ''}${path}`;
      const target = (paths[url] ??= { ...shared });
      if (target[method])
        throw new Error(`${method.toUpperCase()} ${url} is declared twice (paths["${path}"] and another)`);
      const { servers: _, ...rest } = operation;
      target[method] = rest;
    }
  }
  const { servers: _, ...rest } = document;
  return { ...rest, paths };
}

/** The methods `document` has for a concrete path (`/v1/apps/my-app` → GET, HEAD, PATCH, DELETE). */
export function methodsOf(document: OpenApiDocument): (path: string) => string[] | undefined {
  const templates = Object.entries(document.paths ?? {}).map(([template, item]) => ({
    pattern: new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map(escapeRegExp)
        .join('[^/]+')}$`,
    ),
    methods: METHODS.filter((method) => item[method]).map((method) => method.toUpperCase()),
  }));
  return (path) => {
    const methods = templates.filter((t) => t.pattern.test(path)).flatMap((t) => t.methods);
    return methods.length > 0 ? [...new Set(methods)] : undefined;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
