// Run by a published package's build, after tsc, in the package's directory:
// `node ../../scripts/inline-private.mjs`.
//
// A published package cannot depend on a private workspace package (npm would
// look for it on the registry). It may still use a module of one that imports
// nothing — spec-reader's `pointer` and `methods` — by its subpath export
// (`@scalingo-openapi/spec-reader/pointer`): this script copies that module's
// built .js and .d.ts into the package's dist/inlined/ and points the imports
// of dist/ at the copy. The source stays in one place; the tarball is
// self-contained. Anything else of a private package named in dist/ (its main
// entry, a module with imports of its own) fails the build.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve('dist');
const inlined = path.join(dist, 'inlined');

/** @typedef {{ import?: string, types?: string }} ExportTarget */

/**
 * Name → directory and exports of every private workspace package.
 * @returns {Map<string, { dir: string, exports: Record<string, ExportTarget> }>}
 */
function privatePackages() {
  const found = new Map();
  const { workspaces } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const glob of workspaces) {
    const dirs = glob.endsWith('/*')
      ? fs
          .readdirSync(path.join(root, glob.slice(0, -2)))
          .map((/** @type {string} */ name) => path.join(root, glob.slice(0, -2), name))
      : [path.join(root, glob)];
    for (const dir of dirs) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (manifest.private) found.set(manifest.name, { dir, exports: manifest.exports ?? {} });
    }
  }
  return found;
}

/**
 * The .js and .d.ts files under `dir`.
 * @param {string} dir
 * @returns {Generator<string>}
 */
function* builtFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* builtFiles(file);
    else if (/\.(js|d\.ts)$/.test(entry.name)) yield file;
  }
}

/**
 * The module specifiers of a .js or .d.ts file, with where each sits in the text.
 * @param {string} text
 */
function specifiers(text) {
  return ts.preProcessFile(text, true, true).importedFiles;
}

const packages = privatePackages();
const privateOf = (/** @type {string} */ specifier) =>
  [...packages.keys()].find((name) => specifier === name || specifier.startsWith(`${name}/`));

/** @type {string[]} */
const failures = [];
/** @type {Map<string, string>} Subpath specifier → the copy's path under dist/inlined/. */
const copies = new Map();

/**
 * Copies a private module into dist/inlined/ once; undefined (and a failure) if it cannot be inlined.
 * @param {string} specifier `@scalingo-openapi/spec-reader/pointer`
 * @param {string} importer the built file importing it
 * @returns {string | undefined}
 */
function inline(specifier, importer) {
  if (copies.has(specifier)) return copies.get(specifier);
  const name = /** @type {string} */ (privateOf(specifier));
  const { dir, exports } = /** @type {{ dir: string, exports: Record<string, ExportTarget> }} */ (packages.get(name));
  const subpath = `.${specifier.slice(name.length)}`;
  const target = exports[subpath];
  const where = path.relative(dist, importer);
  if (subpath === '.' || !target?.import || !target.types) {
    failures.push(
      `${where} imports ${specifier}: ${name} is private; only a subpath export of a module importing nothing can be used`,
    );
    return undefined;
  }
  const copy = path.join(inlined, path.basename(dir), `${subpath.slice(2)}.js`);
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  /** @type {[string, string][]} */
  const pairs = [
    [target.import, copy],
    [target.types, copy.replace(/\.js$/, '.d.ts')],
  ];
  for (const [from, to] of pairs) {
    const source = path.join(dir, from);
    if (!fs.existsSync(source)) {
      failures.push(`${where} imports ${specifier}: ${path.relative(root, source)} is missing (build ${name} first)`);
      return undefined;
    }
    const text = fs.readFileSync(source, 'utf8');
    const imported = specifiers(text).map((f) => f.fileName);
    if (imported.length > 0) {
      failures.push(
        `${where} imports ${specifier}, which imports ${imported.join(', ')}: only a module importing nothing can be inlined`,
      );
      return undefined;
    }
    const origin = `${path.basename(dir)}/${path.relative(dir, source).split(path.sep).join('/')}`;
    const body = text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    fs.writeFileSync(to, `// Copied at build from the private workspace package's ${origin}: edit it there.\n${body}`);
  }
  copies.set(specifier, copy);
  return copy;
}

if (!fs.existsSync(dist)) {
  console.error(`${dist} is missing: run tsc first`);
  process.exit(1);
}
/** The copies some import of dist/ points at, this run's or an earlier run's. */
const needed = new Set();
/** @type {[string, RegExp][]} */
const quoted = [...packages.keys()].map((name) => [name, new RegExp(`['"]${name}(?=['"/])`)]);
for (const file of [...builtFiles(dist)]) {
  if (file.startsWith(`${inlined}${path.sep}`)) continue;
  let text = fs.readFileSync(file, 'utf8');
  const imported = specifiers(text);
  // Pointed at a copy by an earlier run (tsc rewrites only the files it emits).
  for (const { fileName } of imported) {
    const target = path.resolve(path.dirname(file), fileName);
    if (!fileName.startsWith('.') || !target.startsWith(`${inlined}${path.sep}`)) continue;
    if (fs.existsSync(target)) needed.add(target);
    else failures.push(`${path.relative(dist, file)} imports ${fileName}, which is missing: run the build again`);
  }
  // From the end, so the positions of the earlier specifiers stay right.
  const found = imported.filter((f) => privateOf(f.fileName)).sort((a, b) => b.pos - a.pos);
  for (const { fileName, pos } of found) {
    const copy = inline(fileName, file);
    if (!copy) continue;
    needed.add(copy);
    let relative = path.relative(path.dirname(file), copy).split(path.sep).join('/');
    if (!relative.startsWith('.')) relative = `./${relative}`;
    // `pos` is the opening quote's.
    const start = text.indexOf(fileName, pos);
    text = `${text.slice(0, start)}${relative}${text.slice(start + fileName.length)}`;
  }
  if (found.length > 0) fs.writeFileSync(file, text);
  // A specifier the parse missed (`require.resolve`, a name kept in a string) is a quoted name still.
  for (const [name, pattern] of quoted)
    if (pattern.test(text)) failures.push(`${path.relative(dist, file)} still names the private package ${name}`);
}

// dist/inlined/ is this script's alone: drop the copies no import needs any more.
if (fs.existsSync(inlined))
  for (const file of [...builtFiles(inlined)]) if (!needed.has(file.replace(/\.d\.ts$/, '.js'))) fs.rmSync(file);

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
if (copies.size > 0) console.log(`inlined into ${path.relative(root, dist)}: ${[...copies.keys()].sort().join(', ')}`);
