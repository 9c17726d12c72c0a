// Prints a ts-morph structure once, with the generated-file header.
import type { SourceFileStructure } from 'ts-morph';
import { generatedHeader } from './header.js';
import { printStructure } from './ts-morph.js';

export function printFile(structure: SourceFileStructure): string {
  const text = printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true });
  return `${generatedHeader()}\n\n${text.trimEnd()}\n`;
}
