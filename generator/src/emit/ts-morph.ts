// The values the emitters take from ts-morph, loaded with require(). ts-morph
// is CommonJS: imported through Node's ESM loader it is first scanned for its
// export names (with the TypeScript it bundles), which costs as much again as
// running it (~0.4 s of every `generate`). Types still come from 'ts-morph'.
import { createRequire } from 'node:module';
import type * as Morph from 'ts-morph';

const morph: typeof Morph = createRequire(import.meta.url)('ts-morph');

export const { printStructure, Scope, StructureKind } = morph;
