// Writes a file so that readers see either the old or the new content, never
// half of it: a sibling temporary file, then a rename over the target. What the
// spec's tools write (the bundled documents, the generated files, the root
// document `npm run register` edits) goes through here.
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
