// Maps a JSON pointer of the bundled document (`#/paths/~1apps/get/operationId`)
// back to `file:line:col` of the multi-file source, following the `$ref`s from
// the root the way the bundler did. A pointer that does not exist (a removal)
// gets the deepest ancestor that does, inside the file a `$ref` leads to.
import fs from 'node:fs';
import path from 'node:path';
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { segmentsOf } from './pointer.js';

export interface SourcePlace {
  file: string;
  line: number;
  col: number;
}

export interface LocatorOptions {
  /** Places are given relative to it. */
  cwd: string;
  /** Put before each file name (`HEAD~1:` for a git ref). */
  prefix?: string;
  /** Where a map entry starts: at its value (`get:` → the operation), or at its key. */
  at?: 'value' | 'key';
}

interface ParsedFile {
  doc: Document;
  lines: LineCounter;
}

const MAX_REF_HOPS = 10;

export class SourceLocator {
  private readonly files = new Map<string, ParsedFile>();
  private readonly cwd: string;
  private readonly prefix: string;
  private readonly at: 'value' | 'key';

  /** @param rootFile absolute path of the document's root (or of a bundled file) */
  constructor(
    private readonly rootFile: string,
    options: LocatorOptions,
  ) {
    this.cwd = options.cwd;
    this.prefix = options.prefix ?? '';
    this.at = options.at ?? 'value';
  }

  /** Best place for `pointer`: the deepest node that exists in the source. */
  locate(pointer: string): SourcePlace {
    let file = this.rootFile;
    let node = this.parse(file).doc.contents as Node | null;
    let best = { file, offset: node?.range?.[0] ?? 0 };
    for (const segment of segmentsOf(pointer)) {
      const followed = this.follow(node, file);
      if (followed.file !== file && followed.node)
        best = { file: followed.file, offset: followed.node.range?.[0] ?? 0 };
      ({ node, file } = followed);
      const child = this.childOf(node, segment);
      if (!child) break;
      node = child.value;
      best = { file, offset: child.offset ?? best.offset };
    }
    const { line, col } = this.parse(best.file).lines.linePos(best.offset);
    return { file: `${this.prefix}${path.relative(this.cwd, best.file)}`, line, col };
  }

  /** Follows `$ref: other.yaml#/x` (and local `#/x`) nodes to their target. */
  private follow(start: Node | null, startFile: string): { node: Node | null; file: string } {
    let node = start;
    let file = startFile;
    for (let hop = 0; hop < MAX_REF_HOPS && isMap(node); hop++) {
      const ref = node.get('$ref');
      if (typeof ref !== 'string') break;
      const [target, fragment = ''] = ref.split('#');
      file = target ? path.resolve(path.dirname(file), target) : file;
      let next = this.parse(file).doc.contents as Node | null;
      for (const segment of segmentsOf(fragment)) next = this.childOf(next, segment)?.value ?? null;
      node = next;
    }
    return { node, file };
  }

  /** The child and where it starts: the key or value of a map entry, the item of a sequence. */
  private childOf(node: Node | null, segment: string): { value: Node | null; offset: number | undefined } | null {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment,
      );
      if (!pair) return null;
      const value = (pair.value as Node | null) ?? null;
      const start = this.at === 'key' ? (pair.key as Node | null) : value;
      return { value, offset: start?.range?.[0] };
    }
    if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      return item ? { value: item, offset: item.range?.[0] } : null;
    }
    return null;
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
