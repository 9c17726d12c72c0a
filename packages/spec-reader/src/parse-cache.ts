// Redocly's resolver over the one parse cache of the process (yaml-cache.ts):
// each bundle gets its own copy of every file, since Redocly's bundler
// rewrites the objects it is given.
import { BaseResolver, type Document, type Source } from '@redocly/openapi-core';
import { parseCached } from './yaml-cache.js';

/** A resolver that parses each distinct file content once per process. */
export class CachingResolver extends BaseResolver {
  override parseDocument(source: Source, isRoot = false): Document {
    if (typeof source.body !== 'string') return super.parseDocument(source, isRoot);
    const parsed = parseCached(source.body, () => super.parseDocument(source, isRoot).parsed);
    return { source, parsed };
  }
}
