// Builds the arguments of a generated method from the spec's examples, with
// the calling convention of the model (positional path parameter, params).

import type { Operation } from '@scalingo-openapi/generator';
import { exampleValue, requestBodyExample } from './requests.js';
import type { Json, OperationEntry } from './spec.js';

export interface ExampleCall {
  positional?: unknown;
  params?: Record<string, unknown>;
}

export function exampleCall(spec: Json, operation: Operation, entry: OperationEntry): ExampleCall {
  const call: ExampleCall = {};
  const params: Record<string, unknown> = {};
  for (const { key, from, required } of operation.signature.paramKeys) {
    if (from === 'body') continue;
    const parameter = entry.parameters.find((p) => p.name === key && p.in === from);
    if (from === 'path' || required) params[key] = exampleValue(spec, parameter);
  }
  if (operation.signature.positional) {
    call.positional = exampleValue(
      spec,
      entry.parameters.find((p) => p.in === 'path' && p.name === operation.signature.positional),
    );
  }
  const body = requestBodyExample(spec, entry.operation);
  if (body !== undefined) {
    if (operation.body?.mode === 'spread') Object.assign(params, body);
    else params.body = body;
  }
  if (Object.keys(params).length > 0) call.params = params;
  return call;
}

/** `client.apps.variables` for `['apps', 'variables']`. */
export function resourceOf(client: unknown, path: string[]): Record<string, (...args: unknown[]) => unknown> {
  return path.reduce((node: Json, segment) => node[segment], client);
}
