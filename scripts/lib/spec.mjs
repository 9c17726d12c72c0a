// Kept for scripts/evolution until it moves into packages/spec-diff: reading
// the spec is @scalingo-openapi/spec-reader's.
export { bundleSpec, documents, repoRoot } from '@scalingo-openapi/spec-reader';
