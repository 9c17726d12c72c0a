// Starts the sandbox CLI (the built one, as users run it) as a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

export interface SandboxProcess {
  url: string;
  token: string;
  child: ChildProcess;
  output(): string;
}

export async function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started = new Promise<{ url: string; token: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const token = /API token of user "sandbox": (\S+)/.exec(output)?.[1];
      if (url && token) resolve({ url, token });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`sandbox exited (${code ?? signal}):\n${output}`)));
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    const { url, token } = await started;
    return { url, token, child, output: () => output };
  } finally {
    clearTimeout(timer);
  }
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}
