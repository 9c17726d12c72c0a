// Markdown → HTML for the guides and the changelog, with markdown-it.
// Raw HTML in the sources is escaped (html: false), headings get stable ids
// so sections can be linked, and links to sibling `.md` files become `.html`
// so the same files read well on GitHub and on the site.
import MarkdownIt from 'markdown-it';

/**
 * `Getting started` → `getting-started`; also used for Redoc's tag routes.
 * @param {string} text
 */
export function slugify(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Ids on headings, unique within one document (`errors`, `errors-2`…).
md.core.ruler.push('heading_ids', (state) => {
  const seen = new Map();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type !== 'heading_open') continue;
    const base = slugify(tokens[i + 1]?.content ?? '') || 'section';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    token.attrSet('id', count === 1 ? base : `${base}-${count}`);
  }
});

// `other.md#part` → `other.html#part`, for relative links only.
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
/** @type {import('markdown-it').RendererRule} */
const linkOpen = (tokens, i, options, env, self) => {
  const token = tokens[i];
  const href = String(token?.attrGet('href') ?? '');
  if (token && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//')) {
    token.attrSet('href', href.replace(/\.md(?=$|#)/, '.html'));
  }
  return defaultLinkOpen(tokens, i, options, env, self);
};
md.renderer.rules.link_open = linkOpen;

/**
 * Renders one Markdown document. `title` is the text of its first level-1
 * heading (the page title); the heading stays in the HTML.
 * @param {string} source
 */
export function renderMarkdown(source) {
  const tokens = md.parse(source, {});
  const h1 = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  const title = h1 >= 0 ? tokens[h1 + 1]?.content : undefined;
  return { html: md.renderer.render(tokens, md.options, {}), title };
}
