// The bundled documents this package ships (documents/, written by its build
// from the spec in openapi/), by name, and reading a document from a file.
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { OpenApiDocument } from './mock-document.js';

/** Document names, as the Redocly aliases of the project (redocly.yaml) name them. */
export const DOCUMENTS = {
  scalingo: 'openapi',
  'addon-provider': 'addon-provider',
  streams: 'streams',
} as const;
export type DocumentName = keyof typeof DOCUMENTS;

const DIRECTORY = fileURLToPath(new URL('../documents/', import.meta.url));

/** Path of a shipped document: `documentPath('scalingo', 'yaml')` is `…/documents/openapi.yaml`. */
export function documentPath(name: DocumentName, format: 'json' | 'yaml' = 'json'): string {
  return `${DIRECTORY}${DOCUMENTS[name]}.${format}`;
}

export function isDocumentName(value: string): value is DocumentName {
  return Object.hasOwn(DOCUMENTS, value);
}

/** A shipped document by name, or any OpenAPI file (JSON or YAML) by path. */
export async function loadDocument(nameOrFile: string): Promise<OpenApiDocument> {
  const file = isDocumentName(nameOrFile) ? documentPath(nameOrFile) : nameOrFile;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const known = Object.keys(DOCUMENTS).join(', ');
    throw new Error(
      `Cannot read ${file} (${(error as NodeJS.ErrnoException).code}): give a document name (${known}) or an OpenAPI file`,
    );
  }
  const document = (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as OpenApiDocument;
  if (typeof document !== 'object' || document === null || !('openapi' in document)) {
    throw new Error(`${file} is not an OpenAPI document (no "openapi" field)`);
  }
  return document;
}
