#!/usr/bin/env node
// scalingo-mock [--port 4010] [--host 127.0.0.1] [--document scalingo|addon-provider|streams|<file>] [--dynamic] [--log]
// Runs the mock until interrupted, and prints how to reach it.
import { parseArgs } from 'node:util';
import { DOCUMENTS } from './documents.js';
import { startMock } from './mock.js';

const USAGE = `Usage: scalingo-mock [--port 4010] [--host 127.0.0.1] [--document ${Object.keys(DOCUMENTS).join('|')}|<file>] [--dynamic] [--log]`;

const OPTIONS = {
  port: { type: 'string', default: process.env.PORT ?? '4010' },
  host: { type: 'string', default: '127.0.0.1' },
  document: { type: 'string', default: 'scalingo' },
  dynamic: { type: 'boolean', default: false },
  log: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
try {
  ({ values } = parseArgs({ options: OPTIONS }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

try {
  const mock = await startMock({
    port,
    host: values.host,
    document: values.document,
    dynamic: values.dynamic,
    ...(values.log ? { log: (line: string) => console.log(line) } : {}),
  });
  console.log(`Scalingo mock (Prism) listening on ${mock.url}`);
  console.log(`  paths under ${mock.roots.map((root) => `${mock.url}${root}`).join(', ')}`);
  if (mock.roots.includes('/v1')) console.log(`  client: createClient({ token, baseUrl: '${mock.url}' })`);
  void mock.crashed.then(({ code, output }) => {
    console.error(`Prism stopped (exit code ${code}):\n${output}`);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void mock.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
