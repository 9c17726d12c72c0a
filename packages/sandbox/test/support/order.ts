// The order a conformance run against the stateful sandbox calls operations
// in: what deletes or renames a document comes after everything that reads
// it, and the application, the user and their tokens go last of all.
import { loadSpec, operations } from '@scalingo-openapi/test-support/spec';

const FINAL = ['apps.rename', 'apps.delete', 'users.delete', 'tokens.delete'];

export async function destroyingLast(): Promise<string[]> {
  const ids = operations(await loadSpec()).map((e) => String(e.operation.operationId));
  return [...ids.filter((id) => /\.(delete|bulkDelete|disable)$/.test(id) && !FINAL.includes(id)), ...FINAL];
}
