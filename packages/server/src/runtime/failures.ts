// What the stubs answer on their own, before or instead of a handler, always
// with a status the operation documents and in the API's envelopes: `{error}`,
// `{resource, error}` (404) or `{errors: {field: [messages]}}` (422). Each kind
// of failure lists the statuses that fit it, best first; the first one the
// operation documents wins. No answer repeats what the request sent.
import type { ReplyShape } from './handler.js';
import type { RouteSpec } from './route-spec.js';

export type FailureKind =
  | 'malformed-json'
  | 'content-type'
  | 'body-too-large'
  | 'bad-request'
  | 'invalid-body'
  | 'invalid-parameters'
  | 'unknown-path-value';

/** The statuses each failure can be answered with, best first. */
export const FAILURE_STATUSES: Record<FailureKind, number[]> = {
  'malformed-json': [400, 422],
  'content-type': [415, 400, 422],
  'body-too-large': [413, 400, 422],
  'bad-request': [400, 422],
  'invalid-body': [422, 400],
  'invalid-parameters': [422, 400],
  // A path value that breaks its schema names nothing that can exist.
  'unknown-path-value': [404, 422, 400],
};

export interface Failure {
  kind: FailureKind;
  /** One sentence for `{error}`, in the API's voice. */
  message: string;
  /** Field → messages, for the 422 envelope; `{[field]: [message]}` is built from `field` otherwise. */
  errors?: Record<string, string[]>;
  /** The field the failure is about (`app`, `per_page`), when there is one. */
  field?: string;
  /** The kind of resource a 404 names (`app`, `deployment`). */
  resource?: string;
}

/** The documented status a failure gets on `route` (the first fitting one; the best one if none is documented). */
export function failureStatus(route: RouteSpec | undefined, kind: FailureKind): number {
  const candidates = FAILURE_STATUSES[kind];
  return candidates.find((status) => route?.schemas.responses[String(status)]) ?? candidates[0]!;
}

/** The answer to a failure on `route`, in the envelope of the status it gets. */
export function failureAnswer(route: RouteSpec | undefined, failure: Failure): ReplyShape {
  const status = failureStatus(route, failure.kind);
  if (status === 422) {
    const errors = failure.errors ?? { [failure.field ?? 'base']: [failure.message] };
    return { status, body: { errors } };
  }
  if (status === 404) return { status, body: { resource: failure.resource ?? 'route', error: 'not found' } };
  return { status, body: { error: failure.message } };
}

/** The failures the stubs can raise on `route`, from what it takes. */
export function possibleFailures(route: RouteSpec): FailureKind[] {
  const kinds: FailureKind[] = [];
  if (takesBody(route)) kinds.push('malformed-json', 'content-type', 'body-too-large', 'bad-request', 'invalid-body');
  if (route.schemas.query || route.schemas.headers) kinds.push('invalid-parameters');
  if (route.schemas.params) kinds.push('unknown-path-value');
  return kinds;
}

/** Whether the stubs read a JSON body for `route` (bodies of other routes are ignored). */
export function takesBody(route: RouteSpec): boolean {
  return Boolean(route.schemas.body) && route.method !== 'GET' && route.method !== 'HEAD';
}

/** The failures `route` can raise whose status its spec does not document. */
export function undocumentedFailures(route: RouteSpec): Array<[FailureKind, number]> {
  return possibleFailures(route)
    .map((kind) => [kind, failureStatus(route, kind)] as [FailureKind, number])
    .filter(([, status]) => !route.schemas.responses[String(status)]);
}
