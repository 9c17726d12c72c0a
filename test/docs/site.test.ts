// The docs site in a real browser: headless Chromium (the one npm installs, see
// test/support/browser.ts) driven by playwright-core, over a fresh build served from 127.0.0.1 and from file://.
// Every page the tests open records its requests and console; any request
// to another host, or any console error, fails the test that opened it.
// Screenshots land in dist/screenshots/ for a person to look at.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { changelogSource } from '@scalingo-openapi/docs/build-site.mjs';
import { slugify } from '@scalingo-openapi/docs/markdown.mjs';
import { GUIDES } from '@scalingo-openapi/docs/pages.mjs';
import { serveSite } from '@scalingo-openapi/docs/serve.mjs';
import { HTTP_METHODS as METHODS } from '@scalingo-openapi/spec-reader';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/ports.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'dist/screenshots');

interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
}
interface Spec {
  openapi: string;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
}

let site: string;
let spec: Spec;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'docs-site-test-'));
  site = path.join(work, 'site');
  await run(process.execPath, ['packages/docs/src/cli.mjs', site], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    timeout: 180_000,
  });
  spec = JSON.parse(await fs.readFile(path.join(site, 'openapi.json'), 'utf8'));
  server = await serveSite({ root: site, port: await freePort() });
  ({ browser } = await launchChromium());
  await fs.mkdir(screenshots, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await fs.rm(path.dirname(site), { recursive: true, force: true });
});

/** What a page did that it should not have: requests to other hosts, console errors. */
interface Watch {
  page: Page;
  foreign: string[];
  errors: string[];
  close(): Promise<void>;
}

/**
 * A page in a fresh context. Requests to anything but the site's origin
 * (127.0.0.1, or file:// for `file`) are recorded and aborted, so nothing
 * leaves the machine even when a check is about to fail.
 */
async function open(origin: 'http' | 'file'): Promise<Watch> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const local = (url: string) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return true;
    return origin === 'file' ? protocol === 'file:' : protocol === 'http:' && hostname === '127.0.0.1';
  };
  const watch: Watch = { page, foreign: [], errors: [], close: () => context.close() };
  await context.route('**/*', (route) =>
    local(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  page.on('request', (request) => {
    if (!local(request.url())) watch.foreign.push(`${request.method()} ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  return watch;
}

function expectClean(watch: Watch) {
  expect(watch.foreign, 'requests to another host').toEqual([]);
  expect(watch.errors, 'console errors').toEqual([]);
}

/** Follows a reference route and waits until Redoc has scrolled its heading to the top of the view. */
async function showRoute(page: Page, hash: string, heading: string) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('h1, h2')].some((h) => {
        const box = h.getBoundingClientRect();
        return h.textContent?.trim() === text && box.height > 0 && box.top >= 0 && box.top < window.innerHeight / 2;
      }),
    heading,
    { timeout: 15_000 },
  );
}

function operations(): Operation[] {
  return Object.values(spec.paths).flatMap((item) => METHODS.filter((m) => item[m]).map((m) => item[m]!));
}

const operationRoute = (op: Operation) => `#/${slugify(op.tags[0] ?? '')}/${op.operationId.toLowerCase()}`;

describe('docs site', () => {
  test('the landing page links the reference, every guide, the changelog and both downloads', async () => {
    const watch = await open('http');
    const { page } = watch;
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toContain('Scalingo API v1');
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'reference.html',
        'changelog.html',
        'openapi.json',
        'openapi.yaml',
        ...GUIDES.map((g: { slug: string }) => `guides/${g.slug}.html`),
        ...spec.tags.map((t) => `reference.html#/${slugify(t.name)}`),
      ]),
    );
    await page.screenshot({ path: path.join(screenshots, 'landing.png'), fullPage: true });
    expectClean(watch);
    await watch.close();
  }, 60_000);

  test('every tag of the reference renders with its title', async () => {
    const watch = await open('http');
    await watch.page.goto(`${server.url}/reference.html`);
    for (const { name } of spec.tags) await showRoute(watch.page, `#/${slugify(name)}`, name);
    expectClean(watch);
    await watch.close();
  }, 120_000);

  test('a sample of operations renders with their titles', async () => {
    const all = operations();
    const named = [
      'apps.list',
      'apps.scale',
      'apps.retrieveHead',
      'tokens.exchange',
      'db.databases.retrieve',
      'events.list',
    ];
    const sample = [...all.filter((op) => named.includes(op.operationId)), ...all.filter((_, i) => i % 15 === 7)];
    expect(sample.length).toBeGreaterThan(named.length);
    const watch = await open('http');
    await watch.page.goto(`${server.url}/reference.html`);
    for (const op of sample) await showRoute(watch.page, operationRoute(op), op.summary);
    expectClean(watch);
    await watch.close();
  }, 120_000);

  test('an operation shows its TypeScript and curl samples', async () => {
    const watch = await open('http');
    const { page } = watch;
    await page.goto(`${server.url}/reference.html`);
    await showRoute(page, '#/apps/apps.list', 'List applications');
    const typescript = page.locator('pre', { hasText: 'await client.apps.list()' }).first();
    await typescript.waitFor({ state: 'visible' });
    expect(await typescript.textContent()).toContain("import { createClient } from '@scalingo-openapi/client'");
    await page.screenshot({ path: path.join(screenshots, 'operation.png') });
    // The language switcher of this operation's request panel: TypeScript → curl.
    const panel = page.locator('.panel-request-samples', { has: typescript }).first();
    await panel.getByText('TypeScript', { exact: true }).first().click();
    await page.getByRole('menuitem', { name: 'curl' }).filter({ visible: true }).first().click();
    const curl = page.locator('pre', { hasText: "curl 'https://api.osc-fr1.scalingo.com/v1/apps'" }).first();
    await curl.waitFor({ state: 'visible' });
    expect(await curl.textContent()).toContain('Authorization: Bearer $SCALINGO_BEARER_TOKEN');
    expectClean(watch);
    await watch.close();
  }, 60_000);

  test("Redoc's search box finds apps", async () => {
    const watch = await open('http');
    const { page } = watch;
    await page.goto(`${server.url}/reference.html`);
    const input = page.locator('[data-testid="search-dialog"] input');
    // Until Redoc has hydrated the page, its search trigger does nothing: click until the dialog opens.
    const deadline = Date.now() + 15_000;
    while (!(await input.isVisible())) {
      if (Date.now() > deadline) throw new Error('the search dialog never opened');
      await page.locator('[data-testid="search-trigger"]').click();
      await page.waitForTimeout(250);
    }
    await input.fill('apps');
    const result = page
      .locator('[data-testid="search-dialog"]')
      .getByText('List applications', { exact: true })
      .first();
    await result.waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(screenshots, 'search.png') });
    await result.click();
    // The hit leads to the operation (to the matching field inside it).
    await page.waitForFunction(() => location.hash.startsWith('#/apps/apps.list#'), undefined, { timeout: 15_000 });
    await page
      .locator('h2', { hasText: /^List applications$/ })
      .first()
      .waitFor({ state: 'visible' });
    expectClean(watch);
    await watch.close();
  }, 60_000);

  test('the downloads are the bundled spec, valid OpenAPI 3.1, in JSON and YAML', async () => {
    const json = await (await fetch(`${server.url}/openapi.json`)).text();
    const yaml = await (await fetch(`${server.url}/openapi.yaml`)).text();
    const config = await createConfig({ rules: { struct: 'error' } });
    for (const [source, name] of [
      [json, 'openapi.json'],
      [yaml, 'openapi.yaml'],
    ] as Array<[string, string]>) {
      const problems = await lintFromString({ source, absoluteRef: path.join(site, name), config });
      expect(problems.map((p) => `${name}: ${p.message}`)).toEqual([]);
    }
    const document = JSON.parse(json);
    expect(document.openapi).toBe('3.1.0');
    expect(parse(yaml)).toEqual(document);
    expect(operations().length).toBeGreaterThan(200);
    // What we add for the page stays out of the downloads.
    expect(json).not.toContain('x-codeSamples');
  });

  test('the guides and the changelog render, and every relative link of the site resolves', async () => {
    const watch = await open('http');
    const { page } = watch;
    for (const { slug } of GUIDES as Array<{ slug: string }>) {
      const source = await fs.readFile(path.join(root, 'packages/docs/guides', `${slug}.md`), 'utf8');
      await page.goto(`${server.url}/guides/${slug}.html`);
      expect(await page.locator('main h1').textContent()).toBe(/^# (.+)$/m.exec(source)![1]);
      expect(await page.locator('aside a[aria-current="page"]').textContent()).toBe(/^# (.+)$/m.exec(source)![1]);
    }
    // Built from whichever changelog file the build found first.
    const changelog = changelogSource();
    await page.goto(`${server.url}/changelog.html`);
    const changelogTitle = /^# (.+)$/m.exec(await fs.readFile(path.join(root, changelog), 'utf8'))![1];
    expect(await page.locator('main h1').textContent()).toBe(changelogTitle);
    expect(await page.locator('main .source').textContent()).toBe(`Built from ${changelog}.`);
    expectClean(watch);
    await watch.close();

    const pages = [
      'index.html',
      'changelog.html',
      'reference.html',
      ...GUIDES.map((g: { slug: string }) => `guides/${g.slug}.html`),
    ];
    const broken: string[] = [];
    for (const file of pages) {
      let html = await fs.readFile(path.join(site, file), 'utf8');
      // The reference embeds the spec, whose examples hold URLs: check its own markup only.
      if (file === 'reference.html') html = html.slice(0, html.indexOf('<div id="redoc">'));
      for (const [, target = ''] of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) {
        if (/^(?:[a-z]+:|#)/i.test(target)) continue;
        const resolved = path.join(path.dirname(path.join(site, file)), target.replace(/[#?].*$/, ''));
        if (!existsSync(resolved)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  }, 60_000);

  test('works from file://, offline', async () => {
    const watch = await open('file');
    const { page } = watch;
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    await page.getByRole('link', { name: 'Open the reference' }).click();
    await page.waitForURL(/reference\.html$/);
    await showRoute(page, '#/apps/apps.scale', 'Scale an application');
    await page.goto(pathToFileURL(path.join(site, 'guides/getting-started.html')).href);
    expect(await page.locator('main h1').textContent()).toBe('Getting started');
    // The stylesheet loaded through its relative link.
    expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display)).toBe('flex');
    expectClean(watch);
    await watch.close();
  }, 60_000);

  test('a sidebar link opened in a new tab from file:// shows its section', async () => {
    const watch = await open('file');
    const { page } = watch;
    await page.goto(pathToFileURL(path.join(site, 'reference.html')).href);
    const apps = page.locator('a', { hasText: /^Apps$/ }).first();
    await apps.waitFor({ state: 'attached' });
    // Redoc writes path links (href="/apps") that a new tab would open as file:///apps.
    await page.waitForFunction(() => document.querySelectorAll('a[href^="/"]:not([href^="//"])').length === 0);
    const href = await apps.getAttribute('href');
    expect(href).toBe('#/apps');
    // A new tab loads the link's absolute URL afresh.
    const target = await apps.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(target).toBe(`${pathToFileURL(path.join(site, 'reference.html')).href}#/apps`);
    const tab = await page.context().newPage();
    await tab.goto(target);
    tab.setDefaultTimeout(15_000);
    await tab
      .locator('h1, h2', { hasText: /^Apps$/ })
      .first()
      .waitFor({ state: 'visible' });
    // Scrolling renders more links: they are rewritten too.
    await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tab.waitForTimeout(500);
    expect(await tab.locator('a[href^="/"]:not([href^="//"])').count()).toBe(0);
    expectClean(watch);
    await watch.close();
  }, 60_000);

  test('the reference names no contact URL of a repository that does not exist', async () => {
    const html = await fs.readFile(path.join(site, 'reference.html'), 'utf8');
    expect(html).not.toContain('github.com/scalingo-openapi');
  });

  test("Redoc's telemetry is off, and the request check would catch it if it were on", async () => {
    const html = await fs.readFile(path.join(site, 'reference.html'), 'utf8');
    expect(html).toContain('"disableTelemetry":true');
    expect(html).not.toMatch(/<script[^>]+src=/);
    // Control: the same page with Redoc's telemetry switched back on posts
    // traces to Redocly's collector. The route aborts it; the record shows it.
    await fs.writeFile(
      path.join(site, 'telemetry-on.html'),
      html.replace('"disableTelemetry":true', '"disableTelemetry":false'),
    );
    const watch = await open('http');
    try {
      const traces = watch.page.waitForRequest((r) => new URL(r.url()).hostname !== '127.0.0.1', { timeout: 30_000 });
      await watch.page.goto(`${server.url}/telemetry-on.html`);
      const request = await traces;
      expect(new URL(request.url()).hostname).toMatch(/redocly\.com$/);
      expect(watch.foreign.length).toBeGreaterThan(0);
    } finally {
      await watch.close();
      await fs.rm(path.join(site, 'telemetry-on.html'), { force: true });
    }
  }, 60_000);
});
