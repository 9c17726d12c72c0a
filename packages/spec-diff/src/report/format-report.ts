// The diff as a person reads it in a terminal or a CI log: one line per change,
// `file:line:col`, then whether it breaks, its kind and what it is.

import { KINDS } from '../kinds.js';
import type { Change, DocumentDiff, SourcePlace } from '../types.js';
import { gate, majorChanged } from './gate.js';

export const place = (p: SourcePlace | undefined) => (p ? `${p.file}:${p.line}:${p.col}` : '(no source)');

export function changeLine(change: Change): string {
  const was = change.was && change.kind !== 'field-added' ? ` (was ${place(change.was)})` : '';
  const verdict = change.breaking ? 'BREAKING' : change.corrected ? 'corrected' : 'ok';
  const why = change.corrected ? ` Corrected to the real wire: ${change.corrected}` : '';
  return `${place(change.place)} ${verdict} ${change.kind}: ${change.message}${was}${why}`;
}

export function formatReport(
  baseLabel: string,
  revisionLabel: string,
  diffs: DocumentDiff[],
  { verbose = false } = {},
): string {
  const lines = [`Spec changes from ${baseLabel} to ${revisionLabel}`];
  for (const diff of diffs) {
    const quiet = (c: Change) => KINDS[c.kind].section === 'none';
    const shown = verbose ? diff.changes : diff.changes.filter((c) => !quiet(c));
    const hidden = diff.changes.length - shown.length;
    const breaking = diff.changes.filter((c) => c.breaking).length;
    const versions =
      diff.baseVersion === diff.revisionVersion
        ? diff.revisionVersion
        : `${diff.baseVersion} → ${diff.revisionVersion}`;
    const counts = diff.changes.length === 0 ? 'no change' : `${diff.changes.length} change(s), ${breaking} breaking`;
    lines.push('', `${diff.alias} (${versions}): ${counts}`);
    // Breaking first: they are what a reader of a failed CI run looks for.
    for (const change of [...shown].sort((a, b) => Number(b.breaking) - Number(a.breaking)))
      lines.push(`  ${changeLine(change)}`);
    if (hidden > 0)
      lines.push(`  … and ${hidden} change(s) of descriptions, examples or unused components; --verbose lists them`);
  }
  const { violations, allowed } = gate(diffs);
  lines.push('');
  if (violations.length > 0) {
    lines.push(
      `${violations.length} breaking change(s) without a major version change. v1 grows but never breaks what exists:`,
    );
    for (const change of violations) lines.push(`  ${place(change.place)} ${change.kind}: ${change.message}`);
    lines.push('Keep what exists (add beside it, deprecate the old), or make a v2: `npm run release -- 2.0.0`.');
  } else if (allowed.length > 0) {
    const bumped = diffs
      .filter(majorChanged)
      .map((d) => `${d.alias} ${d.baseVersion} → ${d.revisionVersion}`)
      .join(', ');
    lines.push(`${allowed.length} breaking change(s), allowed by the major version change (${bumped}).`);
  } else {
    lines.push('No breaking change.');
  }
  return lines.join('\n');
}
