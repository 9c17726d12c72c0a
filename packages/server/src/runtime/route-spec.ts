// The shape of the generated route tables.

export type ServiceName = 'regional' | 'auth' | 'database' | 'billing' | 'provider';

/** A JSON Schema object as the generator emits it: Ajv compiles it; the runtime reads only these keywords. */
export interface JsonSchema {
  properties?: Record<string, unknown>;
  required?: string[];
  /** On header schemas: lowercased name → the name the spec declares (`x-dry-run` → `X-Dry-Run`). */
  'x-names'?: Record<string, string>;
  [keyword: string]: unknown;
}

export interface RouteSpec {
  id: string;
  /** Resource path in the handler tree (`['apps', 'variables']`). */
  resource: string[];
  /** Handler name (`list`). */
  name: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path template (`/apps/{app}`). */
  path: string;
  service: ServiceName;
  /** Security alternatives; `[]` for public operations. */
  security: string[][];
  /** Lowest documented success status. */
  success: number;
  async: boolean;
  paginated?: string;
  schemas: {
    params?: JsonSchema;
    query?: JsonSchema;
    headers?: JsonSchema;
    body?: JsonSchema;
    bodyRequired?: boolean;
    responses: Record<
      string,
      { mediaTypes: string[]; schema?: JsonSchema; headers: Array<{ name: string; required: boolean }> }
    >;
  };
}

/** Example answers by operationId, then status. */
export type ExampleAnswers = Record<
  string,
  Record<string, { mediaType?: string; body?: unknown; headers: Record<string, string> }>
>;

/** A generated document: its routes, the component schemas they reference, and example answers. */
export interface ApiDocument {
  routes: RouteSpec[];
  componentSchemas: Record<string, unknown>;
  examples: ExampleAnswers;
}
