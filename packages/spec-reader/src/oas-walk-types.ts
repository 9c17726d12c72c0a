// The node types of an OpenAPI 3.1 document that can hold a `$ref`, with their
// children in the order Redocly's walker visits them (its type tree lists
// declared properties first, then the other keys in document order). The
// order decides where the bundle appends the components it pulls in from
// other files, so it must be Redocly's; resolve-bundle.test.ts holds it to
// that. Children that never hold a `$ref` are left out.
import { HTTP_METHODS } from './methods.js';

export type WalkTypeName =
  | 'Root'
  | 'Paths'
  | 'PathItem'
  | 'Operation'
  | 'ParameterList'
  | 'Parameter'
  | 'RequestBody'
  | 'MediaTypesMap'
  | 'MediaType'
  | 'ExamplesMap'
  | 'Example'
  | 'EncodingMap'
  | 'Encoding'
  | 'Responses'
  | 'Response'
  | 'HeadersMap'
  | 'Header'
  | 'LinksMap'
  | 'Link'
  | 'CallbacksMap'
  | 'Callback'
  | 'Components'
  | 'ParametersMap'
  | 'ResponsesMap'
  | 'RequestBodiesMap'
  | 'SecuritySchemesMap'
  | 'SecurityScheme'
  | 'Schema'
  | 'SchemaMap'
  | 'SchemaList'
  | 'Discriminator';

export interface WalkType {
  /** Declared children, in walk order. */
  props?: ReadonlyArray<readonly [string, WalkTypeName]>;
  /** The type of every other key (a map), visited after `props`. */
  additional?: WalkTypeName;
  /** `x-` keys are extensions, not entries of the map (paths, responses, callbacks). */
  extensions?: boolean;
  /** The type of the items (a list). */
  items?: WalkTypeName;
}

const map = (additional: WalkTypeName): WalkType => ({ additional });

export const WALK_TYPES: Record<WalkTypeName, WalkType> = {
  Root: {
    props: [
      ['paths', 'Paths'],
      ['webhooks', 'Paths'],
      ['components', 'Components'],
    ],
  },
  Paths: { additional: 'PathItem', extensions: true },
  PathItem: {
    props: [
      ['parameters', 'ParameterList'],
      // Redocly lists the methods in the specification's order, HTTP_METHODS' order.
      ...HTTP_METHODS.map((method) => [method, 'Operation'] as const),
    ],
  },
  Operation: {
    props: [
      ['parameters', 'ParameterList'],
      ['requestBody', 'RequestBody'],
      ['responses', 'Responses'],
      ['callbacks', 'CallbacksMap'],
    ],
  },
  ParameterList: { items: 'Parameter' },
  Parameter: {
    props: [
      ['schema', 'Schema'],
      ['examples', 'ExamplesMap'],
      ['content', 'MediaTypesMap'],
    ],
  },
  RequestBody: { props: [['content', 'MediaTypesMap']] },
  MediaTypesMap: map('MediaType'),
  MediaType: {
    props: [
      ['schema', 'Schema'],
      ['examples', 'ExamplesMap'],
      ['encoding', 'EncodingMap'],
    ],
  },
  ExamplesMap: map('Example'),
  Example: {},
  EncodingMap: map('Encoding'),
  Encoding: { props: [['headers', 'HeadersMap']] },
  Responses: { props: [['default', 'Response']], additional: 'Response', extensions: true },
  Response: {
    props: [
      ['headers', 'HeadersMap'],
      ['content', 'MediaTypesMap'],
      ['links', 'LinksMap'],
    ],
  },
  HeadersMap: map('Header'),
  Header: {
    props: [
      ['schema', 'Schema'],
      ['examples', 'ExamplesMap'],
      ['content', 'MediaTypesMap'],
    ],
  },
  LinksMap: map('Link'),
  Link: {},
  CallbacksMap: map('Callback'),
  Callback: { additional: 'PathItem', extensions: true },
  Components: {
    props: [
      ['parameters', 'ParametersMap'],
      ['schemas', 'SchemaMap'],
      ['responses', 'ResponsesMap'],
      ['examples', 'ExamplesMap'],
      ['requestBodies', 'RequestBodiesMap'],
      ['headers', 'HeadersMap'],
      ['securitySchemes', 'SecuritySchemesMap'],
      ['links', 'LinksMap'],
      ['callbacks', 'CallbacksMap'],
      ['pathItems', 'Paths'],
    ],
  },
  ParametersMap: map('Parameter'),
  ResponsesMap: map('Response'),
  RequestBodiesMap: map('RequestBody'),
  SecuritySchemesMap: map('SecurityScheme'),
  SecurityScheme: {},
  Schema: {
    props: [
      ['definitions', 'SchemaMap'],
      ['$defs', 'SchemaMap'],
      ['discriminator', 'Discriminator'],
      ['allOf', 'SchemaList'],
      ['anyOf', 'SchemaList'],
      ['oneOf', 'SchemaList'],
      ['not', 'Schema'],
      ['if', 'Schema'],
      ['then', 'Schema'],
      ['else', 'Schema'],
      ['dependentSchemas', 'SchemaMap'],
      ['prefixItems', 'SchemaList'],
      ['contains', 'Schema'],
      ['patternProperties', 'SchemaMap'],
      ['propertyNames', 'Schema'],
      ['unevaluatedItems', 'Schema'],
      ['unevaluatedProperties', 'Schema'],
      ['properties', 'SchemaMap'],
      ['items', 'Schema'],
      ['additionalProperties', 'Schema'],
      ['contentSchema', 'Schema'],
    ],
  },
  SchemaMap: map('Schema'),
  SchemaList: { items: 'Schema' },
  Discriminator: {},
};

/** The components section a `$ref` of this type is moved to (Redocly's mapping); other types are inlined. */
export const COMPONENT_OF: Partial<Record<WalkTypeName, string>> = {
  Schema: 'schemas',
  Parameter: 'parameters',
  Response: 'responses',
  Example: 'examples',
  RequestBody: 'requestBodies',
  Header: 'headers',
  Link: 'links',
  Callback: 'callbacks',
  MediaTypesMap: 'mediaTypes',
};
