// The introduction Redoc shows above the tags lists only the document-level
// servers, and Redoc 3 has no section for the security schemes. This module
// writes both, from the spec, as Markdown appended to the description of the
// copy the reference is rendered from: every server an operation can be sent
// to (regional, legacy, authentication, database) with the tags that use it,
// and every security scheme with the operations that accept it.
import { operationsOf } from './code-samples.mjs';

/** @typedef {import('openapi-typescript').OpenAPI3} Spec */

/**
 * A copy of `spec` whose `info.description` ends with the servers and the security schemes.
 * @param {Spec} spec
 */
export function withOverview(spec) {
  const result = structuredClone(spec);
  result.info = {
    ...result.info,
    description: `${(result.info?.description ?? '').trimEnd()}\n\n${overviewMarkdown(spec)}`,
  };
  return result;
}

/** @param {Spec} spec */
export function overviewMarkdown(spec) {
  return `${serversSection(spec)}\n\n${schemesSection(spec)}\n`;
}

/** @param {Spec} spec */
function serversSection(spec) {
  // url → the server, whether it is document-level, the operations and tags sent to it
  /** @type {Map<string, { server: import('openapi-typescript').ServerObject, documentLevel: boolean, operations: number, tags: Set<string> }>} */
  const servers = new Map();
  /**
   * @param {import('openapi-typescript').ServerObject} server
   * @param {boolean} documentLevel
   * @param {import('openapi-typescript').OperationObject} [operation]
   */
  const note = (server, documentLevel, operation) => {
    const entry = servers.get(server.url) ?? { server, documentLevel, operations: 0, tags: new Set() };
    if (operation) {
      entry.operations += 1;
      for (const tag of operation.tags ?? []) entry.tags.add(tag);
    }
    servers.set(server.url, entry);
  };
  for (const server of spec.servers ?? []) note(server, true);
  for (const { path, operation } of operationsOf(spec)) {
    const own =
      operation.servers ??
      /** @type {import('openapi-typescript').PathItemObject | undefined} */ (spec.paths?.[path])?.servers;
    for (const server of own ?? spec.servers ?? []) note(server, !own, operation);
  }
  const items = [...servers.values()].map(({ server, documentLevel, operations, tags }) => {
    const variables = Object.entries(server.variables ?? {})
      .map(([name, v]) => `; \`{${name}}\` is one of ${(v.enum ?? [v.default]).map((e) => `\`${e}\``).join(', ')}`)
      .join('');
    const used = documentLevel
      ? `every operation without a server of its own (${operations})`
      : `${plural(operations, 'operation')}, tagged ${[...tags].sort().join(', ')}`;
    return `- \`${server.url}\` — ${oneLine(server.description ?? '').replace(/\.$/, '')}${variables}. Used by ${used}.`;
  });
  return [
    '## Servers',
    '',
    'Each operation is sent to one of these base URLs; its own page names it again.',
    'The regional and database hosts take the region of the application or database.',
    '',
    ...items,
  ].join('\n');
}

/** @param {Spec} spec */
function schemesSection(spec) {
  const schemes =
    /** @type {Record<string, { type: string, scheme?: string, bearerFormat?: string, description?: string }>} */ (
      spec.components?.securitySchemes ?? {}
    );
  const uses = new Map(Object.keys(schemes).map((name) => [name, 0]));
  for (const { operation } of operationsOf(spec)) {
    const names = new Set(
      (operation.security ?? spec.security ?? []).flatMap((requirement) => Object.keys(requirement)),
    );
    for (const name of names) uses.set(name, (uses.get(name) ?? 0) + 1);
  }
  const items = Object.entries(schemes).map(([name, scheme]) => {
    const kind =
      scheme.type === 'http'
        ? `HTTP ${scheme.scheme}${scheme.bearerFormat ? `, ${scheme.bearerFormat}` : ''}`
        : scheme.type;
    return `- **\`${name}\`** (${kind}; ${plural(uses.get(name) ?? 0, 'operation')}) — ${oneLine(scheme.description ?? '')}`;
  });
  return [
    '## Security schemes',
    '',
    'The schemes the operations accept. Where an operation lists several, any one of them will do.',
    '',
    ...items,
  ].join('\n');
}

/**
 * @param {number} count
 * @param {string} noun
 */
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** @param {string} text */
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
