// Every generated client method against the mock, configured the way a user
// configures it for the sandbox: one baseUrl for the three services.
import { createClient } from '@scalingo-openapi/client';
import { describeConformance } from '@scalingo-openapi/test-support/conformance';
import { startMock } from '../src/index.js';

await describeConformance({
  name: 'the mock (one baseUrl)',
  acceptDocumentedErrors: false,
  async start(spec) {
    const mock = await startMock({ document: spec as never, port: 0 });
    const client = createClient({
      token: 'tk-us-conformance',
      databaseToken: 'db-token',
      baseUrl: mock.url,
      retry: { maxRetries: 0 },
    });
    return { client, stop: () => mock.close() };
  },
});
