import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources of the workspace packages, never a stale build.
    alias: {
      '@scalingo-openapi/client/schema': source('./packages/client/src/generated/schema.ts'),
      '@scalingo-openapi/client': source('./packages/client/src/index.ts'),
      '@scalingo-openapi/server': source('./packages/server/src/index.ts'),
      '@scalingo-openapi/sandbox': source('./packages/sandbox/src/index.ts'),
      '@scalingo-openapi/spec-diff': source('./packages/spec-diff/src/index.ts'),
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'generator/test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { REDOCLY_TELEMETRY: 'off', TURBO_TELEMETRY_DISABLED: '1', NODE_ENV: 'test' },
  },
});
