// Starts a real Prism mock of a bundled document on a free loopback port, and
// the check of what it answers to a document's example request.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { SpecValidator } from './ajv.js';
import { freePort } from './ports.js';
import { type ExampleRequest, responseSchemaPointer } from './requests.js';
import { deref, type Json, type OperationEntry } from './spec.js';

const PRISM = path.resolve(import.meta.dirname, '../../node_modules/@stoplight/prism-cli/dist/index.js');

export interface PrismProcess {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

export async function startPrism(spec: Json, mode: { proxy?: string } = {}): Promise<PrismProcess> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prism-'));
  const file = path.join(dir, 'openapi.json');
  await fs.writeFile(file, JSON.stringify(spec));
  const port = await freePort();
  const args = mode.proxy
    ? [PRISM, 'proxy', file, mode.proxy, '--host', '127.0.0.1', '--port', String(port), '--errors']
    : [PRISM, 'mock', file, '--host', '127.0.0.1', '--port', String(port)];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${output}`)));
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    await ready;
  } finally {
    clearTimeout(timeout);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Sends an example request to a Prism process, without following redirects. */
export async function sendTo(
  prism: PrismProcess,
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown },
) {
  const response = await fetch(`${prism.url}${request.url}`, {
    method: request.method,
    headers: request.headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * A Prism over `spec` for the enclosing suite: started before its tests,
 * stopped after them. Call the returned function inside a test.
 */
export function usePrism(spec: Json): () => PrismProcess {
  let prism: PrismProcess | undefined;
  beforeAll(async () => {
    prism = await startPrism(spec);
  }, 90_000);
  afterAll(async () => {
    await prism?.stop();
  });
  return () => {
    if (!prism) throw new Error('Prism has not started');
    return prism;
  };
}

/**
 * Asserts that Prism answered `request` (an example request of `entry`) with one of its
 * documented successes, saw no violation, and sent the body that status documents: JSON that
 * validates against its schema, one of its declared media types otherwise, nothing when it
 * declares none (and to a HEAD).
 */
export function expectDocumentedSuccess(
  spec: Json,
  validator: SpecValidator,
  entry: OperationEntry,
  request: ExampleRequest,
  answer: Awaited<ReturnType<typeof sendTo>>,
) {
  const { status, text, headers } = answer;
  expect(request.successStatuses, 'documented successes').toContain(status);
  expect(headers.get('sl-violations'), 'Prism saw no violation').toBeNull();
  if (entry.method === 'head') {
    expect(text).toBe('');
    return;
  }
  const pointer = responseSchemaPointer(spec, entry, status);
  const declared = Object.keys(deref(spec, entry.operation.responses[String(status)]).content ?? {});
  if (pointer) {
    expect(validator.validate(pointer, JSON.parse(text))).toEqual([]);
  } else if (declared.length > 0) {
    // A non-JSON body (plain text, PDF…): Prism must answer one of the declared types.
    expect(declared).toContain(headers.get('content-type')?.split(';')[0]);
  } else {
    expect(text).toBe('');
  }
}
