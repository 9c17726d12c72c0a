// JSON pointers (RFC 6901) as the spec's tools write them: `#/paths/~1apps/get`.
// Escaping is done here only: `~` is `~0` and `/` is `~1`, in that order.
// Imports nothing: the published packages (server, mock) reach this file as
// `@scalingo-openapi/spec-reader/pointer` and their build copies it into their
// dist (scripts/inline-private.mjs), so they never depend on spec-reader.

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The unescaped segments of `#/a/b`, `/a/b` or `a/b`. A `$ref` is a URI
 * fragment, so percent-escapes (`%7B` for `{`) are decoded too. A document
 * names the same few thousand pointers again and again (every `$ref` of a
 * bundle is read this way), so each is split once.
 */
export function segmentsOf(pointer: string): readonly string[] {
  let segments = splitPointers.get(pointer);
  if (!segments) {
    segments = Object.freeze(
      pointer
        .replace(/^#\/?/, '')
        .split('/')
        .filter(Boolean)
        .map((s) => unescapeSegment(s.includes('%') ? safeDecode(s) : s)),
    );
    if (splitPointers.size >= MAX_POINTERS) splitPointers.clear();
    splitPointers.set(pointer, segments);
  }
  return segments;
}

const MAX_POINTERS = 50_000;
const splitPointers = new Map<string, readonly string[]>();

/** `#/a/b~1c` from `['a', 'b/c']`. */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((pointer, s) => `${pointer}/${escapeSegment(String(s))}`, '#');
}

/** The pointer of an operation: `#/paths/~1apps~1{app}/get`. */
export function operationPointer(path: string, method: string): string {
  return pointerOf(['paths', path, method.toLowerCase()]);
}

/** The node `pointer` names in `document`, or undefined. */
export function pointerGet(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of segmentsOf(pointer)) {
    if (node == null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
