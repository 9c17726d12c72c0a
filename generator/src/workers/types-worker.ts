// Runs openapi-typescript in a worker thread: it loads (TypeScript and all)
// while the main thread bundles the spec and builds the model, and stays warm
// between runs of `--watch`, rendering again only the path items an edit changed.
import { parentPort } from 'node:worker_threads';
import { IncrementalTypes } from '../emit/incremental-types.js';
import { loadTransform, renderTypes } from '../emit/schema-types.js';
import type { OpenApiDocument } from '../load/load-spec.js';

// Load at once (synchronously: nothing else runs in this thread), so that the
// first request finds openapi-typescript ready.
loadTransform();

// The last output of each document, for --watch's next edit.
const incremental = new Map<string, IncrementalTypes>();

interface Request {
  id: number;
  /** A copy of its own (posted), so openapi-typescript may rewrite it. */
  document: OpenApiDocument;
  slot?: string;
}

parentPort!.on('message', ({ id, document, slot }: Request) => {
  try {
    let renderer = slot === undefined ? undefined : incremental.get(slot);
    if (slot !== undefined && !renderer) incremental.set(slot, (renderer = new IncrementalTypes()));
    parentPort!.postMessage({ id, types: renderer ? renderer.render(document) : renderTypes(document) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
