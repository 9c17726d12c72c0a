// Maps a JSON pointer of a bundled document (`#/components/schemas/App/properties/git_url`)
// back to `file:line:col` of the multi-file source, following the `$ref`s from
// the root the way the bundler did. The idea is the generator's
// load/source-locator.ts; this one answers the line of the *key* (`git_url:`)
// rather than of its value, and, for a pointer that no longer exists (a removal),
// the deepest ancestor that does, inside the file a `$ref` leads to.
import fs from 'node:fs';
import path from 'node:path';
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { SourcePlace } from '../types.js';

interface ParsedFile {
  doc: Document;
  lines: LineCounter;
}

export class SourceMap {
  private readonly files = new Map<string, ParsedFile>();

  /**
   * @param rootFile absolute path of the document's root (or of a bundled file)
   * @param cwd places are given relative to it
   * @param prefix put before each file name (`HEAD~1:` for a git ref)
   */
  constructor(
    private readonly rootFile: string,
    private readonly cwd: string,
    private readonly prefix = '',
  ) {}

  locate(pointer: string): SourcePlace {
    let file = this.rootFile;
    let node = this.parse(file).doc.contents as Node | null;
    let best = { file, offset: node?.range?.[0] ?? 0 };
    for (const segment of segmentsOf(pointer)) {
      const followed = this.follow(node, file);
      if (followed.file !== file && followed.node)
        best = { file: followed.file, offset: followed.node.range?.[0] ?? 0 };
      ({ node, file } = followed);
      const child = childOf(node, segment);
      if (!child) break;
      node = child.value;
      best = { file, offset: child.offset };
    }
    const { line, col } = this.parse(best.file).lines.linePos(best.offset);
    return { file: `${this.prefix}${path.relative(this.cwd, best.file)}`, line, col };
  }

  /** Follows `$ref: other.yaml#/x` (and local `#/x`) nodes to their target. */
  private follow(start: Node | null, startFile: string): { node: Node | null; file: string } {
    let node = start;
    let file = startFile;
    for (let depth = 0; depth < 10 && isMap(node); depth++) {
      const ref = node.get('$ref');
      if (typeof ref !== 'string') break;
      const [target, fragment = ''] = ref.split('#');
      file = target ? path.resolve(path.dirname(file), target) : file;
      let next = this.parse(file).doc.contents as Node | null;
      for (const segment of fragment.split('/').filter(Boolean).map(unescapeSegment))
        next = childOf(next, segment)?.value ?? null;
      node = next;
    }
    return { node, file };
  }

  private parse(file: string): ParsedFile {
    let parsed = this.files.get(file);
    if (!parsed) {
      const lines = new LineCounter();
      const doc = parseDocument(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', { lineCounter: lines });
      parsed = { doc, lines };
      this.files.set(file, parsed);
    }
    return parsed;
  }
}

function segmentsOf(pointer: string): string[] {
  return pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapeSegment);
}

/** The child and where it starts: the key of a map entry, the item of a sequence. */
function childOf(node: Node | null, segment: string): { value: Node | null; offset: number } | null {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment,
    );
    if (!pair) return null;
    const key = pair.key as Node | null;
    return { value: (pair.value as Node | null) ?? null, offset: key?.range?.[0] ?? 0 };
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)] as Node | undefined;
    return item ? { value: item, offset: item.range?.[0] ?? 0 } : null;
  }
  return null;
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
