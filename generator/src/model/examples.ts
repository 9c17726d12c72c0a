// The examples of an operation, read once for every emitter that needs a
// concrete call or answer (code samples, the stubs' example answers).
import type {
  HeaderObject,
  MediaTypeObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
} from 'openapi-typescript';
import type { OpenApiDocument } from '../load/load-spec.js';
import { deref } from './envelope.js';
import type { OperationExamples } from './types.js';

export function parameterExample(doc: OpenApiDocument, parameter: ParameterObject | HeaderObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named) return deref(doc, named).value;
  const schema = deref(doc, parameter.schema);
  // `examples` is JSON Schema 2020-12 (OpenAPI 3.1); openapi-typescript's SchemaObject does not declare it.
  const examples = schema && 'examples' in schema ? schema.examples : undefined;
  if (Array.isArray(examples) && examples.length) return examples[0];
  if (schema?.default !== undefined) return schema.default;
  if (schema?.enum?.length) return schema.enum[0];
  return undefined;
}

function mediaExample(doc: OpenApiDocument, media: MediaTypeObject | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const named = Object.values(media.examples ?? {})[0];
  return named ? deref(doc, named).value : undefined;
}

export function operationExamples(
  doc: OpenApiDocument,
  rawParams: Array<ParameterObject | ReferenceObject>,
  op: OperationObject,
): OperationExamples {
  const params: Record<string, unknown> = {};
  for (const raw of rawParams) {
    const parameter = deref(doc, raw);
    const value = parameterExample(doc, parameter);
    if (value !== undefined) params[`${parameter.in}:${parameter.name}`] = value;
  }
  const body = op.requestBody
    ? mediaExample(doc, deref(doc, deref(doc, op.requestBody).content?.['application/json']))
    : undefined;
  const responses: OperationExamples['responses'] = {};
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    const response = deref(doc, raw);
    const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = parameterExample(doc, deref(doc, header));
      if (value !== undefined) headers[name] = String(value);
    }
    responses[status] = { ...(mediaType ? { mediaType, body: mediaExample(doc, media) } : {}), headers };
  }
  return { params, ...(body !== undefined ? { body } : {}), responses };
}
