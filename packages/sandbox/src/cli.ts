#!/usr/bin/env node
// npm run sandbox -- [--port <n>] [--token <t>] [--db <file>] [--user <name>:<token>]… [--payment-method] [--examples]
// Starts the sandbox on 127.0.0.1 until interrupted, and prints how to reach it.
import { parseArgs } from 'node:util';
import { createSandbox } from './sandbox.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    db: { type: 'string', default: ':memory:' },
    user: { type: 'string', multiple: true, default: [] },
    'payment-method': { type: 'boolean', default: false },
    examples: { type: 'boolean', default: false },
    log: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}
const users = values.user.map((spec) => {
  const [username, token] = spec.split(':');
  if (!username || !token) {
    console.error(`--user takes <username>:<api token>, not "${spec}"`);
    process.exit(2);
  }
  return { username, token };
});

const sandbox = await createSandbox({
  port,
  db: values.db,
  user: {
    username: 'sandbox',
    paymentMethod: values['payment-method'],
    ...(values.token ? { token: values.token } : {}),
  },
  users,
  examples: values.examples,
  logger: values.log,
});
console.log(`Scalingo sandbox listening on ${sandbox.url}`);
console.log(`  regional and authentication APIs: ${sandbox.url}/v1   database API: ${sandbox.url}/api`);
console.log(`  API token of user "sandbox": ${sandbox.token}`);
console.log(`  state: ${values.db}`);
console.log(`  client: createClient({ token, baseUrl: '${sandbox.url}' })`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
