// What the runtime needs to know of an operation; generated from the spec
// (`src/generated/operations.ts`) so the methods stay one-line calls.

export type ServiceName = 'regional' | 'auth' | 'database';

export type Envelope =
  | { kind: 'empty' }
  | { kind: 'root'; key: string }
  | { kind: 'whole' }
  | { kind: 'raw'; mediaType: string };

/** What an operation entry leaves out when it has the usual value (keeps the generated table small). */
export const DEFAULT_SECURITY: readonly (readonly string[])[] = [['bearerAuth'], ['basicAuth']];

export interface OperationSpec {
  id: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Server of the operation; `regional` when absent. */
  service?: ServiceName;
  /** Security alternatives; `DEFAULT_SECURITY` when absent, `[]` when public. */
  security?: readonly (readonly string[])[];
  /** Path parameter passed positionally. */
  positional?: string;
  /** The other path parameters, read from the params object. */
  pathParams?: readonly string[];
  query?: readonly string[];
  headers?: readonly string[];
  /** Body root keys spread in the params object, or `whole` (`params.body`). */
  body?: { mode: 'spread' | 'whole'; keys: readonly string[] };
  /** `root:<key>`, `whole`, `empty` or `raw:<media type>`. */
  envelope: string;
  /** Root key of the items of a paginated answer. */
  paginated?: string;
  /** 202 + `Location`: the answer describes an action still running. */
  async?: boolean;
}

const envelopes = new Map<string, Envelope>();

/** The envelope an entry's compact `envelope` string stands for. */
export function envelopeOf(spec: OperationSpec): Envelope {
  const known = envelopes.get(spec.envelope);
  if (known) return known;
  const [kind, rest = ''] = spec.envelope.split(/:(.*)/s);
  const envelope: Envelope =
    kind === 'root'
      ? { kind: 'root', key: rest }
      : kind === 'raw'
        ? { kind: 'raw', mediaType: rest }
        : { kind: kind as 'whole' | 'empty' };
  envelopes.set(spec.envelope, envelope);
  return envelope;
}
