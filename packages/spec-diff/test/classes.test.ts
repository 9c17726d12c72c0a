// One fixture pair per class of change: packages/spec-diff/test/fixtures/base.yaml and
// <case>/revision.yaml, which differs by one change marked `# change` on the
// line the diff must name. Each is classified (kind, breaking or not) and
// placed at `file:line` of the revision.
import fs from 'node:fs';
import path from 'node:path';
import { baseSide, type ChangeKind, changeLine, compare, KINDS, revisionSide } from '@scalingo-openapi/spec-diff';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = 'packages/spec-diff/test/fixtures';

type Expected = { kinds: ChangeKind[]; breaking: boolean };
const grows = (...kinds: ChangeKind[]): Expected => ({ kinds, breaking: false });
const breaks = (...kinds: ChangeKind[]): Expected => ({ kinds, breaking: true });

const cases: Array<[string, Expected]> = [
  // The API grows: nothing that exists changes.
  ['operation-added', grows('operation-added')],
  ['field-added', grows('field-added')],
  ['enum-value-added', grows('enum-value-added')],
  // Redocly rates this major; our rule (the seed's events grew the same way) does not.
  ['enum-value-added-in-response', grows('enum-value-added')],
  ['parameter-added', grows('parameter-added')],
  ['status-added', grows('status-added')],
  ['deprecated', grows('deprecated')],
  ['documentation-only', grows('documentation')],
  // A vendor extension on a field (`x-scalingo-corrects`, `x-scalingo-evidence`) annotates it.
  ['extension-added', grows('documentation')],
  // ADR 0001's first rule: a union grows like an enum (Redocly: major).
  ['variant-added', grows('variant-added')],
  // A DELETE that takes a body (issue 10's bulk variable removal), optional.
  ['request-body-added', grows('request-body-added')],
  ['request-type-widened', grows('request-type-widened')],
  ['response-type-narrowed', grows('response-type-narrowed')],
  ['request-field-optional', grows('request-field-optional')],
  ['response-field-required', grows('response-field-required')],
  ['parameter-optional', grows('parameter-optional')],
  ['auth-requirement-relaxed', grows('auth-requirement-relaxed')],
  // No operation reaches it: no client sees it.
  ['component-changed', grows('component-changed')],
  // A schema both requests and responses use, with more values of its type (issue 10's dates).
  ['constraint-relaxed', grows('constraint-relaxed')],
  // Something that exists stops working as before.
  ['operation-removed', breaks('operation-removed')],
  ['operation-renamed', breaks('operation-renamed')],
  ['path-removed', breaks('path-removed')],
  ['path-renamed', breaks('path-renamed')],
  ['parameter-removed', breaks('parameter-removed')],
  ['parameter-renamed', breaks('parameter-renamed')],
  ['parameter-required', breaks('parameter-required')],
  ['field-removed', breaks('field-removed')],
  ['field-renamed', breaks('field-renamed')],
  // Redocly rates a field leaving a request a patch; a client sending it then fails.
  ['request-field-removed', breaks('field-removed')],
  ['enum-value-removed', breaks('enum-value-removed')],
  ['enum-value-removed-in-response', breaks('enum-value-removed')],
  // A renamed value is one gone (breaking) and one new.
  ['enum-value-renamed', breaks('enum-value-removed', 'enum-value-added')],
  ['request-type-narrowed', breaks('request-type-narrowed')],
  ['request-type-changed', breaks('request-type-narrowed')],
  ['parameter-type-narrowed', breaks('request-type-narrowed')],
  ['request-field-required', breaks('request-field-required')],
  ['response-field-optional', breaks('response-field-optional')],
  ['response-field-nullable', breaks('response-field-nullable')],
  // Redocly reads this as a type widened to "any" plus an anyOf added.
  ['response-field-nullable-anyof', breaks('response-field-nullable')],
  ['status-removed', breaks('status-removed')],
  ['auth-requirement-added', breaks('auth-requirement-added')],
  ['variant-removed', breaks('variant-removed')],
  ['request-body-removed', breaks('request-body-removed')],
  ['request-body-required', breaks('request-body-required')],
  // A response holding a JSON type it could not: a typed decoder fails, as on `null`.
  ['response-type-widened', breaks('response-type-widened')],
  // The shared schema narrowed: requests that were valid are refused.
  ['type-changed', breaks('type-changed')],
  // What the project names no kind for: Redocly's verdict (major: breaking).
  ['other', breaks('other')],
];

function markedLine(file: string): number {
  return (
    fs
      .readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes('# change')) + 1
  );
}

describe('every class of change', () => {
  test('each fixture folder has its case in the table', () => {
    const folders = fs
      .readdirSync(path.join(root, fixtures), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  test('every kind of change has a fixture pair, rated as KINDS declares', () => {
    const covered = new Set(cases.flatMap(([, { kinds }]) => kinds));
    expect(Object.keys(KINDS).filter((kind) => !covered.has(kind as ChangeKind))).toEqual([]);
    for (const [name, { kinds, breaking }] of cases)
      for (const kind of kinds)
        if (KINDS[kind].rating !== 'as-rated' && kinds.length === 1)
          expect(KINDS[kind].rating, name).toBe(breaking ? 'breaking' : 'compatible');
  });

  test.concurrent.each(cases)(
    '%s',
    async (name, { kinds, breaking }) => {
      const revisionFile = `${fixtures}/${name}/revision.yaml`;
      const base = await baseSide(`${fixtures}/base.yaml`, { cwd: root });
      const revision = await revisionSide(revisionFile, { cwd: root });
      const [diff] = await compare(base, revision);
      const changes = diff!.changes;
      expect(changes.map((c) => c.kind).sort()).toEqual([...kinds].sort());
      expect(changes.some((c) => c.breaking)).toBe(breaking);
      // The primary change (the one that breaks, or the only one) names the marked line.
      const primary = changes.find((c) => c.breaking) ?? changes[0]!;
      expect(changeLine(primary)).toMatch(
        new RegExp(
          `^${revisionFile}:${markedLine(revisionFile)}:\\d+ ${breaking ? 'BREAKING' : 'ok'} ${primary.kind}: `,
        ),
      );
    },
    60_000,
  );
});
