// CHANGELOG.md, which the docs site renders as its changelog page: one entry
// per release, newest first, `## <version> — <date>`, bullets grouped the way
// the seed's changelog reads (what was added, what changed, what is deprecated,
// and — only in a major version — what breaks). Pure: text in, text out.
import { KINDS, SECTIONS, type Section } from '../kinds.js';
import type { Change, DocumentDiff } from '../types.js';

export const CHANGELOG_FILE = 'CHANGELOG.md';

const TITLES: Record<string, string> = {
  scalingo: '',
  'addon-provider': 'Addon provider API: ',
  streams: 'Streams: ',
};

export const HEADER = `# Changelog

Every release of the Scalingo API v1 description, newest first. Each entry is
written by \`npm run release\` from the differences between the release and the
one before it (\`npm run diff\` shows them before a release). The API grows
without breaking what exists; a breaking change would be a new major version.
`;

/** The section a change's bullet goes to: its kind's (KINDS), or Breaking when it breaks. */
function sectionOf(change: Change): Section {
  if (change.corrected) return 'Corrected';
  return change.breaking ? 'Breaking' : KINDS[change.kind].section;
}

/** HEAD operations follow their GET (a decorator adds them): one line says both. */
function withoutHeadTwins(changes: Change[]): Change[] {
  const keys = new Set(changes.map((c) => `${c.kind} ${c.operation}`));
  return changes.filter((c) => {
    if (!c.operation?.startsWith('HEAD ')) return true;
    return !keys.has(`${c.kind} ${c.operation.replace(/^HEAD /, 'GET ')}`);
  });
}

export function renderEntry(version: string, date: string, diffs: DocumentDiff[]): string {
  const groups = new Map<Section, string[]>(SECTIONS.map((g) => [g, []]));
  let documentation = 0;
  for (const diff of diffs) {
    for (const change of withoutHeadTwins(diff.changes)) {
      const section = sectionOf(change);
      // Descriptions and examples are counted; unused components are not listed.
      if (change.kind === 'documentation') documentation++;
      if (section === 'none') continue;
      const why = change.corrected ? ` ${change.corrected}` : '';
      groups.get(section)!.push(`${TITLES[diff.alias] ?? `${diff.alias}: `}${change.message}${why}`);
    }
  }
  if (documentation > 0)
    groups
      .get('Changed')!
      .push(`Descriptions and examples reworded in ${documentation} place${documentation > 1 ? 's' : ''}.`);
  const lines = [`## ${version} — ${date}`, ''];
  const nonEmpty = SECTIONS.filter((g) => groups.get(g)!.length > 0);
  if (nonEmpty.length === 0) lines.push('No change to the API description.', '');
  for (const group of nonEmpty) {
    lines.push(`### ${group}`, '', ...groups.get(group)!.map((line) => `- ${line}`), '');
  }
  return lines.join('\n');
}

/** The first release has nothing to be compared with. */
export function firstEntry(version: string, date: string): string {
  return `## ${version} — ${date}\n\n### Added\n\n- First machine-readable description of the API.\n`;
}

export function hasEntry(changelog: string, version: string): boolean {
  return new RegExp(`^## ${version.replace(/\./g, '\\.')} `, 'm').test(changelog);
}

/** The changelog with `entry` above the newest one (the header is kept or created). */
export function insertEntry(changelog: string | undefined, entry: string): string {
  const text = changelog?.trim() ? changelog : HEADER;
  const first = text.search(/^## /m);
  const block = `${entry.trimEnd()}\n\n`;
  if (first < 0) return `${text.trimEnd()}\n\n${block}`.replace(/\n+$/, '\n');
  return `${text.slice(0, first)}${block}${text.slice(first)}`;
}
