// What the runtime needs to know of an operation. The generator writes one
// such value per operation (`src/generated/specs/`), beside the function that
// calls it, so a bundle carries only the operations it uses.

export type ServiceName = 'regional' | 'auth' | 'database' | 'billing';

/** How the JSON of a successful answer maps to what a call resolves to. */
export type Envelope =
  /** No body: resolves to `undefined`. */
  | { readonly kind: 'empty' }
  /** One root key: resolves to its value. */
  | { readonly kind: 'root'; readonly key: string }
  /** Resolves to the whole body. */
  | { readonly kind: 'whole' }
  /** Not JSON: resolves to a string (`text/*`) or a Blob. */
  | { readonly kind: 'raw'; readonly mediaType: string };

/** The usual security requirement, left out of the generated specs (keeps them small). */
export const DEFAULT_SECURITY: readonly (readonly string[])[] = [['bearerAuth'], ['basicAuth']];

export interface OperationSpec {
  readonly id: string;
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** Server of the operation; `regional` when absent. */
  readonly service?: ServiceName;
  /** Security alternatives; `DEFAULT_SECURITY` when absent, `[]` when public. */
  readonly security?: readonly (readonly string[])[];
  /** Path parameter passed positionally. */
  readonly positional?: string;
  /** The other path parameters, read from the params object. */
  readonly pathParams?: readonly string[];
  readonly query?: readonly string[];
  readonly headers?: readonly string[];
  /** Body root keys spread in the params object, or `whole` (`params.body`). */
  readonly body?: { readonly mode: 'spread' | 'whole'; readonly keys: readonly string[] };
  readonly envelope: Envelope;
  /** Root key of the items of a paginated answer. */
  readonly paginated?: string;
  /** 202 + `Location`: the answer describes an action still running. */
  readonly async?: boolean;
}
