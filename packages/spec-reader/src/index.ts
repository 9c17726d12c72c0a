// Reading the spec, once for every tool of the project: bundle, JSON pointers,
// `$ref` resolution, walks of operations and schemas, source locations; and
// the atomic writes every tool that writes the spec's outputs uses.
export { type BundledSpec, bundleSpec, declaredApis, type ReadOptions, readSpec } from './bundle.js';
export { deref, isRef } from './deref.js';
export { type DocumentEntry, documents, repoRoot } from './documents.js';
export { type LocatorOptions, SourceLocator, type SourcePlace } from './locate.js';
export { HTTP_METHODS, type HttpMethod, isHttpMethod } from './methods.js';
export { escapeSegment, operationPointer, pointerGet, pointerOf, segmentsOf, unescapeSegment } from './pointer.js';
export { formatProblem, SpecError, type SpecProblem } from './problems.js';
export { type OperationEntry, operations, walkSchemas } from './walk.js';
export { replaceDirectory, writeAtomic } from './write-atomic.js';
