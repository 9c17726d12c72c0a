// npm run bundle — writes each document as one file, YAML and JSON, under dist/.
import path from 'node:path';
import { bundleSpec, documents, repoRoot } from '@scalingo-openapi/spec-reader';
import { stringify } from 'yaml';
import { writeAtomic } from './lib/write-atomic.mjs';

const outDir = path.join(repoRoot, process.argv[2] ?? 'dist');
try {
  for (const [alias, { output }] of Object.entries(documents)) {
    const spec = await bundleSpec(alias);
    await writeAtomic(path.join(outDir, `${output}.json`), `${JSON.stringify(spec, null, 2)}\n`);
    await writeAtomic(path.join(outDir, `${output}.yaml`), stringify(spec, { lineWidth: 0 }));
    console.log(`${alias}: ${path.relative(repoRoot, outDir)}/${output}.json, ${output}.yaml`);
  }
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
