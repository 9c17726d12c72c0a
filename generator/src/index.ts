// The generator as a library: generate() returns files, write/ puts them on disk.

export { formatProblem, SpecError, type SpecProblem } from '@scalingo-openapi/spec-reader';
export { functionName } from './emit/names.js';
export {
  CLIENT_DIR,
  clientTree,
  type GeneratedOutput,
  type GeneratedTree,
  type GenerateOptions,
  generate,
  SERVER_DIR,
  serverFiles,
} from './generate.js';
export { type LoadedSpec, loadSpec } from './load/load-spec.js';
export { buildModel } from './model/build-model.js';
export type * from './model/types.js';
export { diffOutput, writeOutput } from './write/write-tree.js';
