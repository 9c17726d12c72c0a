// Writes that readers see whole or not at all: a file through a sibling
// temporary file renamed over it; a directory built beside its target, then
// swapped in by renames. What the spec's tools write (the bundled documents,
// the generated trees and files, the root document `npm run register` edits,
// the docs site) goes through here.
import fs from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Puts the complete directory `staging` in place of `dir`, by renames on one file system: the
 * old `dir` (if any) moves to `retired` first, comes back if the swap fails (`staging` is then
 * removed), and is removed once the new one is in place.
 */
export async function replaceDirectory(staging: string, dir: string, retired: string): Promise<void> {
  const hadOld = await fs.rename(dir, retired).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    await fs.rename(staging, dir);
  } catch (error) {
    if (hadOld) await fs.rename(retired, dir);
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await fs.rm(retired, { recursive: true, force: true });
}
