// emit/client/client-class.ts: the resource client on the core client, and
// the index of the generated client.
import { describe, expect, test } from 'vitest';
import { clientFile, indexFile } from '../../src/emit/client/client-class.js';
import { printFile } from '../../src/emit/print.js';
import { model } from './fixture.js';

describe('client class', () => {
  const text = printFile(clientFile(model, model.resources));

  test.each([
    ['extends the core client', 'export class Scalingo extends CoreClient {'],
    ['passes the generated runtime table', '    super(options, runtimeTable);'],
    ['one property per top-level resource', '  public readonly things: Things = new Things(this);'],
    ['names the API and its version', '/** Client of the Emit 0.2.0: one property per resource of the API. */'],
    [
      'raw openapi-fetch clients for each service, through the core client',
      "    return { auth: rawClient<paths>(this, 'auth'), database: rawClient<paths>(this, 'database'), regional: rawClient<paths>(this, 'regional') };",
    ],
    ['imports each resource class from its file', "import { Things } from './resources/things.js';"],
  ])('%s', (_, want) => {
    expect(text).toContain(want);
  });

  test('the index exports the client, the tables, the types and every resource file', () => {
    const index = printFile(indexFile(model.resources));
    expect(index).toContain("export { Scalingo } from './client.js';");
    expect(index).toContain("export { ops, services, specVersion } from './operations.js';");
    expect(index).toContain("export type * as Schema from './schema.js';");
    expect(index).toContain("export * from './resources/tokens.js';");
  });
});
