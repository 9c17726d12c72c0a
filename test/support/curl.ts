// The `curl` examples of the seed and the public reference, read as a shell
// would: continued lines joined, quotes and `$VARIABLES` honoured, `-X`,
// `-H`, `-d`, `-u` collected. What a replay sends is exactly what is written,
// with the variables bound to a test server's values.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const REFERENCE = '/work/shared/reference';

export interface CurlExample {
  /** `scalingo_api/apps.md:123` */
  source: string;
  method: string;
  /** The URL as written, variables unexpanded. */
  url: string;
  headers: Array<[string, string]>;
  /** `-d` data, as written (several `-d` joined with `&`, as curl does). */
  data?: string;
  /** `-u user:password`, as written. */
  user?: string;
  /** Flags other than the ones above (`--upload-file`, `--form`…). */
  other: string[];
}

/** Every curl command in the Markdown and text files under `root`. */
export function curlExamples(root = REFERENCE): CurlExample[] {
  const examples: CurlExample[] = [];
  for (const file of referenceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*curl\s/.test(lines[i]!)) continue;
      let command = lines[i]!;
      let end = i;
      // Backslash continuations, quotes left open across lines (multi-line -d
      // bodies), and indented flags after a forgotten backslash (the reference has some).
      const continues = (next: string | undefined) => next !== undefined && /^\s+-[A-Za-z-]/.test(next);
      while (end + 1 < lines.length && (/\\\s*$/.test(command) || openQuote(command) || continues(lines[end + 1]))) {
        command = /\\\s*$/.test(command)
          ? `${command.replace(/\\\s*$/, '')} ${lines[++end]}`
          : `${command}\n${lines[++end]}`;
      }
      examples.push(parse(command, `${relative(root, file)}:${i + 1}`));
      i = end;
    }
  }
  return examples;
}

/** The Markdown and text files under `dir`, sorted, the official clients' sources left out. */
export function referenceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'official-clients' ? [] : referenceFiles(path);
      return /\.(md|txt)$/.test(name) ? [path] : [];
    });
}

function openQuote(command: string): boolean {
  let quote: string | undefined;
  for (const char of command) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
  }
  return quote !== undefined;
}

/** Shell words: single quotes literal, double quotes keep `$VARS` for later expansion. */
function words(command: string): string[] {
  const result: string[] = [];
  let current = '';
  let started = false;
  let quote: string | undefined;
  for (const char of command) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) result.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) result.push(current);
  return result;
}

function parse(command: string, source: string): CurlExample {
  const tokens = words(command).slice(1);
  const example: CurlExample = { source, method: '', url: '', headers: [], other: [] };
  const data: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = () => tokens[++i] ?? '';
    if (token === '-X' || token === '--request') example.method = next().toUpperCase();
    else if (token === '-H' || token === '--header') {
      const header = next();
      const colon = header.indexOf(':');
      example.headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (token === '-d' || token === '--data' || token === '--data-raw' || token === '--data-binary')
      data.push(next());
    else if (token === '-u' || token === '--user') example.user = next();
    else if (token === '-o' || token === '--output') next();
    else if (token === '-L' || token === '-v' || token === '-i' || token === '-s') continue;
    else if (token.startsWith('-')) {
      example.other.push(token);
      if (!tokens[i + 1]?.startsWith('-')) next();
    } else if (!example.url) example.url = token;
  }
  if (data.length > 0) example.data = data.join('&');
  // curl's defaults: POST when there is data, GET otherwise.
  example.method ||= data.length > 0 ? 'POST' : 'GET';
  return example;
}

/** Expands `$NAME` and `${NAME}` with `values`; unknown names are left as written. */
export function expand(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{?([A-Z][A-Z0-9_]*)\}?/g, (whole, name: string) => values[name] ?? whole);
}
