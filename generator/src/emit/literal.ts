// The one printer of JavaScript literals in generated code: single quotes,
// unquoted identifier keys, 2-space indent. `inline` prints everything on one
// line (the operation specs); otherwise a short object of scalars stays on one
// line and the rest breaks, as a person would write it (the code samples).
import { propertyKey } from './names.js';

export interface LiteralOptions {
  /** Everything on one line. */
  inline?: boolean;
  /** Indentation of the line the literal starts on. */
  indent?: string;
}

const ONE_LINE_MAX = 60;

export function printLiteral(value: unknown, options: LiteralOptions = {}): string {
  const indent = options.indent ?? '';
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return String(value);
  const inner = `${indent}  `;
  const child = (v: unknown) => printLiteral(v, { inline: options.inline, indent: inner });
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (options.inline) return `[${value.map(child).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${child(v)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const oneLine = () => `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${child(v)}`).join(', ')} }`;
  if (options.inline) return oneLine();
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    const line = oneLine();
    if (line.length <= ONE_LINE_MAX) return line;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${child(v)},`).join('\n')}\n${indent}}`;
}

/** A single-quoted string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
