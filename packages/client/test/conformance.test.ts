// Every generated method against a real Prism serving the spec.

import { describeConformance } from '@scalingo-openapi/test-support/conformance';
import { startPrism } from '@scalingo-openapi/test-support/prism';
import { createClient } from '../src/index.js';

await describeConformance({
  name: 'Prism',
  acceptDocumentedErrors: false,
  async start(spec) {
    const prism = await startPrism(spec);
    const client = createClient({
      token: 'tk-us-conformance',
      databaseToken: 'db-token',
      baseUrls: { regional: prism.url, auth: prism.url, database: prism.url, billing: prism.url },
      retry: { maxRetries: 0 },
    });
    return { client, stop: () => prism.stop() };
  },
});
