// Every HTTP call of the Go client, read from its syntax: which API client it goes
// through (`ScalingoAPI()`, `AuthAPI()`, `DBAPI(…)`), the method, the path (constants
// folded in, arguments as `{}`), the statuses it expects, the Go type its answer is
// decoded into (and the root key it is read by, for `map[string]T` answers) and what
// it sends (a JSON body for POST/PUT/PATCH, query parameters otherwise).
import type { Node } from 'web-tree-sitter';
import {
  type GoField,
  type GoFunction,
  type GoPackage,
  type GoType,
  readType,
  stringValue,
  structFields,
} from './go-source.js';

export type GoApi = 'regional' | 'auth' | 'database';

export interface GoCall {
  /** `apps.go:AppsList`, where the call is written. */
  site: string;
  api: GoApi;
  method: string;
  /** Path on the API's host, prefix included (`/v1/apps/{}`, `/api/databases/{}/backups`). */
  path: string;
  expected: number[];
  decoded?: GoType;
  /** The key the caller reads a `map[string]T` answer by. */
  rootKey?: string;
  sent?: GoType;
}

const API_OF: Record<string, GoApi> = { ScalingoAPI: 'regional', AuthAPI: 'auth', DBAPI: 'database' };
const PREFIX: Record<GoApi, string> = { regional: '/v1', auth: '/v1', database: '/api' };

// The helpers of go-scalingo's http client: method, default status, and which arguments
// (after ctx) are path segments, the payload and the answer.
const HELPERS: Record<string, { method: string; status: number; segments: number; payload?: number; data?: number }> = {
  ResourceGet: { method: 'GET', status: 200, segments: 2, payload: 2, data: 3 },
  ResourceList: { method: 'GET', status: 200, segments: 1, payload: 1, data: 2 },
  ResourceAdd: { method: 'POST', status: 201, segments: 1, payload: 1, data: 2 },
  ResourceUpdate: { method: 'PATCH', status: 200, segments: 2, payload: 2, data: 3 },
  ResourceDelete: { method: 'DELETE', status: 204, segments: 2 },
  SubresourceGet: { method: 'GET', status: 200, segments: 4, payload: 4, data: 5 },
  SubresourceGetSingleton: { method: 'GET', status: 200, segments: 3, payload: 3, data: 4 },
  SubresourceList: { method: 'GET', status: 200, segments: 3, payload: 3, data: 4 },
  SubresourceAdd: { method: 'POST', status: 201, segments: 3, payload: 3, data: 4 },
  SubresourceDelete: { method: 'DELETE', status: 204, segments: 4 },
  SubresourceUpdate: { method: 'PATCH', status: 200, segments: 4, payload: 4, data: 5 },
};

const STATUS: Record<string, number> = {
  StatusOK: 200,
  StatusCreated: 201,
  StatusAccepted: 202,
  StatusNoContent: 204,
  StatusNotFound: 404,
  StatusUnprocessableEntity: 422,
};

// `pagination.Request.ToURLValues()` (go-utils, not in this tree) sends these two.
const PAGINATION_QUERY: GoType = {
  kind: 'struct',
  fields: [
    { json: 'page', goName: 'Page', type: { kind: 'int' }, omitempty: true },
    { json: 'per_page', goName: 'PerPage', type: { kind: 'int' }, omitempty: true },
  ],
};

function* descendants(node: Node | null, type: string): Generator<Node> {
  if (!node) return;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === type) yield child;
    yield* descendants(child, type);
  }
}

/** Where a local name gets its value: `x := e`, `var x T = e`, `var x T`. */
function localOf(fn: GoFunction, name: string): { value?: Node; type?: Node } | undefined {
  for (const decl of descendants(fn.body, 'short_var_declaration')) {
    const left = decl.childForFieldName('left')?.namedChildren ?? [];
    const index = left.findIndex((n) => n?.text === name);
    if (index >= 0) return { value: decl.childForFieldName('right')?.namedChild(index) ?? undefined };
  }
  for (const spec of descendants(fn.body, 'var_spec')) {
    const names = spec.childrenForFieldName('name');
    const index = names.findIndex((n) => n?.text === name);
    if (index < 0) continue;
    return {
      type: spec.childForFieldName('type') ?? undefined,
      value: spec.childForFieldName('value')?.namedChild(index) ?? undefined,
    };
  }
  return undefined;
}

/** The Go type of an expression, as far as the function's locals and parameters tell. */
function typeOf(pkg: GoPackage, fn: GoFunction, expr: Node | null | undefined, depth = 0): GoType | undefined {
  if (!expr || depth > 8) return undefined;
  switch (expr.type) {
    case 'nil':
      return undefined;
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return { kind: 'string' };
    case 'int_literal':
      return { kind: 'int' };
    case 'float_literal':
      return { kind: 'float' };
    case 'true':
    case 'false':
      return { kind: 'bool' };
    case 'parenthesized_expression':
      return typeOf(pkg, fn, expr.namedChild(0), depth + 1);
    case 'unary_expression':
      return typeOf(pkg, fn, expr.childForFieldName('operand'), depth + 1);
    case 'composite_literal':
      return literalType(pkg, fn, expr, depth);
    case 'identifier': {
      const local = localOf(fn, expr.text);
      if (local?.type) return readType(local.type);
      if (local?.value) return typeOf(pkg, fn, local.value, depth + 1);
      return fn.params.get(expr.text);
    }
    case 'selector_expression': {
      const owner = typeOf(pkg, fn, expr.childForFieldName('operand'), depth + 1);
      const field = expr.childForFieldName('field')?.text;
      const match = owner && structFields(pkg, owner)?.find((f) => f.goName === field);
      return match ? match.type : { kind: 'any' };
    }
    case 'call_expression': {
      const callee = expr.childForFieldName('function');
      if (callee?.type === 'selector_expression' && callee.childForFieldName('field')?.text === 'ToURLValues')
        return PAGINATION_QUERY;
      if (callee?.text === 'strconv.Itoa' || callee?.text === 'fmt.Sprintf') return { kind: 'string' };
      return { kind: 'any' };
    }
    default:
      return { kind: 'any' };
  }
}

// `map[string]any{"app": params}` becomes a struct with one field per key, so a body
// built inline is checked like a declared one.
function literalType(pkg: GoPackage, fn: GoFunction, literal: Node, depth: number): GoType {
  const typeNode = literal.childForFieldName('type') as Node;
  const type = readType(typeNode);
  if (type.kind !== 'map') return type;
  const body = literal.childForFieldName('body');
  const fields: GoField[] = [];
  for (const element of body?.namedChildren ?? []) {
    if (element?.type !== 'keyed_element') continue;
    const [key, value] = element.namedChildren;
    const name = stringValue(key?.namedChild(0));
    if (name === undefined) return type;
    fields.push({
      json: name,
      goName: name,
      type: typeOf(pkg, fn, value?.namedChild(0), depth + 1) ?? type.of,
      omitempty: false,
    });
  }
  return fields.length > 0 ? { kind: 'struct', fields } : type;
}

/** A path expression folded to a template: constants inlined, everything else `{}`. */
function pathOf(pkg: GoPackage, fn: GoFunction, expr: Node | null | undefined, depth = 0): string {
  if (!expr || depth > 8) return '{}';
  const literal = stringValue(expr);
  if (literal !== undefined) return literal;
  if (expr.type === 'binary_expression')
    return (
      pathOf(pkg, fn, expr.childForFieldName('left'), depth + 1) +
      pathOf(pkg, fn, expr.childForFieldName('right'), depth + 1)
    );
  if (expr.type === 'identifier') {
    const constant = pkg.consts.get(expr.text);
    if (constant !== undefined) return constant;
    const local = localOf(fn, expr.text);
    if (local?.value && stringValue(local.value) !== undefined) return pathOf(pkg, fn, local.value, depth + 1);
    return '{}';
  }
  if (expr.type === 'call_expression' && expr.childForFieldName('function')?.text === 'fmt.Sprintf') {
    const [format] = expr.childForFieldName('arguments')?.namedChildren ?? [];
    return (stringValue(format) ?? '{}').replace(/%[sdv]/g, '{}');
  }
  return '{}';
}

/** The node a `req` argument stands for: the `APIRequest{…}` literal, inline or assigned. */
function requestLiteral(fn: GoFunction, arg: Node | null | undefined): Node | undefined {
  let node = arg;
  for (let i = 0; node && i < 4; i++) {
    if (node.type === 'unary_expression') node = node.childForFieldName('operand');
    else if (node.type === 'identifier') node = localOf(fn, node.text)?.value;
    else if (node.type === 'composite_literal') return node;
    else return undefined;
  }
  return undefined;
}

function keyedFields(literal: Node): Map<string, Node> {
  const fields = new Map<string, Node>();
  for (const element of literal.childForFieldName('body')?.namedChildren ?? []) {
    if (element?.type !== 'keyed_element') continue;
    const [key, value] = element.namedChildren;
    const expr = value?.namedChild(0);
    if (key && expr) fields.set(key.text, expr);
  }
  return fields;
}

/** What the answer is decoded into, and the root key a `map[string]T` answer is read by. */
function decodedOf(pkg: GoPackage, fn: GoFunction, arg: Node | null | undefined): Pick<GoCall, 'decoded' | 'rootKey'> {
  const decoded = typeOf(pkg, fn, arg);
  if (decoded?.kind !== 'map' || !arg) return { decoded };
  const name = arg.type === 'unary_expression' ? arg.childForFieldName('operand')?.text : arg.text;
  for (const index of descendants(fn.body, 'index_expression')) {
    if (index.childForFieldName('operand')?.text !== name) continue;
    const key = stringValue(index.childForFieldName('index'));
    if (key !== undefined)
      return {
        decoded: { kind: 'struct', fields: [{ json: key, goName: key, type: decoded.of, omitempty: false }] },
        rootKey: key,
      };
  }
  return { decoded };
}

function statusesOf(expr: Node | undefined): number[] | undefined {
  if (!expr) return undefined;
  const statuses = [...descendants(expr, 'selector_expression')]
    .map((s) => STATUS[s.childForFieldName('field')?.text ?? ''])
    .filter((s): s is number => s !== undefined);
  return statuses.length > 0 ? statuses : undefined;
}

function methodOf(expr: Node | undefined): string {
  if (!expr) return 'GET';
  const literal = stringValue(expr);
  if (literal) return literal;
  return (expr.childForFieldName('field')?.text ?? 'MethodGet').replace(/^Method/, '').toUpperCase();
}

export interface SkippedCall {
  site: string;
  reason: string;
}

/** Every call of the package, and the calls that cannot be read statically (with why). */
export function goCalls(pkg: GoPackage): { calls: GoCall[]; skipped: SkippedCall[] } {
  const calls: GoCall[] = [];
  const skipped: SkippedCall[] = [];
  for (const fn of pkg.functions) {
    for (const call of descendants(fn.body, 'call_expression')) {
      const callee = call.childForFieldName('function');
      if (callee?.type !== 'selector_expression') continue;
      const helper = callee.childForFieldName('field')?.text ?? '';
      const client = callee.childForFieldName('operand');
      const clientName = client?.type === 'call_expression' ? client.childForFieldName('function') : null;
      const api = API_OF[clientName?.childForFieldName('field')?.text ?? clientName?.text ?? ''];
      if (!api) continue;
      const site = `${fn.file}:${fn.receiver ? `${fn.receiver}.` : ''}${fn.name}`;
      const args = (call.childForFieldName('arguments')?.namedChildren ?? [])
        .filter((a): a is Node => a !== null)
        .slice(1);
      const shape = HELPERS[helper];
      if (shape) {
        const path = args
          .slice(0, shape.segments)
          .map((a) => pathOf(pkg, fn, a))
          .join('/');
        calls.push({
          site,
          api,
          method: shape.method,
          path: `${PREFIX[api]}/${path}`,
          expected: [shape.status],
          ...(shape.data !== undefined ? decodedOf(pkg, fn, args[shape.data]) : {}),
          sent: shape.payload !== undefined ? typeOf(pkg, fn, args[shape.payload]) : undefined,
        });
        continue;
      }
      if (helper !== 'DoRequest' && helper !== 'Do') continue;
      const literal = requestLiteral(fn, args[0]);
      if (!literal) {
        skipped.push({ site, reason: 'the request is not an APIRequest literal of this function' });
        continue;
      }
      const fields = keyedFields(literal);
      if (fields.has('URL')) {
        skipped.push({ site, reason: `another host (URL: ${fields.get('URL')?.text})` });
        continue;
      }
      const method = methodOf(fields.get('Method'));
      calls.push({
        site,
        api,
        method,
        path: PREFIX[api] + pathOf(pkg, fn, fields.get('Endpoint')),
        expected: statusesOf(fields.get('Expected')) ?? [200],
        ...(helper === 'DoRequest' ? decodedOf(pkg, fn, args[1]) : {}),
        sent: typeOf(pkg, fn, fields.get('Params')),
      });
    }
  }
  return { calls, skipped };
}
