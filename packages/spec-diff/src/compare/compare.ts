// compare(base, revision): every document of both sides through Redocly's diff
// and the project's classification, each change placed in the source. Reads
// no argument and prints nothing: the CLIs do.
import { classify } from '../classify/classify.js';
import type { DocumentDiff, Json, Side, SideDocument } from '../types.js';
import { member } from '../walk/json.js';
import { applyCorrections } from './corrections.js';
import { redoclyDiff } from './redocly-diff.js';

export async function compare(base: Side, revision: Side): Promise<DocumentDiff[]> {
  const aliases = [...new Set([...base.documents.keys(), ...revision.documents.keys()])];
  return Promise.all(
    aliases.map((alias) => compareDocument(alias, base.documents.get(alias), revision.documents.get(alias))),
  );
}

async function compareDocument(
  alias: string,
  base: SideDocument | undefined,
  revision: SideDocument | undefined,
): Promise<DocumentDiff> {
  // A document one side lacks is compared as an empty one: all added, or all removed.
  const before = base?.document ?? empty(alias, revision?.document);
  const after = revision?.document ?? empty(alias, base?.document);
  const report = await redoclyDiff(before, after);
  const changes = classify(alias, report, before, after);
  applyCorrections(after, changes, versionOf(before));
  for (const change of changes) {
    if (revision) change.place = revision.locate(change.pointer);
    // Where a broken thing was: looked up only for those, since a release
    // snapshot is a large file to parse with positions.
    if (base && change.breaking && change.basePointer) change.was = base.locate(change.basePointer);
  }
  return { alias, baseVersion: versionOf(before), revisionVersion: versionOf(after), changes };
}

function empty(alias: string, other: Json): Json {
  return { openapi: member(other, 'openapi') ?? '3.1.0', info: { title: alias, version: '0.0.0' }, paths: {} };
}

function versionOf(document: Json): string {
  return String(member(member(document, 'info'), 'version') ?? '0.0.0');
}
