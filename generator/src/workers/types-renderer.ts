// A TypesRenderer backed by the types worker.
import { Worker } from 'node:worker_threads';
import type { TypesRenderer } from '../emit/schema-types.js';

export interface WorkerRenderer {
  render: TypesRenderer;
  close(): Promise<void>;
}

export function startTypesWorker(): WorkerRenderer {
  const worker = new Worker(new URL('./types-worker.js', import.meta.url));
  worker.unref();
  let next = 0;
  const pending = new Map<number, { resolve: (types: string) => void; reject: (error: Error) => void }>();
  worker.on('message', (message: { id: number; types?: string; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.types!);
  });
  worker.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  return {
    render: (document, slot) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, document, slot });
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      }) as Promise<string>,
    close: async () => {
      await worker.terminate();
    },
  };
}
