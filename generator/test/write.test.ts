// write/: a generated directory is replaced as a whole — stale files vanish,
// and a run that fails midway leaves the old tree intact.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GeneratedOutput } from '../src/generate.js';
import { diffOutput, writeOutput } from '../src/write/write-tree.js';

async function workspace() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'write-'));
  await fs.mkdir(path.join(dir, 'gen/nested'), { recursive: true });
  await fs.writeFile(path.join(dir, 'gen/a.ts'), 'old a\n');
  await fs.writeFile(path.join(dir, 'gen/stale.ts'), 'stale\n');
  await fs.writeFile(path.join(dir, 'gen/nested/b.ts'), 'old b\n');
  return dir;
}

const output = (files: Record<string, string>, singles: Record<string, string> = {}): GeneratedOutput => ({
  trees: [{ dir: 'gen', files: new Map(Object.entries(files)) }],
  files: new Map(Object.entries(singles)),
  inputs: [],
  models: [],
});

describe('write', () => {
  test('replaces the tree: new content in, stale files out', async () => {
    const dir = await workspace();
    const written = await writeOutput(
      dir,
      output({ 'a.ts': 'new a\n', 'nested/c.ts': 'c\n' }, { 'api.md': '# api\n' }),
    );
    expect(written).toEqual(['gen', 'api.md']);
    expect(await fs.readFile(path.join(dir, 'gen/a.ts'), 'utf8')).toBe('new a\n');
    await expect(fs.access(path.join(dir, 'gen/stale.ts'))).rejects.toThrow();
    await expect(fs.access(path.join(dir, 'gen/nested/b.ts'))).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(['api.md', 'gen']);
  });

  test('an unchanged tree is not rewritten', async () => {
    const dir = await workspace();
    const same = output({ 'a.ts': 'old a\n', 'stale.ts': 'stale\n', 'nested/b.ts': 'old b\n' });
    const before = (await fs.stat(path.join(dir, 'gen/a.ts'))).mtimeMs;
    expect(await writeOutput(dir, same)).toEqual([]);
    expect((await fs.stat(path.join(dir, 'gen/a.ts'))).mtimeMs).toBe(before);
  });

  test('a run that fails while writing leaves the old tree intact', async () => {
    const dir = await workspace();
    // `a.ts/x.ts` cannot be written next to a file named `a.ts`: the staging write fails.
    await expect(writeOutput(dir, output({ 'a.ts': 'new\n', 'a.ts/x.ts': 'boom\n' }))).rejects.toThrow();
    expect(await fs.readFile(path.join(dir, 'gen/a.ts'), 'utf8')).toBe('old a\n');
    expect(await fs.readFile(path.join(dir, 'gen/stale.ts'), 'utf8')).toBe('stale\n');
    expect((await fs.readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('--check lists missing, changed and extra files', async () => {
    const dir = await workspace();
    const differences = await diffOutput(dir, output({ 'a.ts': 'new a\n', 'nested/b.ts': 'old b\n', 'new.ts': 'n\n' }));
    expect(differences).toEqual([
      { file: 'gen/a.ts', kind: 'changed' },
      { file: 'gen/new.ts', kind: 'missing' },
      { file: 'gen/stale.ts', kind: 'extra' },
    ]);
  });
});
