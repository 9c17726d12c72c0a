// The HTML shell of the site's own pages (landing, guides, changelog): one
// stylesheet from assets/, every link relative so the site works from any
// folder of any static host and from file://. No script, no remote resource.

/** @type {Record<string, string>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {unknown} text */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The top navigation of every page, the reference included. */
export const NAV = [
  { href: 'index.html', label: 'Home', id: 'home' },
  { href: 'reference.html', label: 'Reference', id: 'reference' },
  { href: 'guides/getting-started.html', label: 'Guides', id: 'guides' },
  { href: 'changelog.html', label: 'Changelog', id: 'changelog' },
  { href: 'index.html#downloads', label: 'Downloads', id: 'downloads' },
];

/**
 * The site header; `root` is the relative path from the page to the site root (`''` or `'../'`).
 * @param {{ root?: string, current: string }} where
 */
export function header({ root = '', current }) {
  const nav = NAV.map(
    ({ href, label, id }) => `<a href="${root}${href}"${id === current ? ' aria-current="page"' : ''}>${label}</a>`,
  ).join('\n      ');
  return `<header class="site-header">
    <a class="brand" href="${root}index.html">Scalingo API v1</a>
    <nav aria-label="Site">
      ${nav}
    </nav>
  </header>`;
}

/**
 * A full page. `current` marks the active entry of the navigation; `aside`
 * is optional HTML for a side column.
 * @param {{ title: string, root?: string, current: string, body: string, aside?: string }} parts
 */
export function page({ title, root = '', current, body, aside }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} — Scalingo API v1</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${root}assets/site.css">
</head>
<body>
  ${header({ root, current })}
  <div class="site-body${aside ? ' with-aside' : ''}">
    ${aside ? `<aside>${aside}</aside>\n    ` : ''}<main>
${body}
    </main>
  </div>
  <footer class="site-footer">
    Built from the OpenAPI description in this repository. Works offline: nothing on this site is loaded from another host.
  </footer>
</body>
</html>
`;
}
