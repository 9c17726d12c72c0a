// Where the official Go client's sources are: `SCALINGO_GO_CLIENT`, or the team's
// shared reference next to the checkout (`…/shared/reference/official-clients/go-scalingo`,
// looked up from the repository root upwards, else the one the reference examples
// are read from, so that a clone elsewhere still finds it). They are third-party code
// read as evidence, not vendored into the repository.
import fs from 'node:fs';
import path from 'node:path';
import { REFERENCE } from '../curl.js';

const RELATIVE = 'shared/reference/official-clients/go-scalingo';

export function locateGoClient(root = path.resolve(import.meta.dirname, '../../..')): string | undefined {
  const explicit = process.env.SCALINGO_GO_CLIENT;
  if (explicit) return fs.existsSync(path.join(explicit, 'client.go')) ? explicit : undefined;
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, RELATIVE);
    if (fs.existsSync(path.join(candidate, 'client.go'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  const shared = path.join(REFERENCE, 'official-clients/go-scalingo');
  return fs.existsSync(path.join(shared, 'client.go')) ? shared : undefined;
}
