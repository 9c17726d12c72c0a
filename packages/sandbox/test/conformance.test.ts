// The client's conformance run against the sandbox: a stateful target where
// the examples' application exists and every answer must match the spec.
import { createClient } from '@scalingo-openapi/client';
import { createSandbox } from '@scalingo-openapi/sandbox';
import { describeConformance } from '@scalingo-openapi/test-support/conformance';
import { destroyingLast } from './support/order.js';

await describeConformance({
  name: 'the sandbox',
  acceptDocumentedErrors: true,
  last: await destroyingLast(),
  async start() {
    // The examples name `my-shop-prod` and its documents: start with them, under their IDs.
    const sandbox = await createSandbox({ user: { username: 'sandbox', paymentMethod: true }, examples: true });
    const client = createClient({
      token: sandbox.token,
      baseUrl: sandbox.url,
      databaseToken: 'none',
      retry: { maxRetries: 0 },
    });
    return { client, stop: () => sandbox.close() };
  },
});
