// --watch: when a new document differs from the last one only inside path
// items that keep their operationIds, openapi-typescript's output is the last
// one with those path items' entries of `paths` and `operations` rendered
// again (a tenth of the work for a one-operation edit). Anything else — a
// component, a new path, a renamed operation — renders the whole document.
// The result is the full render's text, byte for byte (watch.test.ts).
import { HTTP_METHODS } from '@scalingo-openapi/spec-reader';
import type { OpenApiDocument } from '../load/load-spec.js';
import { type Discriminators, renderTypes, scanDiscriminators } from './schema-types.js';

interface Rendered {
  document: OpenApiDocument;
  /** JSON of each path item, and of the document without them. */
  paths: Map<string, string>;
  rest: string;
  text: string;
  /** The scan `text` was rendered with. */
  discriminators: Discriminators;
}

/**
 * What makes openapi-typescript's discriminator scan find something inside a
 * path item (a discriminator, or an `allOf` over a discriminated schema);
 * without them in a path item, the scan's result does not depend on it.
 */
const SCANNED = /"(?:discriminator|allOf)":/;

export class IncrementalTypes {
  private last: Rendered | undefined;
  /** How the last render was made (for tests and timings). */
  mode: 'partial' | 'whole' = 'whole';

  /**
   * The types of `document`, which this takes over: openapi-typescript may
   * rewrite its schemas (discriminators), never its operationIds, which are
   * all this reads of it again.
   */
  render(document: OpenApiDocument): string {
    const paths = new Map(Object.entries(document.paths ?? {}).map(([p, item]) => [p, JSON.stringify(item)]));
    const rest = JSON.stringify({ ...document, paths: undefined });
    const previous = this.last;
    const changed = [...paths].filter(([p, json]) => previous?.paths.get(p) !== json).map(([p]) => p);
    const partial = previous && this.partial(previous, document, paths, rest, changed);
    this.mode = partial === undefined ? 'whole' : 'partial';
    if (partial) {
      this.last = { document, paths, rest, ...partial };
      return partial.text;
    }
    const discriminators = scanDiscriminators(document);
    const text = renderTypes(document, undefined, discriminators);
    this.last = { document, paths, rest, text, discriminators };
    return text;
  }

  private partial(
    previous: Rendered,
    document: OpenApiDocument,
    paths: Map<string, string>,
    rest: string,
    changed: string[],
  ): Pick<Rendered, 'text' | 'discriminators'> | undefined {
    if (rest !== previous.rest || [...paths.keys()].join('\n') !== [...previous.paths.keys()].join('\n')) return;
    if (changed.some((p) => operationIds(document, p) !== operationIds(previous.document, p))) return;
    if (changed.length === 0) return previous;
    // The rest of the document is the same: so is the scan, unless a changed
    // path item holds what it looks for (then it walks this document again).
    const rescan = changed.some((p) => SCANNED.test(paths.get(p)!) || SCANNED.test(previous.paths.get(p)!));
    const discriminators = rescan ? scanDiscriminators(document) : previous.discriminators;
    const update = renderTypes(document, changed, discriminators);
    let text: string | undefined = previous.text;
    for (const name of ['paths', 'operations']) {
      const entries = entriesOf(update, name);
      text = entries && replaceEntries(text, name, entries);
      if (text === undefined) return;
    }
    return { text, discriminators };
  }
}

function operationIds(document: OpenApiDocument, path: string): string {
  const item = (document.paths?.[path] ?? {}) as Record<string, { operationId?: string } | undefined>;
  return JSON.stringify(HTTP_METHODS.map((m) => item[m]?.operationId ?? null));
}

const ENTRY = /^ {4}(?:"(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*): \{$/;

/** The entries of `export interface <name> {`, each with the comment above it, by their key line; undefined if the text is not laid out as expected. */
function entriesOf(text: string, name: string): Map<string, string> | undefined {
  const body = bodyOf(text, name);
  if (!body) return;
  const entries = new Map<string, string>();
  let lines: string[] = [];
  let key: string | undefined;
  for (const line of body.lines) {
    lines.push(line);
    if (key === undefined && ENTRY.test(line)) key = line;
    else if (line === '    };') {
      if (key === undefined) return;
      entries.set(key, lines.join('\n'));
      lines = [];
      key = undefined;
    }
  }
  return lines.length === 0 ? entries : undefined;
}

function replaceEntries(text: string, name: string, updates: Map<string, string>): string | undefined {
  const body = bodyOf(text, name);
  const entries = entriesOf(text, name);
  if (!body || !entries || ![...updates.keys()].every((k) => entries.has(k))) return;
  for (const [key, entry] of updates) entries.set(key, entry);
  return [...body.before, ...entries.values(), ...body.after].join('\n');
}

function bodyOf(text: string, name: string) {
  const lines = text.split('\n');
  const start = lines.indexOf(`export interface ${name} {`);
  const end = start < 0 ? -1 : lines.indexOf('}', start);
  if (end < 0) return;
  return { before: lines.slice(0, start + 1), lines: lines.slice(start + 1, end), after: lines.slice(end) };
}
