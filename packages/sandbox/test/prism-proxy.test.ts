// An independent check of the sandbox: Prism in proxy mode (`prism proxy
// --errors`) sits between the client and the sandbox, validates every request
// and answer against the spec, and fails the call on any violation. The
// client's conformance run is replayed through it.
import { createClient } from '@scalingo-openapi/client';
import { createSandbox } from '@scalingo-openapi/sandbox';
import { describeConformance } from '@scalingo-openapi/test-support/conformance';
import { startPrism } from '@scalingo-openapi/test-support/prism';
import { destroyingLast } from './support/order.js';

await describeConformance({
  name: 'Prism proxying the sandbox',
  acceptDocumentedErrors: true,
  last: await destroyingLast(),
  async start(spec) {
    const sandbox = await createSandbox({ user: { username: 'sandbox', paymentMethod: true }, examples: true });
    // Prism serves paths without the servers' base path: one proxy for the
    // APIs under /v1, one for the database API and the billing host at the root.
    const [v1, root] = await Promise.all([
      startPrism(spec, { proxy: `${sandbox.url}/v1` }),
      startPrism(spec, { proxy: sandbox.url }),
    ]);
    const client = createClient({
      token: sandbox.token,
      databaseToken: 'none',
      baseUrls: { regional: v1.url, auth: v1.url, database: root.url, billing: root.url },
      retry: { maxRetries: 0 },
      // A violation Prism reports fails the call, whatever its status.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const violations = response.headers.get('sl-violations');
        if (violations && JSON.parse(violations).some((v: { severity: string }) => v.severity === 'Error')) {
          throw new Error(`Prism reports violations for ${init?.method ?? 'GET'} ${String(input)}: ${violations}`);
        }
        return response;
      },
    });
    return {
      client,
      async stop() {
        await Promise.all([v1.stop(), root.stop()]);
        await sandbox.close();
      },
    };
  },
});
