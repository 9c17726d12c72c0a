// startMock(): Prism on a private port behind the front on the public one,
// serving a document rewritten so its paths carry their servers' base paths.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDocument } from './documents.js';
import { startFront } from './front.js';
import { methodsOf, mockDocument, type OpenApiDocument } from './mock-document.js';
import { startPrism } from './prism-process.js';

export interface MockOptions {
  /** A shipped document's name (`scalingo`, `addon-provider`, `streams`), an OpenAPI file, or a document. Default `scalingo`. */
  document?: string | OpenApiDocument;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Prism's `--dynamic`: answers generated from the schemas instead of the examples. */
  dynamic?: boolean;
  /** Receives Prism's log lines. */
  log?: (line: string) => void;
}

export interface Mock {
  /** `http://host:port`: the client's `baseUrl`. */
  url: string;
  port: number;
  /** First segments of the served paths (`/v1`, `/api` for the Scalingo API), for messages. */
  roots: string[];
  /** Settles if Prism stops on its own (with its exit code and output): the mock is then dead. */
  crashed: Promise<{ code: number | null; output: string }>;
  close(): Promise<void>;
}

export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const source = options.document ?? 'scalingo';
  const document = typeof source === 'string' ? await loadDocument(source) : source;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scalingo-mock-'));
  const file = path.join(dir, 'mock.json');
  try {
    const served = mockDocument(document);
    await fs.writeFile(file, JSON.stringify(served));
    const roots = [...new Set(Object.keys(served.paths ?? {}).map((p) => `/${p.split('/')[1]}`))];
    const prism = await startPrism({
      file,
      dynamic: options.dynamic ?? false,
      ...(options.log ? { log: options.log } : {}),
    });
    const host = options.host ?? '127.0.0.1';
    const front = await startFront({
      host,
      port: options.port ?? 4010,
      target: prism.port,
      allowed: methodsOf(served),
    }).catch(async (error) => {
      await prism.stop();
      throw error;
    });
    let closing = false;
    const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    return {
      url: `http://${shownHost}:${front.port}`,
      port: front.port,
      roots,
      crashed: new Promise((resolve) => {
        void prism.exited.then(async (code) => {
          if (closing) return;
          await front.close().catch(() => {});
          resolve({ code, output: prism.output() });
        });
      }),
      async close() {
        closing = true;
        await front.close();
        await prism.stop();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}
