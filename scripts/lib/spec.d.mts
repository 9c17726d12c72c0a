// Types of spec.mjs (a re-export of @scalingo-openapi/spec-reader).
export { bundleSpec, documents, repoRoot } from '@scalingo-openapi/spec-reader';
