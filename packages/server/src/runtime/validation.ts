// Ajv for JSON Schema 2020-12 with formats, holding the component schemas
// under one id so route schemas can reference them. Errors carry their schema
// (`verbose`) for the messages of field-errors.ts.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
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
    verbose: true,
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
