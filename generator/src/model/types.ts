// The model: the API as Scalingo speaks of it — services, a resource tree and
// operations that know their envelope, pagination and errors. Emitters read
// only this; they never see `$ref`s or `components`.
import type { ReferenceObject, SchemaObject } from 'openapi-typescript';

/** Where an operation is served. */
export type ServiceName = 'regional' | 'auth' | 'database' | 'billing' | 'provider';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Service {
  name: ServiceName;
  /** Server URL templates, first one is the default (`https://api.{region}.scalingo.com/v1`). */
  urls: string[];
  /** Values allowed for the `{region}` variable, when the URL has one. */
  regions: string[];
}

export interface Param {
  /** Wire name (`per_page`, `X-Dry-Run`). */
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  deprecated: boolean;
  /** JSON type of the value when it is a primitive (`string`, `integer`…). */
  type?: string;
}

/** How the JSON of a successful answer maps to what a method resolves to. */
export type Envelope =
  /** No body (204, HEAD, a redirect). */
  | { kind: 'empty' }
  /** One root key: the method resolves to its value (`{"app": {...}}` → App). */
  | { kind: 'root'; key: string; schema?: SchemaRef }
  /** Several keys, no single resource: the method resolves to the whole body. */
  | { kind: 'whole' }
  /** A body that is not JSON (plain text, a file): resolved as text or bytes. */
  | { kind: 'raw'; mediaType: string };

/** A component schema, or an array of one. */
export interface SchemaRef {
  name: string;
  isArray: boolean;
}

export interface Pagination {
  /** Root key of the items (`events`). */
  itemsKey: string;
  item?: SchemaRef;
  /** Highest `per_page` the resource accepts, when declared. */
  maxPerPage?: number;
}

/** The request body: spread into the params object by root key, or passed whole. */
export interface RequestBody {
  required: boolean;
  /** Root keys of the JSON body (`['app']`, `['variables']`). */
  rootKeys: string[];
  /** `spread`: each root key is a property of the params object; `whole`: `params.body`. */
  mode: 'spread' | 'whole';
  requiredKeys: string[];
}

export interface ErrorResponse {
  /** `404`, `5XX`. */
  status: string;
  schema?: string;
  mediaTypes: string[];
}

export interface Operation {
  /** Dotted operationId: `apps.variables.bulkUpdate`. */
  id: string;
  /** Resource path in the tree: `['apps', 'variables']`. */
  resource: string[];
  /** Method name on the resource: `bulkUpdate`. */
  name: string;
  method: HttpMethod;
  /** Path template relative to the service's server (`/apps/{app}/variables`). */
  path: string;
  service: ServiceName;
  tag?: string;
  summary: string;
  description?: string;
  deprecated: boolean;
  /** Alternatives of security scheme names; `[]` when public. */
  security: string[][];
  params: Param[];
  body?: RequestBody;
  /** The success answer the methods resolve with (the lowest 2xx). */
  success: { status: number; envelope: Envelope; headers: string[] };
  pagination?: Pagination;
  /** 202 + `Location`: the action continues in the background. */
  async: boolean;
  errors: ErrorResponse[];
  /** JSON Schemas for validation (server stubs). */
  schemas: OperationSchemas;
  /** Example values from the spec (code samples, example answers). */
  examples: OperationExamples;
  /** Set on HEAD operations added for a GET (`x-scalingo-head-of`). */
  headOf?: string;
  signature: OperationSignature;
}

export interface OperationExamples {
  /** By `<in>:<name>` (`path:app`, `query:page`). */
  params: Record<string, unknown>;
  body?: unknown;
  /** By status: the first example of the first media type, and header examples. */
  responses: Record<string, { mediaType?: string; body?: unknown; headers: Record<string, string> }>;
}

export interface OperationSchemas {
  params?: JsonSchema;
  query?: JsonSchema;
  /** Header names lowercased. */
  headers?: JsonSchema;
  body?: JsonSchema;
  bodyRequired?: boolean;
  /** By status (`200`, `404`, `5XX`): media types, the JSON schema if any, header names. */
  responses: Record<
    string,
    { mediaTypes: string[]; schema?: JsonSchema; headers: Array<{ name: string; required: boolean }> }
  >;
}

/**
 * A JSON Schema as the spec writes it (openapi-typescript's types), the object schema the model
 * builds from an operation's parameters, or `{}`, the schema that accepts anything. Emitters
 * print these; they never walk them.
 */
export type JsonSchema = SchemaObject | ReferenceObject | ParamsSchema | Record<string, never>;

/** The parameters of one location (path, query, header) as one object schema. */
export interface ParamsSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required?: string[];
  /** On header schemas: lowercased name → the name the spec declares. */
  'x-names'?: Record<string, string>;
}

/** One calling convention for every emitter (client, stubs, api.md, samples). */
export interface OperationSignature {
  /** Path parameter passed positionally (the innermost one), if any. */
  positional?: string;
  /** Keys of the params object, in order: other path params, query, headers, body keys. */
  paramKeys: Array<{ key: string; from: 'path' | 'query' | 'header' | 'body'; required: boolean }>;
  /** Whether the params object may be omitted. */
  paramsOptional: boolean;
  /** Whether the operation takes a params object at all. */
  hasParams: boolean;
}

export interface ResourceNode {
  /** Segment name: `variables`. */
  name: string;
  /** From the root: `['apps', 'variables']`. */
  path: string[];
  operations: Operation[];
  children: ResourceNode[];
}

export interface ApiModel {
  /** Redocly API alias of the document (`scalingo`, `addon-provider`). */
  document: string;
  title: string;
  version: string;
  services: Service[];
  operations: Operation[];
  /** Top-level resources (`apps`, `tokens`, `db`…), sorted. */
  resources: ResourceNode[];
  securitySchemes: Record<string, { type: string; scheme?: string; description?: string }>;
  /** Names of every component schema, sorted. */
  schemas: string[];
  /** The component schemas themselves, for validators (`$ref`s are `#/components/schemas/...`). */
  componentSchemas: Record<string, JsonSchema>;
}
