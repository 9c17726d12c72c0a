// The record of releases, committed so that no tag is needed to find the base
// of a diff: `openapi/releases.json` (the index, newest first) and
// `openapi/releases/<version>/<document>.json` (the bundled documents of each
// release, as `npm run bundle` writes them).
import fs from 'node:fs/promises';
import path from 'node:path';
import { documents } from '@scalingo-openapi/spec-reader';
import type { Json } from '../types.js';

export const INDEX_FILE = 'openapi/releases.json';
export const SNAPSHOTS_DIR = 'openapi/releases';

export interface ReleaseRecord {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  tag: string;
  /** Folder of the snapshot, relative to the repository root. */
  snapshot: string;
}

interface IndexFile {
  $comment?: string;
  releases: ReleaseRecord[];
}

const COMMENT =
  'Releases of the spec, newest first, written by `npm run release`. Each snapshot holds the bundled documents of that release; the last one is the default base of `npm run diff`.';

export async function readReleases(cwd: string): Promise<ReleaseRecord[]> {
  const text = await fs.readFile(path.join(cwd, INDEX_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  return (JSON.parse(text) as IndexFile).releases;
}

export function findRelease(releases: ReleaseRecord[], name: string): ReleaseRecord | undefined {
  const version = name.replace(/^v/, '');
  return releases.find((r) => r.version === version);
}

/** Where each document of a release snapshot lives, by alias. */
export function snapshotFiles(record: Pick<ReleaseRecord, 'snapshot'>): Map<string, string> {
  return new Map(
    Object.entries(documents).map(([alias, { output }]) => [alias, path.join(record.snapshot, `${output}.json`)]),
  );
}

export function newRecord(version: string, date: string): ReleaseRecord {
  return { version, date, tag: `v${version}`, snapshot: `${SNAPSHOTS_DIR}/${version}` };
}

/** The index with `record` first; a record of the same version is replaced. */
export function indexWith(releases: ReleaseRecord[], record: ReleaseRecord): string {
  const index: IndexFile = {
    $comment: COMMENT,
    releases: [record, ...releases.filter((r) => r.version !== record.version)],
  };
  return `${JSON.stringify(index, null, 2)}\n`;
}

/** The files of a snapshot: path relative to the root → content. */
export function snapshotContents(record: ReleaseRecord, bundled: Map<string, Json>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [alias, file] of snapshotFiles(record)) {
    const document = bundled.get(alias);
    if (document) files.set(file, `${JSON.stringify(document, null, 2)}\n`);
  }
  return files;
}
