// Maps a JSON pointer of the bundled document (`#/paths/~1apps/get/operationId`)
// back to a file, line and column of the multi-file source, following the
// `$ref`s of the root the way the bundler did.
import fs from 'node:fs';
import path from 'node:path';
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

interface ParsedFile {
  doc: Document;
  lines: LineCounter;
}

export class SourceLocator {
  private readonly files = new Map<string, ParsedFile>();

  constructor(
    private readonly rootFile: string,
    private readonly cwd: string,
  ) {}

  /** Best place for `pointer`: the deepest node that exists in the source. */
  locate(pointer: string): { file: string; line: number; col: number } {
    const segments = pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapeSegment);
    let file = this.rootFile;
    let node = this.parse(file).doc.contents as Node | null;
    let best = { file, offset: node?.range?.[0] ?? 0 };
    for (const segment of segments) {
      node = this.follow(node, file, (next, nextFile) => {
        file = nextFile;
        return next;
      });
      const child = childOf(node, segment);
      if (!child) break;
      node = child;
      best = { file, offset: node.range?.[0] ?? best.offset };
    }
    const { line, col } = this.parse(best.file).lines.linePos(best.offset);
    return { file: path.relative(this.cwd, best.file), line, col };
  }

  /** Follows `$ref: other.yaml#/x` nodes to their target. */
  private follow(
    node: Node | null,
    file: string,
    moved: (next: Node | null, nextFile: string) => Node | null,
  ): Node | null {
    for (let depth = 0; depth < 10 && isMap(node); depth++) {
      const ref = node.get('$ref');
      if (typeof ref !== 'string') return node;
      const [target, fragment = ''] = ref.split('#');
      const nextFile = target ? path.resolve(path.dirname(file), target) : file;
      let next = this.parse(nextFile).doc.contents as Node | null;
      for (const segment of fragment.split('/').filter(Boolean).map(unescapeSegment)) next = childOf(next, segment);
      node = moved(next, nextFile);
      file = nextFile;
    }
    return node;
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

function childOf(node: Node | null, segment: string): Node | null {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment,
    );
    return (pair?.value as Node | undefined) ?? null;
  }
  if (isSeq(node)) return (node.items[Number(segment)] as Node | undefined) ?? null;
  return null;
}

function unescapeSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}
