// Write: the only module that touches the disk. A generated directory is
// replaced as a whole — built next to the old one, then swapped in by rename —
// so a failed run leaves the old tree intact and stale files disappear.
// --watch passes what it wrote last (a Snapshot): the next edit then writes
// only the files that changed, each atomically, and removes the stale ones,
// without reading or relinking the hundreds of others.
import fs from 'node:fs/promises';
import path from 'node:path';
import { replaceDirectory, writeAtomic } from '@scalingo-openapi/spec-reader';
import type { GeneratedOutput, GeneratedTree } from '../generate.js';

export interface Difference {
  file: string;
  kind: 'missing' | 'changed' | 'extra';
}

/** What this process last wrote to each generated directory. */
export type Snapshot = Map<string, Map<string, string>>;

export async function writeOutput(cwd: string, output: GeneratedOutput, snapshot?: Snapshot): Promise<string[]> {
  const written: string[] = [];
  for (const tree of output.trees) {
    const last = snapshot?.get(tree.dir);
    if (last) {
      written.push(...(await updateTree(cwd, tree, last)));
    } else if (await treeDiffers(cwd, tree)) {
      await replaceTree(path.join(cwd, tree.dir), tree.files);
      written.push(tree.dir);
    }
    snapshot?.set(tree.dir, new Map(tree.files));
  }
  for (const [file, content] of output.files) {
    const target = path.join(cwd, file);
    if ((await readOrUndefined(target)) !== content) {
      await writeAtomic(target, content);
      written.push(file);
    }
  }
  return written;
}

/** What differs between the disk and the output (for `--check`). */
export async function diffOutput(cwd: string, output: GeneratedOutput): Promise<Difference[]> {
  const differences: Difference[] = [];
  for (const tree of output.trees) {
    const onDisk = await listFiles(path.join(cwd, tree.dir));
    for (const [file, content] of tree.files) {
      const current = await readOrUndefined(path.join(cwd, tree.dir, file));
      if (current === undefined) differences.push({ file: path.join(tree.dir, file), kind: 'missing' });
      else if (current !== content) differences.push({ file: path.join(tree.dir, file), kind: 'changed' });
    }
    for (const file of onDisk)
      if (!tree.files.has(file)) differences.push({ file: path.join(tree.dir, file), kind: 'extra' });
  }
  for (const [file, content] of output.files) {
    const current = await readOrUndefined(path.join(cwd, file));
    if (current !== content) differences.push({ file, kind: current === undefined ? 'missing' : 'changed' });
  }
  return differences;
}

async function treeDiffers(cwd: string, tree: GeneratedTree): Promise<boolean> {
  return (await diffOutput(cwd, { trees: [tree], files: new Map(), inputs: [], models: [] })).length > 0;
}

/** Writes the files of `tree` that differ from `last`, removes those it no longer has. */
async function updateTree(cwd: string, tree: GeneratedTree, last: Map<string, string>): Promise<string[]> {
  const written: string[] = [];
  for (const [file, content] of tree.files) {
    if (last.get(file) === content) continue;
    await writeAtomic(path.join(cwd, tree.dir, file), content);
    written.push(path.join(tree.dir, file));
  }
  for (const file of last.keys()) {
    if (tree.files.has(file)) continue;
    await fs.rm(path.join(cwd, tree.dir, file), { force: true });
    written.push(path.join(tree.dir, file));
  }
  return written;
}

async function replaceTree(dir: string, files: Map<string, string>): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  const staging = path.join(parent, `.${base}.new-${process.pid}`);
  const retired = path.join(parent, `.${base}.old-${process.pid}`);
  await fs.rm(staging, { recursive: true, force: true });
  try {
    for (const [file, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const target = path.join(staging, file);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // An unchanged file is hard-linked into the new tree instead of written again.
      const current = path.join(dir, file);
      if (
        (await readOrUndefined(current)) === content &&
        (await fs.link(current, target).then(
          () => true,
          () => false,
        ))
      )
        continue;
      await fs.writeFile(target, content);
    }
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  await replaceDirectory(staging, dir, retired);
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else files.push(relative);
  }
  return files;
}

async function readOrUndefined(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}
