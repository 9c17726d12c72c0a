// The API's 422 envelope from Ajv's errors, written as the API writes it:
// `{"errors": {"name": ["may only contain lowercase letters, digits and hyphens"]}}`,
// keyed by the field's name without the body's root key, one plain sentence
// per problem. A schema names its own message for a pattern with
// `x-pattern-message`; the others follow from the keyword.
import { unescapeSegment } from '@scalingo-openapi/spec-reader/pointer';
import type { ErrorObject } from 'ajv/dist/2020.js';

type Where = 'body' | 'query' | 'headers';

/** Field → messages, for a part of the request. `rootKey` names the body's root (`app`) for errors about the whole body. */
export function fieldErrors(errors: ErrorObject[], where: Where, rootKey?: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  // Ajv reports each branch of a oneOf/anyOf under the summary error: keep the summary.
  const branches = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  for (const error of errors) {
    if (error.keyword === 'if' || branches.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    // Ajv's instancePath is a JSON pointer: `/app/~1weird`.
    const segments = error.instancePath.split('/').slice(1).map(unescapeSegment);
    const atRoot = segments.length === 0;
    if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
    if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
    if (error.keyword === 'unevaluatedProperties') segments.push(String(error.params.unevaluatedProperty));
    const key = fieldName(segments, where) ?? rootKey ?? 'base';
    const message = messageFor(error, atRoot && where === 'body');
    const list = (result[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return result;
}

/** `app/name` → `name`, `variables/0/name` → `name`, `per_page` → `per_page`. */
function fieldName(segments: string[], where: Where): string | undefined {
  const named = segments.filter((s) => !/^\d+$/.test(s));
  // The body's root key names the resource, not a field of it.
  const fields = where === 'body' && named.length > 1 ? named.slice(1) : named;
  return fields.length > 0 ? fields.join('.') : undefined;
}

const FORMATS: Record<string, string> = {
  'date-time': 'a date and time (ISO 8601, e.g. 2024-06-05T16:40:12.007+02:00)',
  date: 'a date (YYYY-MM-DD)',
  uuid: 'a UUID',
  email: 'an email address',
  uri: 'a URL',
  'uri-reference': 'a URL',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

function messageFor(error: ErrorObject, wholeBody: boolean): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return wholeBody ? 'missing field' : "can't be blank";
    case 'type':
      return `should be ${[]
        .concat(params.type as never)
        .map((t: string) => article(t))
        .join(' or ')}`;
    case 'pattern': {
      const custom = (error.parentSchema as Record<string, unknown> | undefined)?.['x-pattern-message'];
      return typeof custom === 'string' ? custom : 'is invalid';
    }
    case 'format':
      return `should be ${FORMATS[String(params.format)] ?? `a valid ${String(params.format)}`}`;
    case 'enum':
      return `should be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `should be ${String(params.allowedValue)}`;
    case 'minLength':
      return params.limit === 1 ? "can't be blank" : `is too short (minimum is ${params.limit} characters)`;
    case 'maxLength':
      return `is too long (maximum is ${params.limit} characters)`;
    case 'minimum':
      return `should be greater than or equal to ${params.limit}`;
    case 'exclusiveMinimum':
      return `should be greater than ${params.limit}`;
    case 'maximum':
      return `should be less than or equal to ${params.limit}`;
    case 'exclusiveMaximum':
      return `should be less than ${params.limit}`;
    case 'minItems':
      return params.limit === 1 ? "can't be empty" : `should have at least ${params.limit} items`;
    case 'maxItems':
      return `should have at most ${params.limit} items`;
    case 'minProperties':
      return "can't be empty";
    case 'uniqueItems':
      return 'should not contain duplicates';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not a known field';
    default:
      return 'is invalid';
  }
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
