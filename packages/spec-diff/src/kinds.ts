// Every kind of change, declared once: whether it breaks a client, the
// changelog section its bullet goes to, and what it means. The classifier
// rates a change from here and the changelog groups by it; a test checks that
// each kind has a fixture pair.

/** `breaking` and `compatible` are fixed; `as-rated`: the classifier decides per change (said why below). */
export type Rating = 'breaking' | 'compatible' | 'as-rated';

/** Changelog sections, in the order an entry lists them. `none`: not listed one by one. `Corrected`: a change marked `x-scalingo-corrects` (the spec brought to the real wire). */
export const SECTIONS = ['Added', 'Changed', 'Deprecated', 'Corrected', 'Breaking'] as const;
export type Section = (typeof SECTIONS)[number] | 'none';

export interface KindInfo {
  rating: Rating;
  /** Where a non-breaking change of this kind goes; a breaking one always goes to `Breaking`. */
  section: Section;
  description: string;
}

const grows = (description: string): KindInfo => ({ rating: 'compatible', section: 'Added', description });
const changes = (description: string): KindInfo => ({ rating: 'compatible', section: 'Changed', description });
const breaks = (description: string): KindInfo => ({ rating: 'breaking', section: 'Breaking', description });

export const KINDS = {
  // The API grows.
  'operation-added': grows('A new operation (or a new path with its operations).'),
  'parameter-added': grows('A new optional parameter.'),
  'field-added': grows('A new field in a schema (optional in a request, present or not in a response).'),
  'enum-value-added': grows('A new value of an enum, in a request or a response (ADR 0001: never breaks).'),
  'variant-added': grows('A new variant of a `oneOf`/`anyOf` union, such as a new kind of event (ADR 0001).'),
  'status-added': grows('A new response status of an operation.'),
  'request-body-added': grows('An operation accepts an optional request body it did not have.'),
  // What exists changes without breaking a client.
  'request-type-widened': changes('A request may send more values than before (a looser constraint, a type added).'),
  'response-type-narrowed': changes('A response holds a subset of what it could hold (a constraint added).'),
  'request-field-optional': changes('A request field that was required no longer is.'),
  'response-field-required': changes('A response field that may have been absent is now always present.'),
  'constraint-relaxed': changes(
    'A schema that responses hold accepts more values of the same JSON types (a looser pattern, a longer string, dates of any precision): a response may hold more, a request may send more.',
  ),
  'parameter-optional': changes('A required parameter became optional.'),
  'auth-requirement-relaxed': changes('An operation accepts more ways to authenticate, or none.'),
  deprecated: { rating: 'compatible', section: 'Deprecated', description: 'Something is marked deprecated.' },
  documentation: {
    rating: 'compatible',
    section: 'none',
    description: 'Descriptions, summaries, examples, tags: counted in one changelog line.',
  },
  'component-changed': {
    rating: 'as-rated',
    section: 'none',
    description:
      'A component no operation reaches (no client sees it); a security scheme, which requirements name without a `$ref`, breaks when Redocly rates it major.',
  },
  // Something that exists stops working as before.
  'operation-removed': breaks('An operation was removed.'),
  'operation-renamed': breaks('An operationId changed: the method name in generated clients.'),
  'path-removed': breaks('A path was removed with its operations.'),
  'path-renamed': breaks('A path changed (its operations kept their operationIds).'),
  'parameter-removed': breaks('A parameter was removed.'),
  'parameter-renamed': breaks('A parameter changed its name.'),
  'parameter-required': breaks('A parameter became required, or a new one is.'),
  'field-removed': breaks('A field was removed, from a request (a client sending it fails) or a response.'),
  'field-renamed': breaks('A field keeps its schema under another name.'),
  'enum-value-removed': breaks('A value of an enum was removed, in a request or a response (ADR 0001).'),
  'variant-removed': breaks('A variant of a `oneOf`/`anyOf` union was removed (ADR 0001).'),
  'request-type-narrowed': breaks('A request accepts fewer values than before (a constraint added or tightened).'),
  'response-type-widened': breaks('A response may hold a JSON type it could not before: a typed decoder fails on it.'),
  'type-changed': breaks(
    'A schema that both requests and responses use changed in a way that breaks one of them (narrowed, a new type, or both ways).',
  ),
  'request-field-required': breaks('A request field became required.'),
  'response-field-optional': breaks('A response field that was always present may now be absent.'),
  'response-field-nullable': breaks('A response field may now be `null`, however it is written (ADR 0001).'),
  'request-body-removed': breaks('A request body was removed: clients sending one may be refused.'),
  'request-body-required': breaks('A request body became required, or a new one is: clients calling without it fail.'),
  'status-removed': breaks('A response status of an operation was removed.'),
  'auth-requirement-added': breaks('An operation accepts fewer credentials than before.'),
  other: {
    rating: 'as-rated',
    section: 'Changed',
    description: "Anything else, named after Redocly's rule: breaking when Redocly rates it major.",
  },
} as const satisfies Record<string, KindInfo>;

export type ChangeKind = keyof typeof KINDS;

/** The rating of a kind when the classifier has no verdict of its own. */
export function breaksByKind(kind: ChangeKind): boolean {
  return KINDS[kind].rating === 'breaking';
}
