// A real Prism process serves the bundled spec: every operation answers its
// documented success with a body that Ajv validates, and requests that break
// the schema are rejected with the API's own 422 envelope.
import { describe, expect, test } from 'vitest';
import { specValidator } from '../support/ajv.js';
import { expectDocumentedSuccess, sendTo, usePrism } from '../support/prism.js';
import { exampleRequest } from '../support/requests.js';
import { label, loadSpec, operations } from '../support/spec.js';

const spec = await loadSpec();
const validator = specValidator(spec);
const all = operations(spec);
const prism = usePrism(spec);

const send = (request: ReturnType<typeof exampleRequest>) => sendTo(prism(), request);

describe('Prism mock', () => {
  test.each(all.map((e) => [label(e), e] as const))(
    '%s answers a documented success with a valid body',
    async (_, entry) => {
      const request = exampleRequest(spec, entry);
      expectDocumentedSuccess(spec, validator, entry, request, await send(request));
    },
  );

  const withBody = all.filter((e) => e.operation.requestBody);
  test.each(withBody.map((e) => [label(e), e] as const))(
    '%s: a body that breaks the schema gets 422 {errors}',
    async (_, entry) => {
      const request = exampleRequest(spec, entry);
      // An array at the root breaks every rooted body schema.
      const { status, text } = await send({ ...request, body: [] });
      expect(status).toBe(422);
      expect(validator.validate('#/components/schemas/ValidationErrors', JSON.parse(text))).toEqual([]);
    },
  );

  test('a request without credentials on a secured operation gets 401 {error}', async () => {
    const { status, text } = await send({
      method: 'GET',
      url: '/apps',
      headers: { accept: 'application/json' },
      successStatuses: [],
    });
    expect(status).toBe(401);
    expect(validator.validate('#/components/schemas/ErrorMessage', JSON.parse(text))).toEqual([]);
  });
});
