// The steps of the docs pipeline, without a browser: samples injection,
// the reference's overview, Markdown, the self-containment check of the
// reference page, the changelog source, and the staging swap.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHANGELOG_SOURCES, changelogSource } from '@scalingo-openapi/docs/build-site.mjs';
import { injectCodeSamples } from '@scalingo-openapi/docs/code-samples.mjs';
import { renderMarkdown, slugify } from '@scalingo-openapi/docs/markdown.mjs';
import { overviewMarkdown } from '@scalingo-openapi/docs/reference-overview.mjs';
import { localize } from '@scalingo-openapi/docs/render-reference.mjs';
import { buildInto } from '@scalingo-openapi/docs/staging.mjs';
import { pointerGet } from '@scalingo-openapi/spec-reader';
import type { OpenAPI3 } from 'openapi-typescript';
import { describe, expect, test } from 'vitest';

// openapi-typescript's types lack `bearerFormat` and want `variables` on every server; the fixture is a
// valid document all the same.
const spec = {
  openapi: '3.1.0',
  info: { title: 'T', version: '1' },
  servers: [
    {
      url: 'https://api.{region}.example.org/v1',
      description: 'Regional',
      variables: { region: { enum: ['a', 'b'], default: 'a' } },
    },
  ],
  security: [{ bearerAuth: [] }],
  paths: {
    '/apps': {
      get: { operationId: 'apps.list', tags: ['Apps'] },
      head: { operationId: 'apps.listHead', tags: ['Apps'] },
    },
    '/tokens': {
      servers: [{ url: 'https://auth.example.org/v1', description: 'Auth' }],
      post: { operationId: 'tokens.create', tags: ['Tokens'], security: [{ accountBasicAuth: [] }] },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Bearer token.' },
      accountBasicAuth: { type: 'http', scheme: 'basic', description: 'Login and password.' },
    },
  },
} as unknown as OpenAPI3;
const sample = (id: string) => [
  { lang: 'TypeScript', label: 'TypeScript', source: `client.${id}()` },
  { lang: 'Shell', label: 'curl', source: 'curl …' },
];

describe('code samples', () => {
  test('every operation, HEAD twins included, gets its x-codeSamples; the input is left alone', () => {
    const samples = Object.fromEntries(['apps.list', 'apps.listHead', 'tokens.create'].map((id) => [id, sample(id)]));
    const result = injectCodeSamples(spec, samples);
    expect(pointerGet(result, '#/paths/~1apps/head/x-codeSamples')).toEqual(sample('apps.listHead'));
    expect(pointerGet(result, '#/paths/~1tokens/post/x-codeSamples/1/label')).toBe('curl');
    expect(JSON.stringify(spec)).not.toContain('x-codeSamples');
  });

  test.each([
    [
      'an operation without samples',
      { 'apps.list': sample('a'), 'tokens.create': sample('t') },
      /no sample for HEAD \/apps \(apps\.listHead\)/,
    ],
    [
      'samples of an unknown operation',
      Object.fromEntries(['apps.list', 'apps.listHead', 'tokens.create', 'apps.gone'].map((id) => [id, sample(id)])),
      /sample for unknown operation apps\.gone/,
    ],
  ])('%s fails the build', (_, samples, message) => {
    expect(() => injectCodeSamples(spec, samples)).toThrow(message);
  });
});

describe('reference overview', () => {
  const markdown = overviewMarkdown(spec);
  test.each([
    [
      'the document-level server with its region values',
      '- `https://api.{region}.example.org/v1` — Regional; `{region}` is one of `a`, `b`. Used by every operation without a server of its own (2).',
    ],
    [
      'a path-level server with the tags sent to it',
      '- `https://auth.example.org/v1` — Auth. Used by 1 operation, tagged Tokens.',
    ],
    [
      'each security scheme with its use count',
      '- **`bearerAuth`** (HTTP bearer, JWT; 2 operations) — A Bearer token.',
    ],
    [
      'schemes that only one operation takes',
      '- **`accountBasicAuth`** (HTTP basic; 1 operation) — Login and password.',
    ],
  ])('lists %s', (_, line) => {
    expect(markdown.split('\n')).toContain(line);
  });
});

describe('markdown', () => {
  test.each([
    [
      'headings get unique ids',
      '# Title\n\n## Errors\n\n## Errors',
      ['<h2 id="errors">Errors</h2>', '<h2 id="errors-2">Errors</h2>'],
    ],
    [
      'links to sibling .md files become .html',
      '[a](errors.md#429-too-many-requests) [b](../reference.html)',
      ['href="errors.html#429-too-many-requests"', 'href="../reference.html"'],
    ],
    ['absolute links stay as they are', '[c](https://example.org/x.md)', ['href="https://example.org/x.md"']],
    ['raw HTML is escaped', '<script>alert(1)</script>', ['&lt;script&gt;']],
  ])('%s', (_, source, fragments) => {
    const { html } = renderMarkdown(source);
    for (const fragment of fragments) expect(html).toContain(fragment);
  });

  test('the title is the first level-1 heading', () => {
    expect(renderMarkdown('intro\n\n# The envelope\n\n# Other').title).toBe('The envelope');
  });

  test.each([
    ['Apps', 'apps'],
    ['SCM repo links', 'scm-repo-links'],
    ['One-off', 'one-off'],
    ['Event catalogue', 'event-catalogue'],
  ])('slug of %s is %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('reference page check', () => {
  const page = (body: string) =>
    `<html><head></head><body><div id="redoc"></div><script type="module">${body}; img({src:"https://cdn.redoc.ly/redoc/logo-mini-full.svg"}); const __redoc_options = {"disableTelemetry":true};</script></body></html>`;

  test('points the attribution logo at the local copy', () => {
    const html = localize(page('hydrate()'));
    expect(html).toContain('src:"assets/redocly.svg"');
    expect(html).not.toContain('cdn.redoc.ly');
  });

  test.each([
    [
      'Redoc loaded from a CDN',
      page('').replace(
        '<script type="module">',
        '<script src="https://cdn.redocly.com/redoc.js"></script><script type="module">',
      ),
      /not inlined/,
    ],
    [
      'a stylesheet from another host',
      page('').replace('<head>', '<head><link rel="stylesheet" href="https://fonts.example.org/a.css">'),
      /another host/,
    ],
    ['telemetry left on', page('').replace('"disableTelemetry":true', '"disableTelemetry":false'), /telemetry/],
    [
      'a Redoc that no longer loads the logo we know',
      page('').replace('cdn.redoc.ly/redoc/logo-mini-full.svg', 'cdn.redoc.ly/x.svg'),
      /attribution logo/,
    ],
  ])('refuses a page with %s', (_, html, message) => {
    expect(() => localize(html)).toThrow(message);
  });
});

describe('changelog source', () => {
  test('the page comes from the root CHANGELOG.md that releases write; without it the build fails clearly', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'changelog-'));
    expect(() => changelogSource(dir)).toThrow(/No changelog/);
    await fs.writeFile(path.join(dir, 'CHANGELOG.md'), '# Changelog\n');
    expect(changelogSource(dir)).toBe('CHANGELOG.md');
    expect(CHANGELOG_SOURCES).toEqual(['CHANGELOG.md']);
    await fs.rm(dir, { recursive: true });
  });
});

describe('staging', () => {
  test('a failed build leaves the previous site as it was and no staging directory behind', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'staging-'));
    const out = path.join(dir, 'site');
    await buildInto(out, (staging: string) => fs.writeFile(path.join(staging, 'index.html'), 'v1'));
    await expect(
      buildInto(out, async (staging: string) => {
        await fs.writeFile(path.join(staging, 'index.html'), 'half of v2');
        throw new Error('render failed');
      }),
    ).rejects.toThrow('render failed');
    expect(await fs.readFile(path.join(out, 'index.html'), 'utf8')).toBe('v1');
    expect(await fs.readdir(dir)).toEqual(['site']);
    await buildInto(out, (staging: string) => fs.writeFile(path.join(staging, 'index.html'), 'v2'));
    expect(await fs.readFile(path.join(out, 'index.html'), 'utf8')).toBe('v2');
    expect(existsSync(path.join(dir, 'site'))).toBe(true);
    expect((await fs.stat(out)).mode & 0o777).toBe(0o755);
    await fs.rm(dir, { recursive: true });
  });
});
