// npm run bundle — writes each document as one file, YAML and JSON, under dist/.
import path from 'node:path';
import { bundleSpec, documents, repoRoot, writeAtomic } from '@scalingo-openapi/spec-reader';
import { stringify } from 'yaml';

const outDir = path.join(repoRoot, process.argv[2] ?? 'dist');
try {
  for (const [alias, { output }] of Object.entries(documents)) {
    const spec = await bundleSpec(alias);
    await writeAtomic(path.join(outDir, `${output}.json`), `${JSON.stringify(spec, null, 2)}\n`);
    // No anchors: a bundle shares objects, and YAML readers cap the aliases they accept.
    await writeAtomic(
      path.join(outDir, `${output}.yaml`),
      stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false }),
    );
    console.log(`${alias}: ${path.relative(repoRoot, outDir)}/${output}.json, ${output}.yaml`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
