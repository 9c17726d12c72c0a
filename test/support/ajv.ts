// Ajv (JSON Schema 2020-12) is the validator of record for the spec's schemas;
// Prism is a second, independent one.
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Json } from './spec.js';

const SPEC_ID = 'https://scalingo-openapi.local/spec.json';

export interface SpecValidator {
  /** Validates `value` against the schema at `pointer` (`#/...`) of the spec; returns error strings. */
  validate(pointer: string, value: unknown): string[];
}

export interface ValidatorOptions {
  /**
   * Validate what a value shows (elided examples): the properties it leaves out are not asked for,
   * and `oneOf` reads as `anyOf`, since with fields left out more than one variant may fit.
   */
  partial?: boolean;
}

export function specValidator(spec: Json, options: ValidatorOptions = {}): SpecValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  // ajv-formats is CommonJS: its default export is the module under NodeNext.
  (formats as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);
  ajv.addKeyword({ keyword: 'discriminator' });
  ajv.addKeyword({ keyword: 'example' });
  ajv.addKeyword({ keyword: 'xml' });
  ajv.addKeyword({ keyword: 'externalDocs' });
  ajv.addSchema({ ...(options.partial ? withoutRequired(spec) : spec), $id: SPEC_ID });
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  return {
    validate(pointer, value) {
      let check = cache.get(pointer);
      if (!check) {
        check = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
        cache.set(pointer, check);
      }
      if (check(value)) return [];
      return (check.errors ?? []).map(
        (e) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
      );
    },
  };
}

/** A copy of the document whose schemas require no property (`required: true` of parameters and bodies kept). */
function withoutRequired(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries<Json>(node)
      .filter(([key, value]) => !(key === 'required' && Array.isArray(value)))
      .map(([key, value]) => [key === 'oneOf' && Array.isArray(value) ? 'anyOf' : key, withoutRequired(value)]),
  );
}
