// Prints a ts-morph structure once, with the generated-file header.
import type { SourceFileStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { generatedHeader } from './header.js';
import { printStructure, StructureKind } from './ts-morph.js';

const OPTIONS = { indentNumberOfSpaces: 2, useSingleQuote: true };

/** Returns the text `print` gives for `input`, or the one it gave last time for an equal input (--watch). */
export type PrintMemo = (input: unknown[], print: () => string) => string;

type Kind = (typeof StructureKind)[keyof typeof StructureKind];

/** The statements ts-morph puts a blank line before (its StatementStructurePrinter). */
const BLANK_BEFORE = new Set<Kind>([
  StructureKind.Class,
  StructureKind.Function,
  StructureKind.Interface,
  StructureKind.Module,
  StructureKind.Enum,
]);

/**
 * With a memo, each statement is printed on its own (again only when it
 * changed) and the file is joined the way ts-morph joins statements: a blank
 * line after a `}` and before a class or a function, a line break otherwise.
 * An edit to one operation then prints one function and one class again, not
 * a whole resource's file.
 */
export function printFile(structure: SourceFileStructure, memo?: PrintMemo): string {
  const text = memo && Array.isArray(structure.statements) ? joined(structure.statements, memo) : print(structure);
  return `${generatedHeader()}\n\n${text.trimEnd()}\n`;
}

const print = (structure: SourceFileStructure | StatementStructures) => printStructure(structure, OPTIONS);

function joined(statements: ReadonlyArray<string | WriterFunction | StatementStructures>, memo: PrintMemo): string {
  let text = '';
  for (const statement of statements) {
    if (typeof statement === 'function') return print({ kind: StructureKind.SourceFile, statements: [...statements] });
    const part = typeof statement === 'string' ? statement : memo(['statement', statement], () => print(statement));
    const blank = text.trimEnd().endsWith('}') || (typeof statement !== 'string' && BLANK_BEFORE.has(statement.kind));
    text += text === '' ? part : `${blank ? '\n\n' : '\n'}${part}`;
  }
  return text;
}
