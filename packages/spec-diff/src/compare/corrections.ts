// Corrections: a change the gate rates breaking that only brings the spec in
// line with what the platform already sends and its official clients already
// read (issue "wire truth"). No client that worked against the real API can
// break on it, so the spec marks it where it changed:
//
//   x-scalingo-corrects:
//     - kind: field-removed
//       base: 1.0.0
//       why: go-scalingo decodes the maintenance unrooted (databases.go)
//
// on the node the change is reported at or any node above it in the bundled
// document. A matching change, against that base release only, stops counting
// as breaking and says why; once released, the mark excuses nothing more.
import { segmentsOf } from '@scalingo-openapi/spec-reader';
import type { Change } from '../types.js';
import { isObject, member } from '../walk/json.js';

export const CORRECTS = 'x-scalingo-corrects';

interface Correction {
  kind: string;
  /** The release whose description this corrects. */
  base: string;
  why: string;
}

/** The reason `document` gives for correcting `change`, if it does. */
export function correctionOf(document: unknown, change: Change, baseVersion: string): string | undefined {
  const nodes: unknown[] = [document];
  for (const segment of segmentsOf(change.pointer)) nodes.push(member(nodes.at(-1), segment));
  for (const candidate of nodes.reverse()) {
    const declared = member(candidate, CORRECTS);
    if (!Array.isArray(declared)) continue;
    const match = (declared as Correction[]).find(
      (c) => isObject(c) && c.kind === change.kind && String(c.base) === baseVersion,
    );
    if (match) return String(match.why);
  }
  return undefined;
}

/** Rates the changes the revision corrects as not breaking, with their reason. */
export function applyCorrections(document: unknown, changes: Change[], baseVersion: string): void {
  for (const change of changes) {
    if (!change.breaking) continue;
    const why = correctionOf(document, change, baseVersion);
    if (why === undefined) continue;
    change.breaking = false;
    change.corrected = why;
  }
}
