// One loopback origin for every host of the spec, as the sandbox lays them
// out: each path is served under the path of its server URL (`/v1` for the
// regional and authentication APIs, nothing for the database API's `/api…`
// and the billing host). A Prism mock of the mounted copy answers the official
// clients, which put the `/v1` prefix in their base URLs.
import { deref, type Json, METHODS } from './spec.js';

/** The base path of a server URL template (`https://api.{region}.scalingo.com/v1` → `/v1`). */
export function serverBasePath(url: string): string {
  const filled = url.replace(/\{[^}]+\}/g, 'x');
  const pathname = filled.startsWith('/') ? filled : new URL(filled).pathname;
  return pathname.replace(/\/$/, '');
}

/** The servers an operation is sent to: its own, else its path's, else the document's. */
export function operationServers(spec: Json, pathItem: Json, operation?: Json): Json[] {
  if (operation?.servers?.length) return operation.servers;
  if (pathItem.servers?.length) return pathItem.servers;
  return spec.servers ?? [{ url: '/' }];
}

/** A copy of the bundled document whose paths carry their server's base path, with no servers left. */
export function mountedSpec(spec: Json): Json {
  const copy = structuredClone(spec);
  const paths: Json = {};
  for (const [path, raw] of Object.entries<Json>(copy.paths ?? {})) {
    const item = deref(copy, raw);
    const operation = METHODS.map((m) => item[m]).find(Boolean);
    const prefix = serverBasePath(operationServers(copy, item, operation)[0].url);
    const mountedPath = `${prefix}${path}`;
    if (paths[mountedPath]) throw new Error(`${mountedPath} is served by two hosts`);
    const { servers: _pathServers, ...rest } = item;
    for (const method of METHODS) if (rest[method]) delete rest[method].servers;
    paths[mountedPath] = rest;
  }
  copy.paths = paths;
  delete copy.servers;
  return copy;
}
