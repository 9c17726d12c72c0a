// The vocabulary of spec evolution: a side (what is compared), a change (what
// differs, classified), a document's diff (its changes and versions).

/** A value of a parsed document: arbitrary JSON, narrowed where read (`walk/json.ts`). */
export type Json = unknown;

/** A place a person can jump to: `openapi/components/schemas/App.yaml:12:3`. */
export interface SourcePlace {
  file: string;
  line: number;
  col: number;
}

/** One bundled document of a side, and how to map its pointers to the source. */
export interface SideDocument {
  alias: string;
  document: Json;
  /** The deepest source place of a bundled-document pointer. */
  locate(pointer: string): SourcePlace;
}

/** What a diff compares: the working tree, a release, a git ref or a file. */
export interface Side {
  /** `working tree`, `release 1.0.0`, `HEAD~1`, `base.yaml`. */
  label: string;
  documents: Map<string, SideDocument>;
  /** Removes what was extracted for this side (git refs). */
  dispose?(): Promise<void>;
}

export type Direction = 'request' | 'response';

export type { ChangeKind } from './kinds.js';

import type { ChangeKind } from './kinds.js';

export interface Change {
  /** Redocly API alias of the document (`scalingo`, `addon-provider`, `streams`). */
  document: string;
  kind: ChangeKind;
  breaking: boolean;
  /** One sentence, no location: reused as the changelog bullet. */
  message: string;
  /** `POST /apps`, where the change is first seen. */
  operation?: string;
  /** Pointer in the bundled document: the revision's, or the base's when removed. */
  pointer: string;
  /** Pointer of the thing in the base, when it was removed, renamed or changed. */
  basePointer?: string;
  /** Where to look in the revision's source (for a removal: where the thing was). */
  place?: SourcePlace;
  /** Where a removed or renamed thing was in the base. */
  was?: SourcePlace;
  /** Redocly's rule, when the verdict is Redocly's. */
  rule?: string;
  /** Why a change rated breaking is not: the spec corrects itself to the real wire (`x-scalingo-corrects`). */
  corrected?: string;
}

export interface DocumentDiff {
  alias: string;
  baseVersion: string;
  revisionVersion: string;
  changes: Change[];
}
