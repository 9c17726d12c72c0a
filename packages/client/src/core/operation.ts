// What the runtime needs to know of an operation; generated from the spec
// (`src/generated/operations.ts`) so the methods stay one-line calls.

export type ServiceName = 'regional' | 'auth' | 'database';

export type Envelope =
  | { kind: 'empty' }
  | { kind: 'root'; key: string }
  | { kind: 'whole' }
  | { kind: 'raw'; mediaType: string };

export interface OperationSpec {
  id: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  service: ServiceName;
  /** Security alternatives (`[['bearerAuth'], ['basicAuth']]`); `[]` when public. */
  security: readonly (readonly string[])[];
  /** Path parameter passed positionally. */
  positional?: string;
  /** The other path parameters, read from the params object. */
  pathParams?: readonly string[];
  query?: readonly string[];
  headers?: readonly string[];
  /** Body root keys spread in the params object, or `whole` (`params.body`). */
  body?: { mode: 'spread' | 'whole'; keys: readonly string[] };
  envelope: Envelope;
  /** Root key of the items of a paginated answer. */
  paginated?: string;
  /** 202 + `Location`: the answer describes an action still running. */
  async?: boolean;
}
