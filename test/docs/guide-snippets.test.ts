// The TypeScript in the guides compiles against the client's sources, so a
// guide cannot show a method, a parameter or an option the client lacks.
// Snippets are fragments: one that does not import the client gets
// `import { createClient }`, and one that uses `client` (or `token`) without
// defining it gets a `const client` (or `const token`) first.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { GUIDES } from '@scalingo-openapi/docs/pages.mjs';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

function prelude(code: string): string {
  const lines: string[] = [];
  if (!/\bcreateClient\b[^;]*from '@scalingo-openapi\/client'/.test(code))
    lines.push("import { createClient } from '@scalingo-openapi/client';");
  if (/\bclient\./.test(code) && !/\bconst client\b/.test(code))
    lines.push("const client = createClient({ token: 'tk-us-example' });");
  if (/\btoken\b(?!:)/.test(code) && !/\bconst token\b/.test(code)) lines.push("const token = 'tk-us-example';");
  return lines.join('\n');
}

test('every TypeScript snippet of the guides type-checks against the client', async () => {
  // Under dist/ (ignored by git) so that imports resolve through the repository's node_modules.
  const dir = path.join(root, 'dist', `guide-snippets-${process.pid}`);
  await fs.mkdir(dir, { recursive: true });
  try {
    let count = 0;
    for (const { slug } of GUIDES as Array<{ slug: string }>) {
      const source = await fs.readFile(path.join(root, 'packages/docs/guides', `${slug}.md`), 'utf8');
      for (const [index, match] of [...source.matchAll(/```ts\n([\s\S]*?)```/g)].entries()) {
        await fs.writeFile(
          path.join(dir, `${slug}-${index + 1}.ts`),
          `${prelude(match[1]!)}\n${match[1]}\nexport {};\n`,
        );
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(10);
    const tsconfig = {
      extends: path.join(root, 'tsconfig.base.json'),
      compilerOptions: {
        module: 'ESNext',
        moduleResolution: 'Bundler',
        noEmit: true,
        declaration: false,
        sourceMap: false,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['node'],
        // The client as its sources say, built or not.
        paths: {
          '@scalingo-openapi/client': [path.join(root, 'packages/client/src/index.ts')],
          '@scalingo-openapi/mock': [path.join(root, 'packages/mock/src/index.ts')],
        },
      },
      include: ['*.ts'],
    };
    await fs.writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', dir], { cwd: root, timeout: 120_000 }).then(
      () => '',
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
    expect(result.replaceAll(dir + path.sep, '')).toBe('');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 150_000);
