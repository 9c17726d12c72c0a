import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources of the workspace packages, never a stale build.
    // Exact names (`$`): `@scalingo-openapi/mock/openapi.json` and the other subpaths stay the package's own.
    alias: [
      ['@scalingo-openapi/client/schema', './packages/client/src/generated/schema.ts'],
      ['@scalingo-openapi/client', './packages/client/src/index.ts'],
      ['@scalingo-openapi/server', './packages/server/src/index.ts'],
      ['@scalingo-openapi/sandbox', './packages/sandbox/src/index.ts'],
      ['@scalingo-openapi/mock', './packages/mock/src/index.ts'],
      ['@scalingo-openapi/spec-diff', './packages/spec-diff/src/index.ts'],
      ['@scalingo-openapi/generator', './generator/src/index.ts'],
    ].map(([name, path]) => ({ find: new RegExp(`^${name}$`), replacement: source(path as string) })),
  },
  test: {
    include: ['test/**/*.test.ts', 'generator/test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { REDOCLY_TELEMETRY: 'off', TURBO_TELEMETRY_DISABLED: '1', NODE_ENV: 'test' },
  },
});
