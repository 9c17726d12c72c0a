// @scalingo-openapi/spec-diff: the breaking-change gate. The pipeline is the
// folders: load (the two sides) → compare (Redocly's diff) → classify (our
// rule, one module per OpenAPI object) → report (text, changelog, the gate);
// release records a version. The CLIs (`npm run diff`, `npm run release`) sit on top.
export { classify } from './classify/classify.js';
export { constraintEffect, type Effect, patternEffect } from './classify/constraints.js';
export { compare } from './compare/compare.js';
export { type RedoclyChange, type RedoclyReport, redoclyDiff } from './compare/redocly-diff.js';
export { breaksByKind, KINDS, type KindInfo, type Rating, SECTIONS, type Section } from './kinds.js';
export { baseSide, releaseSide, revisionSide, SideError, type SideOptions, worktreeSide } from './load/spec-sources.js';
export {
  type BumpInput,
  planBump,
  planRecord,
  type RecordInput,
  releaseProblems,
} from './release/release-plan.js';
export { findRelease, INDEX_FILE, type ReleaseRecord, readReleases, SNAPSHOTS_DIR } from './release/releases.js';
export {
  bumpLockfile,
  bumpPackageJson,
  compareVersions,
  infoVersion,
  isVersion,
  setInfoVersion,
} from './release/versions.js';
export { CHANGELOG_FILE, firstEntry, HEADER, hasEntry, insertEntry, renderEntry } from './report/changelog.js';
export { changeLine, formatReport, place } from './report/format-report.js';
export { type GateResult, gate, major, majorChanged } from './report/gate.js';
export type * from './types.js';
