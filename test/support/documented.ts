// Whether an answer is one the spec documents for the operation it came from:
// a documented status (exact or its `4XX`/`5XX` range), a documented media
// type, and a body that validates against that response's schema. Shared by
// the property-based run and the replay of the reference's curls, so both
// judge answers the same way, from the spec itself.
import type { SpecValidator } from './ajv.js';
import { deref, escapePointer, type Json, type OperationEntry } from './spec.js';

export interface Answer {
  status: number;
  contentType?: string;
  body: string;
}

/** The operation serving `method path` (path without its query), literal segments winning over templates. */
export function findOperation(entries: OperationEntry[], method: string, path: string): OperationEntry | undefined {
  const segments = path.split('/').filter(Boolean);
  let best: { entry: OperationEntry; literals: number } | undefined;
  for (const entry of entries) {
    if (entry.method !== method.toLowerCase()) continue;
    const template = entry.path.split('/').filter(Boolean);
    if (template.length !== segments.length) continue;
    let literals = 0;
    const matches = template.every((part, i) => {
      if (/^\{[^}]+\}$/.test(part)) return segments[i]!.length > 0;
      literals++;
      return part === segments[i];
    });
    if (matches && (!best || literals > best.literals)) best = { entry, literals };
  }
  return best?.entry;
}

/**
 * The operation a written URL calls (`https://$SCALINGO_API_URL/v1/apps/[:app]?page=2`): host, query
 * and `basePath` dropped, and the regional API's `/v1` prefix (the database API's paths keep their `/api`).
 */
export function operationOfUrl(
  entries: OperationEntry[],
  method: string,
  url: string,
  basePath?: RegExp,
): OperationEntry | undefined {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/, '').split('?')[0]!;
  return findOperation(entries, method, operationPath(basePath ? path.replace(basePath, '') : path));
}

/** A request path as the spec's paths are written: without the regional API's `/v1` prefix. */
export function operationPath(path: string): string {
  return path.startsWith('/api/') ? path : path.replace(/^\/v1(?=\/|$)/, '');
}

/** What is wrong with `body` as the JSON request body of `entry`; empty when the spec accepts it. */
export function unacceptedBody(spec: Json, validator: SpecValidator, entry: OperationEntry, body: unknown): string[] {
  if (!entry.operation.requestBody) return ['the operation takes no request body'];
  const requestBody = deref(spec, entry.operation.requestBody);
  if (!requestBody.content?.['application/json'])
    return [`the request body is ${Object.keys(requestBody.content ?? {}).join(', ')}, not JSON`];
  const pointer = entry.operation.requestBody.$ref ?? `${entry.pointer}/requestBody`;
  return validator
    .validate(`${pointer}/content/application~1json/schema`, body)
    .map((problem) => `request body: ${problem}`);
}

/** What is wrong with `answer` as an answer of `entry`; empty when the spec documents it. */
export function undocumented(spec: Json, validator: SpecValidator, entry: OperationEntry, answer: Answer): string[] {
  const responses = entry.operation.responses ?? {};
  const key = String(answer.status) in responses ? String(answer.status) : `${String(answer.status)[0]}XX`;
  if (!(key in responses)) {
    return [
      `status ${answer.status} is not documented (${Object.keys(responses).join(', ')}): ${answer.body.slice(0, 200)}`,
    ];
  }
  const response = deref(spec, responses[key]);
  const types = Object.keys(response.content ?? {});
  if (types.length === 0)
    return answer.body ? [`status ${answer.status} documents no body, got ${answer.body.slice(0, 80)}`] : [];
  // HEAD answers carry no body.
  if (!answer.body) return [];
  const media = (answer.contentType ?? '').split(';')[0]!.trim();
  if (!types.includes(media))
    return [`status ${answer.status} answered ${media || 'no type'}, documented ${types.join(', ')}`];
  if (media !== 'application/json') return [];
  const pointer = responses[key].$ref ?? `${entry.pointer}/responses/${escapePointer(key)}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return [`status ${answer.status} body is not JSON: ${answer.body.slice(0, 80)}`];
  }
  return validator
    .validate(`${pointer}/content/application~1json/schema`, parsed)
    .map((problem) => `status ${answer.status} body: ${problem}`);
}
