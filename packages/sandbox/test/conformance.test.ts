// The client's conformance run against the sandbox: a stateful target where
// the examples' application exists and every answer must match the spec.
import { createClient } from '@scalingo-openapi/client';
import { createSandbox } from '@scalingo-openapi/sandbox';
import { describeConformance } from '../../client/test/support/conformance.js';

await describeConformance({
  name: 'the sandbox',
  acceptDocumentedErrors: true,
  last: ['apps.delete', 'users.delete', 'tokens.delete'],
  async start() {
    const sandbox = await createSandbox({ user: { username: 'sandbox', paymentMethod: true } });
    const client = createClient({
      token: sandbox.token,
      baseUrl: sandbox.url,
      databaseToken: 'none',
      retry: { maxRetries: 0 },
    });
    // The examples name this application; create it so that calls find it.
    await client.apps.create({ app: { name: 'my-shop-prod' } });
    return { client, stop: () => sandbox.close() };
  },
});
