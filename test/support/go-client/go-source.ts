// Parses the official Go client's sources (go-scalingo) with tree-sitter-go and
// indexes what the conformance test needs: the package-level string constants,
// the named types (structs with their json tags, and aliases), and the method
// declarations. Types are kept as a small tree (`GoType`) that says how
// encoding/json reads or writes them, so no caller looks at syntax nodes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, type Node, Parser } from 'web-tree-sitter';

export type GoType =
  | { kind: 'string' | 'bool' | 'int' | 'float' | 'time' | 'day' | 'any' }
  | { kind: 'named'; name: string }
  | { kind: 'pointer' | 'slice'; of: GoType }
  | { kind: 'map'; of: GoType }
  | { kind: 'struct'; fields: GoField[] };

/** A field as encoding/json sees it: its wire name, its type, whether it is left out when empty. */
export interface GoField {
  json: string;
  /** The Go name, for `x.Field` selectors. */
  goName: string;
  type: GoType;
  omitempty: boolean;
  /** An embedded struct without a tag: its fields are promoted. */
  embedded?: boolean;
  /** The wire name comes from a json tag (it wins a name conflict at the same depth). */
  tagged?: boolean;
}

export interface GoFunction {
  file: string;
  name: string;
  receiver?: string;
  line: number;
  params: Map<string, GoType>;
  body: Node | null;
}

export interface GoPackage {
  root: string;
  consts: Map<string, string>;
  types: Map<string, GoType>;
  functions: GoFunction[];
}

const BASIC: Record<string, GoType['kind']> = {
  string: 'string',
  bool: 'bool',
  byte: 'int',
  rune: 'int',
  int: 'int',
  int8: 'int',
  int16: 'int',
  int32: 'int',
  int64: 'int',
  uint: 'int',
  uint8: 'int',
  uint16: 'int',
  uint32: 'int',
  uint64: 'int',
  float32: 'float',
  float64: 'float',
  any: 'any',
  error: 'any',
};

// Types from other packages, as encoding/json sees them.
const QUALIFIED: Record<string, GoType> = {
  'time.Time': { kind: 'time' },
  'time.Duration': { kind: 'int' },
  'json.RawMessage': { kind: 'any' },
  'url.Values': { kind: 'map', of: { kind: 'slice', of: { kind: 'string' } } },
};

// Types whose own UnmarshalJSON parses a bare day (`"2006-01-02"`), not an instant.
const DAY_LAYOUT = /time\.Parse\(\s*(`"2006-01-02"`|BillingMonthDateFormat)/;

let parser: Parser | undefined;

async function goParser(): Promise<Parser> {
  if (parser) return parser;
  const require = createRequire(import.meta.url);
  await Parser.init();
  const go = await Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm'));
  parser = new Parser();
  parser.setLanguage(go);
  return parser;
}

export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'interpreted_string_literal') return JSON.parse(node.text);
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  return undefined;
}

/** Reads every non-test `.go` file of the package directory `root` (and of `subdirs`). */
export async function readGoPackage(root: string, subdirs: string[] = []): Promise<GoPackage> {
  const goParse = await goParser();
  const pkg: GoPackage = { root, consts: new Map(), types: new Map(), functions: [] };
  const dayTypes = new Set<string>();
  for (const dir of ['', ...subdirs]) {
    for (const name of fs.readdirSync(path.join(root, dir)).sort()) {
      if (!name.endsWith('.go') || name.endsWith('_test.go')) continue;
      const file = path.join(dir, name);
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const tree = goParse.parse(text);
      if (!tree) throw new Error(`${file}: tree-sitter-go could not parse the file`);
      for (const decl of tree.rootNode.namedChildren) {
        if (!decl) continue;
        if (decl.type === 'const_declaration') readConsts(decl, pkg.consts);
        else if (decl.type === 'type_declaration') readTypes(decl, pkg.types, dir);
        else if (decl.type === 'method_declaration' || decl.type === 'function_declaration') {
          const fn = readFunction(decl, file);
          pkg.functions.push(fn);
          if (fn.name === 'UnmarshalJSON' && fn.receiver && DAY_LAYOUT.test(decl.text)) dayTypes.add(fn.receiver);
        }
      }
    }
  }
  for (const name of dayTypes) pkg.types.set(name, { kind: 'day' });
  return pkg;
}

function readConsts(decl: Node, consts: Map<string, string>): void {
  for (const spec of decl.namedChildren) {
    if (spec?.type !== 'const_spec') continue;
    const value = stringValue(spec.childForFieldName('value')?.namedChild(0));
    const name = spec.childForFieldName('name')?.text;
    if (name && value !== undefined) consts.set(name, value);
  }
}

// A sub-package's types are known by their qualified name (`billing.Profile`), and by
// their bare name inside it when the root package has no type of that name.
function readTypes(decl: Node, types: Map<string, GoType>, dir: string): void {
  for (const spec of decl.namedChildren) {
    if (spec?.type !== 'type_spec' && spec?.type !== 'type_alias') continue;
    const name = spec.childForFieldName('name')?.text;
    const type = spec.childForFieldName('type');
    if (!name || !type) continue;
    if (dir) types.set(`${path.basename(dir)}.${name}`, readType(type));
    if (!dir || !types.has(name)) types.set(name, readType(type));
  }
}

/** The GoType of a type expression. */
export function readType(node: Node): GoType {
  switch (node.type) {
    case 'type_identifier': {
      const basic = BASIC[node.text];
      return basic ? ({ kind: basic } as GoType) : { kind: 'named', name: node.text };
    }
    case 'qualified_type':
      return QUALIFIED[node.text] ?? { kind: 'named', name: node.text };
    case 'pointer_type':
      return { kind: 'pointer', of: readType(node.namedChild(0) as Node) };
    case 'slice_type':
    case 'array_type':
      return { kind: 'slice', of: readType(node.childForFieldName('element') as Node) };
    case 'map_type':
      return { kind: 'map', of: readType(node.childForFieldName('value') as Node) };
    case 'struct_type':
      return { kind: 'struct', fields: readFields(node) };
    case 'parenthesized_type':
      return readType(node.namedChild(0) as Node);
    default:
      // interface{}, generics, function and channel types: nothing JSON can be checked against.
      return { kind: 'any' };
  }
}

function readFields(struct: Node): GoField[] {
  const fields: GoField[] = [];
  const list = struct.namedChildren.find((c) => c?.type === 'field_declaration_list');
  for (const decl of list?.namedChildren ?? []) {
    if (decl?.type !== 'field_declaration') continue;
    const typeNode = decl.childForFieldName('type') as Node;
    const tag = decl.childForFieldName('tag');
    const json = tag ? /json:"([^"]*)"/.exec(stringValue(tag) ?? '')?.[1] : undefined;
    const names = decl.childrenForFieldName('name').filter((n): n is Node => n !== null);
    const [wire, ...options] = (json ?? '').split(',');
    if (wire === '-') continue;
    const type = readType(typeNode);
    if (names.length === 0) {
      // Embedded: promoted fields unless a tag names it.
      const goName = typeNode.text.replace(/^\*/, '').replace(/^\w+\./, '');
      if (wire) fields.push({ json: wire, goName, type, omitempty: options.includes('omitempty'), tagged: true });
      else fields.push({ json: '', goName, type, omitempty: false, embedded: true });
      continue;
    }
    for (const name of names) {
      if (!/^[A-Z]/.test(name.text)) continue; // unexported: never on the wire
      fields.push({
        json: wire || name.text,
        goName: name.text,
        type,
        omitempty: options.includes('omitempty'),
        tagged: Boolean(wire),
      });
    }
  }
  return fields;
}

function readFunction(decl: Node, file: string): GoFunction {
  const params = new Map<string, GoType>();
  let receiver: string | undefined;
  const receiverList = decl.type === 'method_declaration' ? decl.childForFieldName('receiver') : null;
  for (const param of receiverList?.namedChildren ?? []) {
    const type = param?.childForFieldName('type');
    if (!type) continue;
    receiver = type.text.replace(/^\*/, '');
    const name = param?.childForFieldName('name')?.text;
    if (name) params.set(name, readType(type));
  }
  for (const param of decl.childForFieldName('parameters')?.namedChildren ?? []) {
    const type = param?.childForFieldName('type');
    if (!type) continue;
    for (const name of param?.childrenForFieldName('name') ?? []) if (name) params.set(name.text, readType(type));
  }
  return {
    file,
    name: decl.childForFieldName('name')?.text ?? '',
    receiver,
    line: decl.startPosition.row + 1,
    params,
    body: decl.childForFieldName('body'),
  };
}

/** Follows named types to what encoding/json sees (a struct, a slice, a basic kind…). */
export function resolve(pkg: GoPackage, type: GoType, seen = new Set<string>()): GoType {
  if (type.kind !== 'named') return type;
  if (seen.has(type.name)) return { kind: 'any' };
  const target = pkg.types.get(type.name);
  if (!target) return { kind: 'any' };
  return resolve(pkg, target, new Set([...seen, type.name]));
}

/**
 * The fields of a struct type, embedded structs' fields promoted by encoding/json's
 * rule: of the fields sharing a wire name, the shallowest wins; at equal depth a
 * single tagged one wins, and otherwise none is on the wire.
 */
export function structFields(pkg: GoPackage, type: GoType): GoField[] | undefined {
  const found = promoted(pkg, type, 0, new Set());
  if (!found) return undefined;
  const byName = new Map<string, Array<{ field: GoField; depth: number }>>();
  for (const entry of found) byName.set(entry.field.json, [...(byName.get(entry.field.json) ?? []), entry]);
  const fields: GoField[] = [];
  for (const entries of byName.values()) {
    const depth = Math.min(...entries.map((e) => e.depth));
    const shallowest = entries.filter((e) => e.depth === depth);
    const tagged = shallowest.filter((e) => e.field.tagged);
    const winner = shallowest.length === 1 ? shallowest[0] : tagged.length === 1 ? tagged[0] : undefined;
    if (winner) fields.push(winner.field);
  }
  return fields;
}

function promoted(
  pkg: GoPackage,
  type: GoType,
  depth: number,
  seen: Set<string>,
): Array<{ field: GoField; depth: number }> | undefined {
  const resolved = resolve(pkg, type.kind === 'pointer' ? type.of : type);
  if (resolved.kind !== 'struct') return undefined;
  const fields: Array<{ field: GoField; depth: number }> = [];
  for (const field of resolved.fields) {
    if (!field.embedded) {
      fields.push({ field, depth });
      continue;
    }
    const key = JSON.stringify(field.type);
    if (seen.has(key)) continue;
    fields.push(...(promoted(pkg, field.type, depth + 1, new Set([...seen, key])) ?? []));
  }
  return fields;
}
