// npm run register -- <kind> <name> <file> [--group <tag group>]
//   kind: path | schema | parameter | response | header | tag
// Adds an entry to openapi/openapi.yaml, keeping its comments and layout.
// Several people (or sessions) may add endpoints at once: the edit holds a
// lock file and the root is replaced atomically.
//   npm run register -- path '/apps/{app}/domains' paths/domains/domains.yaml
//   npm run register -- schema Domain components/schemas/Domain.yaml
//   npm run register -- tag Domains 'Custom domains of an application.' --group 'Regional API: applications'
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, writeAtomic } from '@scalingo-openapi/spec-reader';
import { parseDocument } from 'yaml';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { group: { type: 'string' } } });
const [kind, name, target] = positionals;
/** @type {Record<string, string>} */
const sections = { schema: 'schemas', parameter: 'parameters', response: 'responses', header: 'headers' };
if (!kind || !name || !target || !(kind === 'path' || kind === 'tag' || kind in sections)) {
  console.error(
    'usage: register <path|schema|parameter|response|header|tag> <name> <file|description> [--group <tag group>]',
  );
  process.exit(2);
}

/** @typedef {import('yaml').YAMLMap<unknown, unknown>} Entry a mapping of the root document */

const rootFile = path.join(repoRoot, 'openapi/openapi.yaml');
const lockFile = `${rootFile}.lock`;

/**
 * @template T
 * @param {() => Promise<T>} fn
 */
async function withLock(fn) {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lockFile, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST' || attempt > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}

await withLock(async () => {
  const doc = parseDocument(await fs.readFile(rootFile, 'utf8'));
  if (kind === 'tag') {
    const tags = /** @type {import('yaml').YAMLSeq<Entry>} */ (doc.get('tags'));
    if (!tags.items.some((t) => t.get('name') === name)) tags.add(doc.createNode({ name, description: target }));
    if (values.group) {
      const groups = /** @type {import('yaml').YAMLSeq<Entry>} */ (doc.get('x-tagGroups'));
      const group = groups.items.find((g) => g.get('name') === values.group);
      if (!group) throw new Error(`No tag group "${values.group}"`);
      const members = /** @type {import('yaml').YAMLSeq<import('yaml').Scalar | string>} */ (group.get('tags'));
      if (!members.items.some((t) => (typeof t === 'string' ? t : t.value) === name)) members.add(name);
    }
  } else {
    const relative = target.replace(/^openapi\//, '');
    await fs.access(path.join(repoRoot, 'openapi', relative)).catch(() => {
      throw new Error(`openapi/${relative} does not exist`);
    });
    const where = kind === 'path' ? ['paths'] : ['components', sections[kind]];
    const map = /** @type {import('yaml').YAMLMap<string, Entry>} */ (doc.getIn(where));
    if (map.has(name)) {
      const existing = map.get(name)?.get('$ref');
      if (existing !== relative) throw new Error(`${where.join('.')}.${name} already points at ${existing}`);
    } else {
      map.set(name, doc.createNode({ $ref: relative }));
    }
  }
  await writeAtomic(rootFile, doc.toString({ lineWidth: 80, flowCollectionPadding: false }));
});
console.log(`registered ${kind} ${name}`);
