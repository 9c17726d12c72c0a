// The Fastify server options the stubs need for what happens before routing,
// which a plugin cannot change: path values longer than Fastify's 100
// characters and malformed percent-escapes would otherwise get Fastify's own
// 414/400 bodies, which quote the URL. With these options such requests reach
// their route like any other, and the route answers with a documented status
// (a path value naming nothing that exists is a 404).
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

/** Longest path value routed (Node refuses request lines past 16 KiB anyway). */
export const MAX_PARAM_LENGTH = 16_384;

export type StubsServerOptions = Pick<FastifyServerOptions, 'routerOptions' | 'rewriteUrl' | 'frameworkErrors'> & {
  bodyLimit?: number;
};

/** Options for `Fastify(...)`: `Fastify({ ...serverOptions(), logger: true })`. */
export function serverOptions(options: { bodyLimit?: number } = {}): StubsServerOptions {
  return {
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    rewriteUrl: (request) => repairUrl(request.url ?? '/'),
    frameworkErrors,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
  };
}

/**
 * Makes a URL routable: a percent sign that does not start a valid escape, or
 * escapes that do not decode to UTF-8, stand for themselves (`%25`), so the
 * route sees the value as sent instead of the router refusing the request.
 */
export function repairUrl(url: string): string {
  if (!url.startsWith('/')) {
    // Absolute-form (`http://host/path`) is routed by its path; anything else (`*`) by `/`.
    const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^#]*)?/i.exec(url)?.[1];
    return path ? repairUrl(path) : '/';
  }
  if (!url.includes('%')) return url;
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  const repaired = path
    .split('/')
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return segment.replace(/%/g, '%25');
      }
    })
    .join('/');
  return query < 0 ? repaired : repaired + url.slice(query);
}

/** What is left for the router to refuse after `repairUrl`: answered in the API's envelope, URL not quoted. */
function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.code(404).send({ resource: 'route', error: 'not found' });
  }
  return reply.code(500).send({ error: 'An internal error occurred, it has been logged' });
}
