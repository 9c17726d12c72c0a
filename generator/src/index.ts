// The generator as a library: generate() returns files, write/ puts them on disk.
export { generate, clientTree, serverFiles, CLIENT_DIR, SERVER_DIR, type GenerateOptions, type GeneratedOutput, type GeneratedTree } from './generate.js';
export { loadSpec, type LoadedSpec } from './load/load-spec.js';
export { SpecError, formatProblem, type SpecProblem } from './load/problems.js';
export { buildModel } from './model/build-model.js';
export type * from './model/types.js';
export { writeOutput, diffOutput } from './write/write-tree.js';
