// The documents of the project, by the API alias redocly.yaml declares, and
// where the repository is (every tool resolves the spec from it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this package lives in (`packages/spec-reader/{src,dist}/` is three levels down). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface DocumentEntry {
  /** Root file, relative to the repository. */
  root: string;
  /** Base name of its bundle under `dist/` (`dist/openapi.json`). */
  output: string;
}

export const documents: Record<string, DocumentEntry> = {
  scalingo: { root: 'openapi/openapi.yaml', output: 'openapi' },
  'addon-provider': { root: 'openapi/addon-provider.yaml', output: 'addon-provider' },
  streams: { root: 'openapi/streams.yaml', output: 'streams' },
};
