// Parsed spec files, kept by content hash. Parsing is most of a bundle's cost,
// the documents share files, and successive runs of `generate --watch` see
// the same contents again. Parsing is js-yaml with the schema Redocly's
// bundler uses (YAML 1.2 core, no timestamps), so both bundlers read the same
// values. Callers that rewrite what they get (both bundlers do) get a copy:
// structuredClone is ~10× faster than parsing again.
import { createHash } from 'node:crypto';
import { binaryTag, CORE_SCHEMA, loadAll, mergeTag, omapTag, pairsTag, setTag, YAMLException } from 'js-yaml';

const SCHEMA = CORE_SCHEMA.withTags(mergeTag, binaryTag, omapTag, pairsTag, setTag);
const MAX_ENTRIES = 4096;
const parsedByHash = new Map<string, unknown>();

/** The value of one YAML (or JSON) document, as Redocly reads it; throws js-yaml's YAMLException. */
export function parseYaml(text: string, filename?: string): unknown {
  const documents = loadAll(text, { schema: SCHEMA, ...(filename ? { filename } : {}) });
  if (documents.length > 1) throw new YAMLException('expected a single document in the stream, but found more');
  if (documents.length === 0) return text.trim() === '' ? undefined : null;
  return documents[0];
}

/** A fresh copy of the parsed `text`, parsing it only the first time this content is seen. */
export function parseCached(text: string, parse: () => unknown = () => parseYaml(text)): unknown {
  const hash = createHash('sha1').update(text).digest('hex');
  if (parsedByHash.has(hash)) return structuredClone(parsedByHash.get(hash));
  const parsed = parse();
  // Only objects are worth keeping (scalars pass through).
  if (parsed === null || typeof parsed !== 'object') return parsed;
  if (parsedByHash.size >= MAX_ENTRIES) parsedByHash.clear();
  parsedByHash.set(hash, parsed);
  return structuredClone(parsed);
}
