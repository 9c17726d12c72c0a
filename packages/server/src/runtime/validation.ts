// Ajv for JSON Schema 2020-12 with formats, holding the component schemas
// under one id so route schemas can reference them. Errors carry their schema
// (`verbose`) for the messages of field-errors.ts.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { JsonSchema } from './route-spec.js';

const COMPONENTS_ID = 'urn:scalingo-openapi:components';

/**
 * The Ajv of one document's components, with or without coercion: one per
 * process, so that every plugin instance over the same document (a sandbox per
 * test, say) shares what it compiled.
 */
export function createAjv(componentSchemas: Record<string, unknown>, coerceTypes: boolean): Ajv2020 {
  let modes = shared.get(componentSchemas);
  if (!modes) shared.set(componentSchemas, (modes = new Map()));
  let ajv = modes.get(coerceTypes);
  if (!ajv) modes.set(coerceTypes, (ajv = newAjv(componentSchemas, coerceTypes)));
  return ajv;
}
const shared = new WeakMap<Record<string, unknown>, Map<boolean, Ajv2020>>();

function newAjv(componentSchemas: Record<string, unknown>, coerceTypes: boolean): Ajv2020 {
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

/** `schema` as JSON, its `#/components/...` refs pointed at the shared components document. */
const sharedRefsText = (schema: unknown) =>
  JSON.stringify(schema).replace(/"\$ref":"#\/components\//g, `"$ref":"${COMPONENTS_ID}#/components/`);

/** The validator of `schema`, compiled once per Ajv for each distinct schema (Ajv itself caches by object only). */
export function compile(ajv: Ajv2020, schema: JsonSchema): ValidateFunction {
  let byText = compiled.get(ajv);
  if (!byText) compiled.set(ajv, (byText = new Map()));
  const text = sharedRefsText(schema);
  let validate = byText.get(text);
  if (!validate) byText.set(text, (validate = ajv.compile(JSON.parse(text))));
  return validate;
}
const compiled = new WeakMap<Ajv2020, Map<string, ValidateFunction>>();
