// The JSON Schemas of each operation (params, query, headers, body and each
// answer), as the server stubs validate them. `$ref`s keep pointing at
// `#/components/schemas/...`; emitters place those in a shared schema.
import type { OperationObject, ParameterObject, ReferenceObject } from 'openapi-typescript';
import type { OpenApiDocument } from '../load/load-spec.js';
import { deref } from './envelope.js';
import type { JsonSchema, OperationSchemas, Param, ParamsSchema } from './types.js';

export function operationSchemas(
  doc: OpenApiDocument,
  rawParams: Array<ParameterObject | ReferenceObject>,
  params: Param[],
  op: OperationObject,
): OperationSchemas {
  const resolved = rawParams.map((p) => deref(doc, p));
  const group = (where: 'path' | 'query' | 'header'): ParamsSchema | undefined => {
    const list = params.filter((p) => p.in === where);
    if (list.length === 0) return undefined;
    const properties: Record<string, JsonSchema> = {};
    for (const p of list) {
      const source = [...resolved].reverse().find((r) => r.in === where && r.name === p.name);
      // HTTP header names are case-insensitive; Node hands them over lowercased.
      properties[where === 'header' ? p.name.toLowerCase() : p.name] = source?.schema ?? {};
    }
    const required = list.filter((p) => p.required).map((p) => (where === 'header' ? p.name.toLowerCase() : p.name));
    const names =
      where === 'header' ? { 'x-names': Object.fromEntries(list.map((p) => [p.name.toLowerCase(), p.name])) } : {};
    return { type: 'object', properties, ...(required.length ? { required } : {}), ...names };
  };
  const requestBody = deref(doc, op.requestBody);
  const body = requestBody ? deref(doc, requestBody.content['application/json'])?.schema : undefined;
  const responses: OperationSchemas['responses'] = {};
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    const response = deref(doc, raw);
    const types = Object.keys(response.content ?? {});
    const json = types.find((t) => t === 'application/json');
    const headers = Object.entries(response.headers ?? {}).map(([name, header]) => ({
      name,
      required: deref(doc, header)?.required === true,
    }));
    responses[status] = { mediaTypes: types, ...(json ? { schema: response.content?.[json]?.schema } : {}), headers };
  }
  return {
    ...(group('path') ? { params: group('path') } : {}),
    ...(group('query') ? { query: group('query') } : {}),
    ...(group('header') ? { headers: group('header') } : {}),
    ...(body ? { body, bodyRequired: requestBody?.required === true } : {}),
    responses,
  };
}
