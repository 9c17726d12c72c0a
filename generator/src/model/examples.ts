// The examples of an operation, read once for every emitter that needs a
// concrete call or answer (code samples, the stubs' example answers).
import type { OpenApiDocument } from '../load/load-spec.js';
import { deref } from './envelope.js';
import type { OperationExamples } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export function parameterExample(doc: OpenApiDocument, parameter: Json): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values<Json>(parameter.examples ?? {})[0];
  if (named) return deref(doc, named).value;
  const schema = deref(doc, parameter.schema ?? {});
  if (schema?.examples?.length) return schema.examples[0];
  if (schema?.default !== undefined) return schema.default;
  if (schema?.enum?.length) return schema.enum[0];
  return undefined;
}

function mediaExample(doc: OpenApiDocument, media: Json): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const named = Object.values<Json>(media.examples ?? {})[0];
  return named ? deref(doc, named).value : undefined;
}

export function operationExamples(doc: OpenApiDocument, rawParams: Json[], op: Json): OperationExamples {
  const params: Record<string, unknown> = {};
  for (const raw of rawParams) {
    const parameter = deref(doc, raw);
    const value = parameterExample(doc, parameter);
    if (value !== undefined) params[`${parameter.in}:${parameter.name}`] = value;
  }
  const body = op.requestBody ? mediaExample(doc, deref(doc, op.requestBody).content?.['application/json']) : undefined;
  const responses: OperationExamples['responses'] = {};
  for (const [status, raw] of Object.entries<Json>(op.responses ?? {})) {
    const response = deref(doc, raw);
    const [mediaType, media] = Object.entries<Json>(response.content ?? {})[0] ?? [];
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries<Json>(response.headers ?? {})) {
      const value = parameterExample(doc, deref(doc, header));
      if (value !== undefined) headers[name] = String(value);
    }
    responses[status] = { ...(mediaType ? { mediaType, body: mediaExample(doc, media) } : {}), headers };
  }
  return { params, ...(body !== undefined ? { body } : {}), responses };
}
