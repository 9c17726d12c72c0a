// The JSON examples of the seed and the public reference, each tied to the
// operation it illustrates: request bodies (a curl's `-d`, or a JSON block
// after "Parameters:"/"Request:") and answers (a JSON block after "Returns 201
// Created", "Status: 200 OK"…) with their status; and the examples of a
// resource a page shows apart from any operation ("Example object:", the
// events of a stream), which say what answers hold. The Markdown is read by
// markdown-it, so fences, paragraphs and line numbers are the parser's; the
// curls are curl.ts's, found by the line they start on.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { jsonrepair } from 'jsonrepair';
import MarkdownIt from 'markdown-it';
import { type CurlExample, curlExamples, REFERENCE, referenceFiles } from './curl.js';

export interface JsonExample {
  /** `scalingo-api-docs/scalingo_api/apps.md:123`: the curl's line for its `-d`, else the JSON block's. */
  source: string;
  kind: 'request' | 'response';
  method: string;
  /** The URL as written (variables and `:placeholders` kept). */
  url: string;
  /** The section's endpoint line, when a curl gave `method` and `url`: a curl's URL may be a typo. */
  endpoint?: Endpoint;
  /** The answer's status, as the text before the block gives it; none when the text gives none. */
  status?: number;
  /** For a curl's `-d`: the status of the answer shown after it, if any (an error example's request). */
  answeredWith?: number;
  /** The JSON as written. */
  text: string;
  /** The JSON read (see `readJson`), or why it cannot be. */
  json: ReadJson;
}

/** A JSON block that is no request or answer of an operation, and why. */
export interface OtherBlock {
  source: string;
  reason: string;
  /** A JSON block's text, read: a caller may know better what it shows (a changelog's "New format:"). */
  text?: string;
  json?: ReadJson;
}

/** A page's example of a resource, outside any operation: "Example object:" at the top of a page. */
export interface ObjectExample {
  source: string;
  kind: 'object';
  /** The text that announced it (`Example object:`, `Status Event`). */
  intro: string;
  text: string;
  json: ReadJson;
}

export interface ReferenceExamples {
  examples: JsonExample[];
  objects: ObjectExample[];
  others: OtherBlock[];
}

export interface Endpoint {
  method: string;
  url: string;
}

const VERB = '(GET|POST|PUT|PATCH|DELETE|HEAD)';
/** An endpoint line: `` `POST https://$SCALINGO_API_URL/v1/apps` ``. */
const ENDPOINT_LINE = new RegExp(`^\`${VERB} ([^\`\\s]+)\`$`);
/** A block holding only a request line: `POST https://youraddon.com/resources`. */
const REQUEST_LINE = new RegExp(`^${VERB} (\\S+)$`);
const STATUS = /\b(?:Returns?|Response|Status:?)\s+(?:HTTP\/1\.[01]\s+)?_*(\d{3})\b/;
const REQUEST_INTRO = /^(?:Parameters|Params|Request)(?: example)?\s*:?$/i;
const REQUEST_HEADING = /^Parameters$/i;
/** "Generic Parameters:": the shape of every action, with placeholder values. */
const TEMPLATE_INTRO = /^Generic\b/i;
const RESPONSE_INTRO = /\b(?:Response|Result)\b/i;
const JSON_INFO = new Set(['json', 'js', 'javascript', '']);
/**
 * "Example object:", "Example of a deployment notification:", "Example of keepalive event", "Example of
 * error 500:": one resource, or an answer of no operation in particular.
 */
const OBJECT_INTRO = /^Example (?:object\b|of an? [\w-]+ notification\b|of [\w-]+ events?\b|of error \d{3}\b)/i;
/** "Events example": every block up to the next heading is one message of a stream. */
const MESSAGES_INTRO = /^Events? examples?$/i;
/** The start of a page's second column: a block right after it, announced by nothing, is the section's. */
const COLUMN = '||| col |||';

export function referenceExamples(root = REFERENCE): ReferenceExamples {
  const curls = curlExamples(root);
  const result: ReferenceExamples = { examples: [], objects: [], others: [] };
  for (const file of referenceFiles(root)) {
    readFile(relative(root, file), readFileSync(file, 'utf8'), curls, result);
  }
  return result;
}

const markdown = new MarkdownIt();

function readFile(name: string, text: string, curls: CurlExample[], result: ReferenceExamples): void {
  const tokens = markdown.parse(text, {});
  const ownCurls = curls.filter((c) => c.source.startsWith(`${name}:`));
  // What the section so far says: its endpoint line, its last curl, and what the
  // text since the last block announces (a request, or an answer's status).
  let endpoint: Endpoint | undefined;
  let curl: CurlExample | undefined;
  /** The request examples of the last curl, to tie to the answer shown after them. */
  let requests: JsonExample[] = [];
  let announced: Announced = { request: false, afterCurl: false };
  /** Stream messages follow ("Events example") until the next heading. */
  let messages = false;
  /**
   * A block alone at the top of a section's column, announced by nothing: the section's answer, or
   * its request when an answer follows it ("Response:") before the next heading.
   */
  let unannounced: JsonExample | undefined;
  /** A `##` heading came: the page's top row (its resource's attributes and example) is over. */
  let sectioned = false;
  for (const [index, token] of tokens.entries()) {
    const line = (token.map?.[0] ?? 0) + 1;
    const inline = tokens[index + 1]?.type === 'inline' ? tokens[index + 1]!.content.trim() : '';
    if (token.type === 'heading_open') {
      // A heading starts a new example; `##` and above a new endpoint too.
      if (Number(token.tag.slice(1)) <= 2) endpoint = undefined;
      // (The front matter's `title:` line reads as a setext heading: only `##` headings count.)
      sectioned ||= token.markup.startsWith('##');
      curl = undefined;
      messages = false;
      unannounced = undefined;
      announced = { request: REQUEST_HEADING.test(inline), afterCurl: false };
    } else if (token.type === 'paragraph_open') {
      const match = ENDPOINT_LINE.exec(inline);
      if (match) {
        // "`PATCH …` or `PUT …`": the first line names the section's operation.
        if (!endpoint || curl) endpoint = { method: match[1]!, url: match[2]! };
        curl = undefined;
        continue;
      }
      const status = STATUS.exec(inline);
      if (status) announced = { request: false, afterCurl: announced.afterCurl, status: Number(status[1]) };
      else if (TEMPLATE_INTRO.test(inline))
        announced = { request: false, afterCurl: false, template: true, intro: inline };
      else if (OBJECT_INTRO.test(inline) || MESSAGES_INTRO.test(inline)) {
        messages ||= MESSAGES_INTRO.test(inline);
        announced = { request: false, afterCurl: false, object: true, intro: inline.split('\n')[0] };
      } else {
        if (REQUEST_INTRO.test(inline)) announced = { request: true, afterCurl: false };
        else if (RESPONSE_INTRO.test(inline)) announced.response = true;
        announced.intro = inline.split('\n')[0];
      }
    } else if (token.type === 'fence') {
      const info = token.info.trim().split(/\s+/)[0]!.toLowerCase();
      const body = token.content.trim();
      const requestLine = REQUEST_LINE.exec(body);
      const inBlock = ownCurls.filter((c) => within(c, token.map!, name));
      if (inBlock.length > 0) {
        requests = [];
        for (const c of inBlock) {
          if (c.data === undefined || !/^[[{]/.test(c.data.trim())) continue;
          if (!/^https?:\/\//.test(c.url)) {
            result.others.push({ source: c.source, reason: `a request to ${c.url || 'no URL'}, not to an API` });
            continue;
          }
          requests.push({ source: c.source, kind: 'request', ...fromCurl(c, endpoint), ...read(c.data) });
          result.examples.push(requests.at(-1)!);
        }
        curl = inBlock.at(-1);
        announced = { request: false, afterCurl: true };
      } else if (requestLine) {
        endpoint = { method: requestLine[1]!, url: requestLine[2]! };
        curl = undefined;
        announced = { request: true, afterCurl: false };
      } else if (JSON_INFO.has(info) && /^[[{]/.test(body)) {
        const source = `${name}:${line}`;
        const target = curl ? fromCurl(curl, endpoint) : endpoint;
        const kind = kindOf(announced);
        // The page's top row shows its resource; a block alone in its column is that resource's example.
        const topObject = !target && !sectioned && announced.intro === COLUMN;
        if (announced.object || (messages && !kind) || topObject) {
          const intro = announced.intro ?? 'no text';
          result.objects.push({ source, kind: 'object', intro, ...read(body) });
        } else if (!target)
          result.others.push({
            source,
            reason: `no endpoint before it (${announced.intro ?? 'no text'})`,
            ...read(body),
          });
        else if (announced.template)
          result.others.push({ source, reason: `a template, not an example (${announced.intro})` });
        else if (!kind && announced.intro === COLUMN && !curl) {
          unannounced = { source, kind: 'response', ...target, ...read(body) };
          result.examples.push(unannounced);
        } else if (!kind)
          result.others.push({
            source,
            reason: `not announced as a request or answer (${announced.intro ?? 'no text'})`,
          });
        else {
          const status = kind === 'response' ? { status: announced.status } : {};
          if (kind === 'response' && curl) for (const request of requests) request.answeredWith ??= announced.status;
          if (kind === 'response' && unannounced) unannounced.kind = 'request';
          unannounced = undefined;
          result.examples.push({ source, kind, ...target, ...status, ...read(body) });
        }
        // A status holds for the blocks after it ("Before:", "After:") until the text says otherwise.
        announced = { request: false, afterCurl: false, status: announced.status };
      }
    }
  }
}

/** What the text since the last block announces the next JSON block to be. */
interface Announced {
  request: boolean;
  response?: boolean;
  status?: number;
  /** A curl block came last: a JSON block right after it is its answer. */
  afterCurl: boolean;
  /** A template of a shape (placeholder values), not an example. */
  template?: boolean;
  /** An example of a resource, outside any operation. */
  object?: boolean;
  intro?: string;
}

function kindOf(announced: Announced): JsonExample['kind'] | undefined {
  if (announced.status !== undefined || announced.response) return 'response';
  if (announced.request) return 'request';
  return announced.afterCurl ? 'response' : undefined;
}

function fromCurl(curl: CurlExample, endpoint: Endpoint | undefined): Endpoint & { endpoint?: Endpoint } {
  return { method: curl.method, url: curl.url, ...(endpoint ? { endpoint } : {}) };
}

function within(curl: CurlExample, [start, end]: [number, number], name: string): boolean {
  // `map` is 0-based [fence line, line after the closing fence); sources are 1-based.
  const line = Number(curl.source.slice(name.length + 1)) - 1;
  return line > start && line < end;
}

/**
 * A JSON example as the reference writes it: strict JSON; or JSON with the slips and
 * shorthands of hand-written docs (trailing commas, `// …` comments, `...`/`…` for
 * what is left out), read by jsonrepair and marked `elided` when something is left
 * out. A block cut short (`{"user": {`) is no JSON: jsonrepair would close it.
 */
export type ReadJson = { value: unknown; elided: boolean } | { error: string };

export function readJson(text: string): ReadJson {
  try {
    return { value: JSON.parse(text), elided: false };
  } catch (error) {
    const outside = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const closers = (t: string) => t.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/[^\]}]/g, '').length;
    const shorthand = text.replace(/\(\.\.\.\)|…/g, '...');
    try {
      const repaired = jsonrepair(shorthand);
      if (closers(repaired) !== closers(text)) return { error: `cut short: ${(error as Error).message}` };
      return { value: JSON.parse(repaired), elided: /\.\.\.|…|\/\/|\/\*/.test(outside) };
    } catch {
      return { error: (error as Error).message };
    }
  }
}

function read(text: string): { text: string; json: ReadJson } {
  return { text, json: readJson(text) };
}
