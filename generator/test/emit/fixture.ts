// The model and openapi-typescript's types of fixtures/emit, the small spec
// every emitter test reads: one operation per shape an emitter handles.
import path from 'node:path';
import { renderSchemaTypes, schemaAliases } from '../../src/emit/schema-types.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { buildModel } from '../../src/model/build-model.js';
import type { Operation, ResourceNode } from '../../src/model/types.js';

const spec = await loadSpec({ cwd: path.join(import.meta.dirname, '../fixtures/emit'), alias: 'scalingo' });

export const document = spec.document;
export const model = buildModel(spec);
export const types = await renderSchemaTypes(spec.document);
export const aliases = schemaAliases(types);

export function op(id: string): Operation {
  const operation = model.operations.find((o) => o.id === id);
  if (!operation) throw new Error(`no operation ${id} in fixtures/emit`);
  return operation;
}

export function node(name: string): ResourceNode {
  const found = model.resources.find((n) => n.name === name);
  if (!found) throw new Error(`no resource ${name} in fixtures/emit`);
  return found;
}

/** Every line of `text` that `want` lists, in that order (a table row names the lines it is about). */
export function linesOf(text: string, want: string[]): string[] {
  const lines = text.split('\n');
  return want.filter((line) => lines.includes(line));
}
