// The calling convention, computed once for every emitter (client methods,
// server handler arguments, api.md, code samples):
//   client.<resource path>.<name>(<innermost path param>?, <params>?, <options>?)
// The params object holds the other path parameters, the query and header
// parameters and the root keys of the JSON body, with their wire names.
import type { OperationSignature, Param, RequestBody } from './types.js';

export function operationSignature(params: Param[], body: RequestBody | undefined): OperationSignature {
  const pathParams = params.filter((p) => p.in === 'path');
  const positional = pathParams.at(-1)?.name;
  const paramKeys: OperationSignature['paramKeys'] = [];
  for (const p of pathParams.slice(0, -1)) paramKeys.push({ key: p.name, from: 'path', required: true });
  for (const p of params.filter((q) => q.in === 'query'))
    paramKeys.push({ key: p.name, from: 'query', required: p.required });
  for (const p of params.filter((q) => q.in === 'header'))
    paramKeys.push({ key: p.name, from: 'header', required: p.required });
  if (body?.mode === 'spread') {
    for (const key of body.rootKeys)
      paramKeys.push({ key, from: 'body', required: body.required && body.requiredKeys.includes(key) });
  } else if (body) {
    paramKeys.push({ key: 'body', from: 'body', required: body.required });
  }
  return {
    ...(positional ? { positional } : {}),
    paramKeys,
    hasParams: paramKeys.length > 0,
    paramsOptional: paramKeys.every((k) => !k.required),
  };
}

/** Whether body root keys can be spread next to the parameters without a name clash. */
export function canSpreadBody(params: Param[], rootKeys: string[]): boolean {
  const pathParams = params.filter((p) => p.in === 'path');
  const taken = new Set(params.filter((p) => p !== pathParams.at(-1)).map((p) => p.name));
  return rootKeys.length > 0 && rootKeys.every((key) => !taken.has(key) && key !== 'body');
}
