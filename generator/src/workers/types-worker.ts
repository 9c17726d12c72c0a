// Runs openapi-typescript in a worker thread: it loads (TypeScript and all)
// while the main thread bundles the spec and builds the model, and stays warm
// between runs of `--watch`.
import { parentPort } from 'node:worker_threads';
import { loadTransform, renderSchemaTypes } from '../emit/schema-types.js';
import type { OpenApiDocument } from '../load/load-spec.js';

// Load at once (synchronously: nothing else runs in this thread), so that the
// first request finds openapi-typescript ready.
loadTransform();

parentPort!.on('message', async ({ id, document }: { id: number; document: OpenApiDocument }) => {
  try {
    parentPort!.postMessage({ id, types: await renderSchemaTypes(document) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
