// Builds a valid request for any operation from the spec's own examples, so
// that tests can call every operation without a hand-written sample.
import { deref, type Json, type OperationEntry } from './spec.js';

export interface ExampleRequest {
  method: string;
  /** Path with parameters filled in, plus the query string. */
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /** Statuses the operation documents as successes, lowest first. */
  successStatuses: number[];
}

export const TEST_TOKEN = 'tk-us-test-token-0123456789';

export function exampleValue(spec: Json, parameter: Json): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const examples = Object.values<Json>(parameter.examples ?? {});
  if (examples.length > 0) return deref(spec, examples[0]).value;
  const schema = deref(spec, parameter.schema ?? {});
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  throw new Error(`Parameter ${parameter.in}:${parameter.name} has no example`);
}

export function requestBodyExample(spec: Json, operation: Json): unknown {
  if (!operation.requestBody) return undefined;
  const body = deref(spec, operation.requestBody);
  const media = body.content?.['application/json'];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values<Json>(media.examples ?? {})[0];
  if (first) return deref(spec, first).value;
  throw new Error('Request body has no example');
}

export function authHeaders(spec: Json, operation: Json, token = TEST_TOKEN): Record<string, string> {
  const requirements: Json[] = operation.security ?? spec.security ?? [];
  const schemes = requirements.flatMap((r) => Object.keys(r));
  if (schemes.length === 0) return {};
  const scheme = spec.components.securitySchemes[schemes[0]!];
  if (scheme.type === 'http' && scheme.scheme === 'basic') {
    return { authorization: `Basic ${Buffer.from(`:${token}`).toString('base64')}` };
  }
  return { authorization: `Bearer ${token}` };
}

export function exampleRequest(spec: Json, entry: OperationEntry, options: { token?: string } = {}): ExampleRequest {
  let url = entry.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...authHeaders(spec, entry.operation, options.token),
  };
  for (const parameter of entry.parameters) {
    if (parameter.in === 'path') {
      url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(exampleValue(spec, parameter))));
    } else if (parameter.required && parameter.in === 'query') {
      query.set(parameter.name, String(exampleValue(spec, parameter)));
    } else if (parameter.required && parameter.in === 'header') {
      headers[parameter.name.toLowerCase()] = String(exampleValue(spec, parameter));
    }
  }
  const body = requestBodyExample(spec, entry.operation);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const successStatuses = Object.keys(entry.operation.responses ?? {})
    .filter((s) => /^2\d\d$/.test(s))
    .map(Number)
    .sort((a, b) => a - b);
  // Ask for what the success answer is (plain text, a PDF…), not always JSON.
  const success =
    successStatuses[0] === undefined ? undefined : deref(spec, entry.operation.responses[String(successStatuses[0])]);
  const types = Object.keys(success?.content ?? {});
  if (types.length > 0 && !types.includes('application/json')) headers.accept = types.join(', ');
  const search = query.toString();
  return { method: entry.method.toUpperCase(), url: search ? `${url}?${search}` : url, headers, body, successStatuses };
}

/** The JSON schema pointer of the body answered with `status`, or undefined for no body. */
export function responseSchemaPointer(spec: Json, entry: OperationEntry, status: number | string): string | undefined {
  const responses = entry.operation.responses ?? {};
  const key = String(status) in responses ? String(status) : `${String(status)[0]}XX`;
  const raw = responses[key];
  if (!raw) return undefined;
  const base = raw.$ref ?? `${entry.pointer}/responses/${key}`;
  const response = deref(spec, raw);
  if (!response.content?.['application/json']) return undefined;
  return `${base}/content/application~1json/schema`;
}
