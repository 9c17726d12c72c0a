// Calls to a sandbox, each answer judged against the spec (a documented
// status, a body that validates against the documented schema) by the same
// rule as the property-based run: a test that uses it fails on an answer the
// spec does not describe, whatever it asserts besides.
import type { Sandbox } from '@scalingo-openapi/sandbox';
import { specValidator } from '@scalingo-openapi/test-support/ajv';
import { findOperation, undocumented } from '@scalingo-openapi/test-support/documented';
import { type Json, loadSpec, operations } from '@scalingo-openapi/test-support/spec';
import { inject } from './inject.js';

export const spec: Json = await loadSpec();
export const validator = specValidator(spec);
const entries = operations(spec);

export interface Judged {
  status: number;
  body: Json;
  text: string;
  headers: Record<string, string | undefined>;
}

/** The spec's problems with an answer to `method url` (empty when it is documented). */
export function judge(method: string, url: string, status: number, contentType: string | undefined, text: string) {
  const path = new URL(url, 'http://sandbox').pathname;
  const entry = findOperation(entries, method, path.startsWith('/api/') ? path : path.replace(/^\/v1/, ''));
  if (!entry) return [`${method} ${path} is no operation of the spec`];
  return undocumented(spec, validator, entry, { status, contentType, body: text }).map(
    (problem) => `${method} ${path}: ${problem}`,
  );
}

/** `call(method, url, body?)` in-process on `app` with `authorization`, throwing on an undocumented answer. */
export function judgedCaller(sandbox: () => Sandbox, authorization: () => string) {
  return async (method: string, url: string, body?: unknown): Promise<Judged> => {
    const response = await inject(sandbox(), authorization(), method, url, body);
    const contentType = response.headers['content-type'] as string | undefined;
    const problems = judge(method, url, response.statusCode, contentType, response.body);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const json = contentType?.startsWith('application/json') && response.body ? JSON.parse(response.body) : undefined;
    return {
      status: response.statusCode,
      body: json,
      text: response.body,
      headers: response.headers as Record<string, string | undefined>,
    };
  };
}
