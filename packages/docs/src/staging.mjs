// Builds a directory beside its target and swaps it in only when complete:
// a failed build removes its staging directory and leaves the previous site
// as it was, never half written.
import fs from 'node:fs/promises';
import path from 'node:path';
import { replaceDirectory } from '@scalingo-openapi/spec-reader';

/**
 * Calls `fill(stagingDir)`, then replaces `outDir` with what it wrote.
 * The staging directory is a sibling of `outDir` so the swap is a rename on
 * one file system.
 * @param {string} outDir
 * @param {(staging: string) => Promise<void>} fill
 */
export async function buildInto(outDir, fill) {
  const parent = path.dirname(outDir);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(outDir)}.staging-`));
  try {
    // mkdtemp makes it private (0700); a published site is world-readable.
    await fs.chmod(staging, 0o755);
    await fill(staging);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  // The previous site comes back if the swap fails.
  await replaceDirectory(staging, outDir, `${staging.replace('.staging-', '.previous-')}`);
}
