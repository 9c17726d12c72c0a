// The site's own pages as HTML strings: the landing page, one page per guide,
// and the changelog. Pure functions of their inputs (spec, Markdown text);
// reading and writing files is build-site.mjs's job.

import { operationsOf } from './code-samples.mjs';
import { escapeHtml, page } from './layout.mjs';
import { renderMarkdown, slugify } from './markdown.mjs';

/** The guides, in reading order: `guides/<slug>.md` → `guides/<slug>.html`. */
export const GUIDES = [
  { slug: 'getting-started', summary: 'Install the client, get an API token, list your applications.' },
  {
    slug: 'authentication',
    summary: 'API tokens, their exchange for a Bearer token, the 2015 Basic scheme, database tokens.',
  },
  { slug: 'envelope', summary: 'Every body is a JSON object rooted under the name of the resource.' },
  {
    slug: 'dates',
    summary: 'RFC 3339 instants with an offset: milliseconds documented, up to nanoseconds on the wire.',
  },
  { slug: 'pagination', summary: 'page, per_page and meta.pagination; one page, or every item with for await.' },
  { slug: 'errors', summary: 'Each status the API answers, its body, and the error the client throws.' },
  { slug: 'async-operations', summary: 'Actions answered 202 with a Location, and how to wait for them.' },
  { slug: 'testing', summary: 'Run your code against the Prism mock or the stateful sandbox.' },
];

/**
 * A guide page from its Markdown; the side column lists every guide.
 * @param {string} slug
 * @param {string} markdown
 * @param {Record<string, string | undefined>} titles
 */
export function guidePage(slug, markdown, titles) {
  const { html, title } = renderMarkdown(markdown);
  if (!title) throw new Error(`guides/${slug}.md has no level-1 heading`);
  const aside = `<p class="aside-title">Guides</p>
      <ol class="guide-list">
        ${GUIDES.map(
          (g) =>
            `<li><a href="${g.slug}.html"${g.slug === slug ? ' aria-current="page"' : ''}>${escapeHtml(titles[g.slug] ?? g.slug)}</a></li>`,
        ).join('\n        ')}
      </ol>
      <p class="aside-title">Elsewhere</p>
      <ul class="guide-list">
        <li><a href="../reference.html">API reference</a></li>
        <li><a href="../changelog.html">Changelog</a></li>
      </ul>`;
  return page({ title, root: '../', current: 'guides', body: `<article class="prose">\n${html}</article>`, aside });
}

/**
 * The changelog page from any Markdown changelog file; `source` names the
 * file it was built from (shown on the page).
 * @param {string} markdown
 * @param {string} source
 */
export function changelogPage(markdown, source) {
  const { html, title } = renderMarkdown(markdown);
  const body = `<article class="prose changelog">
${html}<p class="source">Built from <code>${escapeHtml(source)}</code>.</p>
</article>`;
  return page({ title: title ?? 'Changelog', current: 'changelog', body });
}

/**
 * The landing page: what the site holds, the tags by group, the guides, the downloads.
 * @param {{ spec: import('openapi-typescript').OpenAPI3, titles: Record<string, string | undefined>, downloads: { file: string, description: string, bytes: number }[] }} parts
 */
export function landingPage({ spec, titles, downloads }) {
  const operations = operationsOf(spec);
  /** @type {Map<string, number>} */
  const perTag = new Map();
  for (const { operation } of operations)
    for (const tag of operation.tags ?? []) perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
  /** @type {{ name: string, tags: string[] }[]} */
  const groups = spec['x-tagGroups'] ?? [{ name: 'Tags', tags: (spec.tags ?? []).map((t) => t.name) }];
  const tagGroups = groups
    .map(
      (group) => `<section class="tag-group">
          <h3>${escapeHtml(group.name)}</h3>
          <ul>
            ${group.tags
              .map(
                (tag) =>
                  `<li><a href="reference.html#/${slugify(tag)}">${escapeHtml(tag)}</a> <span class="count">${perTag.get(tag) ?? 0}</span></li>`,
              )
              .join('\n            ')}
          </ul>
        </section>`,
    )
    .join('\n        ');
  const guides = GUIDES.map(
    (g) => `<li><a href="guides/${g.slug}.html">${escapeHtml(titles[g.slug])}</a> — ${escapeHtml(g.summary)}</li>`,
  ).join('\n        ');
  const files = downloads
    .map(
      (d) =>
        `<li><a href="${d.file}" download>${d.file}</a> — ${escapeHtml(d.description)} (${formatSize(d.bytes)})</li>`,
    )
    .join('\n        ');
  const body = `<section class="hero">
      <h1>${escapeHtml(spec.info.title)} v1 <span class="version">${escapeHtml(spec.info.version)}</span></h1>
      <p class="lead">Everything a program can ask the Scalingo platform — applications, addons,
      deployments, tokens, databases — described once in OpenAPI 3.1 and rendered here:
      ${operations.length} operations under ${perTag.size} tags, each with a TypeScript and a <code>curl</code> example.</p>
      <p class="actions"><a class="button" href="reference.html">Open the reference</a>
      <a class="button secondary" href="guides/getting-started.html">Get started</a></p>
    </section>

    <section id="reference">
      <h2>Reference</h2>
      <p>Every operation with its parameters, bodies, responses, examples and errors, the servers it is
      sent to and the credentials it takes. The search box at the top of its menu finds operations,
      paths and fields.</p>
      <div class="tag-groups">
        ${tagGroups}
      </div>
    </section>

    <section id="guides">
      <h2>Guides</h2>
      <ol>
        ${guides}
      </ol>
    </section>

    <section id="changelog">
      <h2>Changelog</h2>
      <p>What changed in the API and in this description, newest first: <a href="changelog.html">the changelog</a>.</p>
    </section>

    <section id="downloads">
      <h2>Downloads</h2>
      <p>The whole description in one file, with every <code>$ref</code> internal, ready for code generators,
      linters, mock servers and API clients.</p>
      <ul>
        ${files}
      </ul>
    </section>`;
  return page({ title: 'Home', current: 'home', body });
}

/** @param {number} bytes */
function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
