// The docs site pipeline:
//
//   load     bundled spec (@scalingo-openapi/spec-reader), code samples (generated),
//            guides (packages/docs/guides/*.md), the changelog file
//   enrich   x-codeSamples on every operation, servers and security schemes
//            in the introduction (reference copy only; downloads stay as bundled)
//   render   reference.html (Redocly build-docs), index.html, guides/*.html,
//            changelog.html
//   write    into a staging directory, swapped in when complete
//
// Only load() and buildSite() touch the disk; the steps between are pure.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleSpec, repoRoot } from '@scalingo-openapi/spec-reader';
import { stringify } from 'yaml';
import { injectCodeSamples } from './code-samples.mjs';
import { header } from './layout.mjs';
import { renderMarkdown } from './markdown.mjs';
import { changelogPage, GUIDES, guidePage, landingPage } from './pages.mjs';
import { withOverview } from './reference-overview.mjs';
import { LOCAL_ATTRIBUTION_LOGO, renderReference } from './render-reference.mjs';
import { buildInto } from './staging.mjs';

const docsRoot = path.join(repoRoot, 'packages/docs');

/**
 * Where the changelog page comes from: the first of these files that exists.
 * `npm run release` writes CHANGELOG.md at the root from the diff between
 * releases; the page renders it.
 */
export const CHANGELOG_SOURCES = ['CHANGELOG.md'];

export function changelogSource(root = repoRoot) {
  const found = CHANGELOG_SOURCES.find((file) => existsSync(path.join(root, file)));
  if (!found) throw new Error(`No changelog: none of ${CHANGELOG_SOURCES.join(', ')} exists`);
  return found;
}

/**
 * @typedef {object} SiteInputs Everything the site is built from.
 * @property {import('openapi-typescript').OpenAPI3} spec
 * @property {import('./code-samples.mjs').Samples} samples
 * @property {Record<string, string>} guides Markdown by slug
 * @property {{ source: string, markdown: string }} changelog
 */

/** @returns {Promise<SiteInputs>} */
export async function load() {
  /** @param {string} file */
  const read = (file) => fs.readFile(file, 'utf8');
  const spec = await bundleSpec('scalingo');
  const { samples } = JSON.parse(await read(path.join(docsRoot, 'src/generated/code-samples.json')));
  const listed = new Set(GUIDES.map((g) => `${g.slug}.md`));
  const unlisted = (await fs.readdir(path.join(docsRoot, 'guides'))).filter((f) => f.endsWith('.md') && !listed.has(f));
  if (unlisted.length > 0) throw new Error(`Guides missing from GUIDES in pages.mjs: ${unlisted.join(', ')}`);
  const guides = Object.fromEntries(
    await Promise.all(GUIDES.map(async (g) => [g.slug, await read(path.join(docsRoot, 'guides', `${g.slug}.md`))])),
  );
  const changelogFile = changelogSource();
  return {
    spec,
    samples,
    guides,
    changelog: { source: changelogFile, markdown: await read(path.join(repoRoot, changelogFile)) },
  };
}

/**
 * The site's files other than the reference page: relative path → content.
 * @param {Pick<SiteInputs, 'spec' | 'guides' | 'changelog'>} inputs
 */
export function renderPages({ spec, guides, changelog }) {
  /** @type {Map<string, string>} */
  const files = new Map();
  const json = `${JSON.stringify(spec, null, 2)}\n`;
  // No anchors: a bundle shares objects, and YAML readers cap the aliases they accept.
  const yaml = stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false });
  files.set('openapi.json', json);
  files.set('openapi.yaml', yaml);
  const titles = Object.fromEntries(
    Object.entries(guides).map(([slug, markdown]) => [slug, renderMarkdown(markdown).title]),
  );
  for (const { slug } of GUIDES) files.set(`guides/${slug}.html`, guidePage(slug, guides[slug] ?? '', titles));
  files.set('changelog.html', changelogPage(changelog.markdown, changelog.source));
  const downloads = [
    { file: 'openapi.json', description: 'OpenAPI 3.1, JSON', bytes: Buffer.byteLength(json) },
    { file: 'openapi.yaml', description: 'OpenAPI 3.1, YAML', bytes: Buffer.byteLength(yaml) },
  ];
  files.set('index.html', landingPage({ spec, titles, downloads }));
  return files;
}

/**
 * Builds the whole site into `outDir`, replacing what was there only on success.
 * @param {{ outDir: string }} options
 */
export async function buildSite({ outDir }) {
  const inputs = await load();
  const referenceSpec = withOverview(injectCodeSamples(inputs.spec, inputs.samples));
  const pages = renderPages(inputs);
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scalingo-docs-'));
  try {
    const specFile = path.join(workDir, 'reference.json');
    await fs.writeFile(specFile, JSON.stringify(referenceSpec));
    const reference = await renderReference(specFile, {
      title: `${inputs.spec.info?.title} v1 reference`,
      header: header({ current: 'reference' }),
      workDir,
    });
    await buildInto(outDir, async (staging) => {
      /** @type {[string, string][]} */
      const files = [...pages, ['reference.html', reference]];
      for (const [file, content] of files) {
        await fs.mkdir(path.dirname(path.join(staging, file)), { recursive: true });
        await fs.writeFile(path.join(staging, file), content);
      }
      await fs.cp(path.join(docsRoot, 'assets'), path.join(staging, 'assets'), { recursive: true });
      if (!existsSync(path.join(staging, LOCAL_ATTRIBUTION_LOGO)))
        throw new Error(`${LOCAL_ATTRIBUTION_LOGO} is missing from packages/docs/assets`);
    });
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
  return { files: [...pages.keys(), 'reference.html'], changelog: inputs.changelog.source };
}
