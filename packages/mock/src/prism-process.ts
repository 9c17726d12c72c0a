// One Prism mock process (the real `prism mock` CLI of @stoplight/prism-cli)
// on a private loopback port, serving a document file: the engine behind the
// front (front.ts). Resolves once Prism says it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';

const PRISM = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

export interface PrismOptions {
  file: string;
  dynamic?: boolean;
  /** Receives Prism's log lines (requests, violations); silent when absent. */
  log?: (line: string) => void;
  /** How long Prism may take to load the document. */
  startTimeout?: number;
}

export interface PrismProcess {
  port: number;
  /** What Prism printed (its start, then the latest lines), for error messages. */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const port = await freePort();
  const args = [PRISM, 'mock', options.file, '--host', '127.0.0.1', '--port', String(port)];
  if (options.dynamic) args.push('--dynamic');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ready = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      // The tail only, once listening: enough to say why Prism stopped.
      output = ready ? (output + text).slice(-16_384) : output + text;
      if (ready) {
        for (const line of text.split('\n')) if (line.trim()) options.log?.(line);
        return;
      }
      if (output.includes('Prism is listening')) {
        ready = true;
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`Prism exited with code ${code} before listening:\n${output}`)));
  });
  const timeout = options.startTimeout ?? 120_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
  try {
    await listening;
  } catch (error) {
    throw child.signalCode === 'SIGKILL' ? new Error(`Prism did not listen within ${timeout} ms:\n${output}`) : error;
  } finally {
    clearTimeout(timer);
  }
  return {
    port,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** A free TCP port on 127.0.0.1, picked by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
