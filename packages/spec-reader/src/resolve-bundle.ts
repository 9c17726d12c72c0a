// Bundles a multi-file document by resolving its `$ref`s on the parsed YAML,
// the way Redocly's bundler does (same walk order, same component names, the
// same decorators applied), without loading Redocly: ~0.15 s instead of ~0.9 s
// for the main document. It covers what this spec is written with: whole-file
// `$ref`s, local `#/...` refs in the root, discriminator mappings to files.
// Anything else — a URL, a fragment into another file, a `$ref` with
// siblings, a parse error, an unresolved file — answers `undefined`, and the
// caller bundles with Redocly, which also words the problems.
import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPI3 } from 'openapi-typescript';
import { type BundleConfig, bundleConfig, type DecoratorVisitor } from './light-config.js';
import { COMPONENT_OF, WALK_TYPES, type WalkTypeName } from './oas-walk-types.js';
import { segmentsOf } from './pointer.js';
import { parseCached } from './yaml-cache.js';

type Node = Record<string, unknown>;

/** Where a node was found: a file and a pointer in it (`#/` for the file itself). */
interface Target {
  node: unknown;
  file: string;
  pointer: string;
}

class Unsupported extends Error {
  constructor() {
    super();
    if (process.env.SPEC_READER_DEBUG) console.error(this.stack);
  }
}

export interface ResolvedBundle {
  rootFile: string;
  document: OpenAPI3;
  files: string[];
}

/** The bundle of `alias`, or undefined when it needs Redocly (see above). */
export async function resolveBundle(alias: string, cwd: string): Promise<ResolvedBundle | undefined> {
  const config = await bundleConfig(cwd, alias);
  if (!config) return undefined;
  try {
    return new Bundler(config).run();
  } catch (error) {
    if (error instanceof Unsupported || isParseOrReadError(error)) return undefined;
    throw error;
  }
}

function isParseOrReadError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'YAMLException' || 'code' in error);
}

const isObject = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isRef = (value: unknown): value is Node & { $ref: string } => isObject(value) && typeof value.$ref === 'string';

class Bundler {
  private readonly documents = new Map<string, unknown>();
  /** The file each parsed document's top node came from: found again after the bundle moved it. */
  private readonly origins = new Map<unknown, string>();
  private readonly seen = new Map<WalkTypeName, Set<unknown>>();
  private readonly rootFile: string;
  private root!: Node;
  private components!: Record<string, Node>;

  constructor(private readonly config: BundleConfig) {
    this.rootFile = config.rootFile;
  }

  run(): ResolvedBundle {
    const root = this.load(this.rootFile);
    if (!isObject(root) || typeof root.openapi !== 'string' || !root.openapi.startsWith('3.1')) throw new Unsupported();
    this.root = root;
    root.components ??= {};
    this.components = root.components as Record<string, Node>;
    this.walk(root, 'Root', this.rootFile, undefined, '');
    assertAllLocal(root);
    return { rootFile: this.rootFile, document: root as unknown as OpenAPI3, files: [...this.documents.keys()] };
  }

  private load(file: string): unknown {
    let document = this.documents.get(file);
    if (document === undefined) {
      document = parseCached(fs.readFileSync(file, 'utf8'));
      this.documents.set(file, document);
      if (isObject(document)) this.origins.set(document, file);
    }
    return document;
  }

  /** Resolves `ref` written in `from`, following a chain of plain `$ref`s. */
  private resolve(ref: string, from: string): Target {
    let file = from;
    let pointer = '#/';
    let node: unknown;
    for (let hops = 0; ; hops++) {
      if (hops > 10 || /^[a-z]+:/i.test(ref)) throw new Unsupported();
      const hash = ref.indexOf('#');
      const uri = hash < 0 ? ref : ref.slice(0, hash);
      const fragment = hash < 0 ? '' : ref.slice(hash);
      if (uri) {
        if (fragment && fragment !== '#' && fragment !== '#/') throw new Unsupported();
        file = path.resolve(path.dirname(file), uri);
        node = this.load(file);
        pointer = '#/';
      } else {
        if (file !== this.rootFile) throw new Unsupported();
        node = this.root;
        for (const segment of segmentsOf(fragment)) {
          if (!isObject(node) && !Array.isArray(node)) throw new Unsupported();
          node = (node as Node)[segment];
        }
        if (node === undefined) throw new Unsupported();
        // A component this bundle already pulled in from its file.
        const origin = this.origins.get(node);
        ({ file, pointer } = origin ? { file: origin, pointer: '#/' } : { file, pointer: fragment });
      }
      if (!isRef(node)) return { node, file, pointer };
      if (Object.keys(node).length > 1) throw new Unsupported();
      ref = node.$ref;
    }
  }

  private walk(node: unknown, type: WalkTypeName, file: string, parent: Node | unknown[] | undefined, key: string) {
    if (!isRef(node)) return this.visit(node, type, file);
    const target = this.resolve(node.$ref, file);
    this.visit(target.node, type, target.file);
    // Keys written beside the `$ref` (3.1) are walked too, from the ref's own file.
    const siblings = Object.keys(node).filter((k) => k !== '$ref' && node[k] !== (target.node as Node | null)?.[k]);
    for (const [prop, child] of childrenOf(type, node, siblings)) this.walk(node[prop], child, file, node, prop);
    this.bundleRef(node, target, type, file, parent, key);
  }

  /** Walks a resolved node once per type, children in Redocly's order, running the decorators. */
  private visit(node: unknown, type: WalkTypeName, file: string) {
    if (node === null || typeof node !== 'object') return;
    let seen = this.seen.get(type);
    if (!seen) this.seen.set(type, (seen = new Set()));
    if (seen.has(node)) return;
    seen.add(node);
    const visitors = this.config.decorators[type];
    const ctx = visitors && this.context(file);
    for (const visitor of visitors ?? []) visitor.enter?.(node, ctx!);
    const items = WALK_TYPES[type].items;
    if (Array.isArray(node)) {
      if (items) for (const [i, item] of node.entries()) this.walk(item, items, file, node, String(i));
    } else {
      const record = node as Node;
      for (const [prop, child] of childrenOf(type, record)) this.walk(record[prop], child, file, record, prop);
      if (type === 'Discriminator' && isObject(record.mapping)) this.bundleMapping(record.mapping, file);
    }
    for (const visitor of visitors ?? []) visitor.leave?.(node, ctx!);
  }

  /** What a decorator's visitor may use of Redocly's context. */
  private context(file: string) {
    return {
      resolve: (node: unknown) => {
        if (!isRef(node)) return { node };
        return { node: this.resolve(node.$ref, node.$ref.startsWith('#/components/') ? this.rootFile : file).node };
      },
      report: () => {
        throw new Unsupported();
      },
    };
  }

  // The bundler's rule for one `$ref`: a local ref of the root stays; a
  // component moves to `#/components/<kind>/<name>`; anything else is inlined.
  private bundleRef(ref: Node, target: Target, type: WalkTypeName, file: string, parent: unknown, key: string) {
    if (target.file === this.rootFile && file === this.rootFile) return;
    const kind = COMPONENT_OF[type];
    if (kind) {
      ref.$ref = this.saveComponent(kind, target);
      return;
    }
    if (!isObject(target.node)) {
      if (parent) (parent as Node)[key] = target.node;
      return;
    }
    delete ref.$ref;
    Object.assign(ref, { ...target.node, ...ref });
  }

  /** Discriminator mappings to files become component refs; their schemas are walked first. */
  private bundleMapping(mapping: Node, file: string) {
    for (const [name, value] of Object.entries(mapping)) {
      if (typeof value !== 'string' || !isMappingRef(value)) continue;
      const target = this.resolve(value, file);
      this.visit(target.node, 'Schema', target.file);
      mapping[name] = this.saveComponent('schemas', target);
    }
  }

  private saveComponent(kind: string, target: Target): string {
    const group = (this.components[kind] ??= {});
    const base = target.pointer.split('/').pop() || path.basename(target.file).replace(/\.[^.]+$/, '');
    let name = base;
    for (let serial = 2; group[name] !== undefined && !this.sameComponent(group[name], target); serial++)
      name = `${base}-${serial}`;
    // Redocly warns about a renamed component; the warning is not carried over.
    if (name !== base && group[name] === undefined) throw new Unsupported();
    group[name] = target.node;
    return `#/components/${kind}/${name}`;
  }

  private sameComponent(existing: unknown, target: Target): boolean {
    if (isRef(existing)) {
      const at = this.resolve(existing.$ref, this.rootFile);
      if (at.file === target.file && at.pointer === target.pointer) return true;
    }
    return deepEqual(existing, target.node);
  }
}

/** The children of a node of `type` that can hold a `$ref`, in walk order (among `only`, if given). */
const DECLARED = new Map(
  Object.entries(WALK_TYPES).map(([type, spec]) => [type, new Set((spec.props ?? []).map(([prop]) => prop))]),
);

function childrenOf(type: WalkTypeName, record: Node, only?: string[]): Array<[string, WalkTypeName]> {
  const spec = WALK_TYPES[type];
  const wanted = (prop: string) => record[prop] !== undefined && (!only || only.includes(prop));
  const children: Array<[string, WalkTypeName]> = [];
  const declared = DECLARED.get(type)!;
  for (const [prop, child] of spec.props ?? []) if (wanted(prop)) children.push([prop, child]);
  if (spec.additional) {
    for (const prop of Object.keys(record)) {
      if (declared.has(prop) || (spec.extensions && prop.startsWith('x-')) || !wanted(prop)) continue;
      children.push([prop, spec.additional]);
    }
  }
  return children;
}

function isMappingRef(value: string): boolean {
  return value.startsWith('#') || value.includes('/') || /\.(ya?ml|json)$/i.test(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && deepEqual((a as Node)[k], (b as Node)[k]));
}

/** A `$ref` left to another file means a place the walk does not know: Redocly's turn. */
function assertAllLocal(root: Node) {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (isRef(node) && !node.$ref.startsWith('#/')) throw new Unsupported();
    stack.push(...Object.values(node));
  }
}

export type { DecoratorVisitor };
