// Writes a file so that readers see either the old or the new content, never
// half of it: write a sibling temporary file, then rename over the target.
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * @param {string} file
 * @param {string | Uint8Array} content
 */
export async function writeAtomic(file, content) {
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
