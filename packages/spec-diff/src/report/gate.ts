// The rule CI enforces: a breaking change is allowed only when the document's
// major version changes (`info.version` 1.x → 2.0.0), since v1 promises to
// grow without breaking what exists and a major change is a v2.
import type { Change, DocumentDiff } from '../types.js';

export interface GateResult {
  /** Breaking changes not covered by a major version change: each fails the gate. */
  violations: Change[];
  /** Breaking changes that a major version change allows. */
  allowed: Change[];
}

export function major(version: string): number {
  const match = /^v?(\d+)/.exec(version);
  return match ? Number(match[1]) : 0;
}

export function majorChanged(diff: Pick<DocumentDiff, 'baseVersion' | 'revisionVersion'>): boolean {
  return major(diff.revisionVersion) > major(diff.baseVersion);
}

export function gate(diffs: DocumentDiff[]): GateResult {
  const result: GateResult = { violations: [], allowed: [] };
  for (const diff of diffs) {
    const breaking = diff.changes.filter((c) => c.breaking);
    (majorChanged(diff) ? result.allowed : result.violations).push(...breaking);
  }
  return result;
}
