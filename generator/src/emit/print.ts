// Prints a ts-morph structure once, with the generated-file header.
import { printStructure, type SourceFileStructure } from 'ts-morph';
import { generatedHeader } from './header.js';

export function printFile(structure: SourceFileStructure): string {
  const text = printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true });
  return `${generatedHeader()}\n\n${text.trimEnd()}\n`;
}
