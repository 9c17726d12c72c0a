// Prism's own answers, in the API's error envelopes. Prism reports what it
// rejects as application/problem+json (no route, wrong method, credentials,
// validation) and, when the operation declares the status, as that status's
// example with the real problems in its `sl-violations` header. The Scalingo
// API answers `{"error": …}` (404 with `resource`), and 422
// `{"errors": {field: [messages]}}`; so does the mock, like the server stubs.

/** What Prism puts in `sl-violations` and in a problem's `validation` list. */
export interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface ProblemJson {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  validation?: PrismViolation[];
}

export interface Envelope {
  status: number;
  body: unknown;
  /** For a 405: the methods the path has. */
  allow?: string[];
}

const PARTS = new Set(['body', 'query', 'path', 'header']);

/** `{"app.name": ["is missing"]}` from Prism's violations of a request. */
export function fieldErrors(violations: PrismViolation[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const violation of violations) {
    if (violation.severity !== 'Error') continue;
    const location = violation.location[0] === 'request' ? violation.location.slice(1) : violation.location;
    const [part = 'request', ...segments] = location;
    let message = stripSource(violation.message, part, segments);
    const required = /^must have required property '(.+)'$/.exec(message);
    const additional = /; found '(.+)'$/.exec(message);
    if (required) {
      segments.push(required[1]!);
      message = 'is missing';
    } else if (violation.code === 'additionalProperties' && additional) {
      segments.push(additional[1]!);
      message = 'is not a known field';
    }
    const field = segments.length > 0 ? segments.join('.') : PARTS.has(part) ? part : 'request';
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}

/** Prism prefixes Ajv's message with where it looked ("Request body property app "): drop it. */
function stripSource(message: string, part: string, segments: string[]): string {
  const where = segments.length > 0 ? `${part === 'body' ? 'property' : 'parameter'} ${segments.join('.')} ` : '';
  const prefix = `Request ${part} ${where}`;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The request's own violations among `sl-violations` (Prism lists the response's there too). */
export function requestViolations(header: string | undefined): PrismViolation[] {
  if (!header) return [];
  try {
    const parsed = JSON.parse(header) as PrismViolation[];
    return parsed.filter((v) => v.location[0] === 'request' && v.severity === 'Error' && v.location.length > 1);
  } catch {
    // "Too many violations! …": Prism cut the list; keep the example it chose.
    return [];
  }
}

/** The API's envelope for one of Prism's problem+json answers. */
export function problemEnvelope(problem: ProblemJson, method: string, path: string, allow?: string[]): Envelope {
  const status = problem.status ?? 500;
  const kind = problem.type?.split('#')[1];
  switch (kind) {
    case 'NO_PATH_MATCHED_ERROR':
      return { status: 404, body: { resource: 'route', error: 'not found' } };
    case 'NO_METHOD_MATCHED_ERROR':
      return allow?.length
        ? { status: 405, body: { error: `${method} is not allowed on ${path}; use ${allow.join(', ')}` }, allow }
        : { status: 405, body: { error: `${method} is not allowed on ${path}` } };
    case 'UNAUTHORIZED':
      return { status: 401, body: { error: 'You are not authenticated: send valid credentials' } };
    case 'UNPROCESSABLE_ENTITY': {
      const errors = fieldErrors(problem.validation ?? []);
      return { status: 422, body: { errors: Object.keys(errors).length > 0 ? errors : { request: ['is invalid'] } } };
    }
    default:
      return { status, body: { error: problem.detail || problem.title || 'The mock could not answer' } };
  }
}
