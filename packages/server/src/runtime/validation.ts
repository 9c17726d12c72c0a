// Ajv for JSON Schema 2020-12 with formats, holding the component schemas
// under one id so route schemas can reference them; and the API's own 422
// envelope built from Ajv's errors.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { JsonSchema } from './route-spec.js';

const COMPONENTS_ID = 'urn:scalingo-openapi:components';

export function createAjv(componentSchemas: Record<string, unknown>, coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: coerceTypes ? 'array' : false,
    useDefaults: false,
    removeAdditional: false,
  });
  // ajv-formats is CommonJS: its default export is the module under NodeNext.
  (formats as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);
  for (const keyword of ['discriminator', 'example', 'xml', 'externalDocs']) ajv.addKeyword({ keyword });
  ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas: componentSchemas } });
  return ajv;
}

/** Points `#/components/...` refs at the shared components document. */
export function withSharedRefs<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema).replace(/"\$ref":"#\/components\//g, `"$ref":"${COMPONENTS_ID}#/components/`),
  );
}

export function compile(ajv: Ajv2020, schema: JsonSchema): ValidateFunction {
  return ajv.compile(withSharedRefs(schema));
}

/** `{"errors": {"app.name": ["must match pattern …"]}}` from Ajv errors. */
export function fieldErrors(errors: ErrorObject[], part: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const error of errors) {
    // Ajv reports every branch of a oneOf/anyOf; the summary line is enough.
    if (error.keyword === 'if') continue;
    const segments = error.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (error.keyword === 'required')
      segments.push(String((error.params as { missingProperty: string }).missingProperty));
    if (error.keyword === 'additionalProperties')
      segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
    const key = segments.length > 0 ? segments.join('.') : part;
    const message = error.keyword === 'required' ? 'is missing' : (error.message ?? 'is invalid');
    (result[key] ??= []).includes(message) || result[key]!.push(message);
  }
  return result;
}
