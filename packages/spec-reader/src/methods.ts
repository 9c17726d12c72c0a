// The HTTP methods a path item can hold, in the order the OpenAPI
// specification lists them (the order every walk of the spec uses).
// Imports nothing: the published packages reach this file as
// `@scalingo-openapi/spec-reader/methods`, inlined by their build
// (scripts/inline-private.mjs).
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

const SET: ReadonlySet<string> = new Set(HTTP_METHODS);

export function isHttpMethod(key: string): key is HttpMethod {
  return SET.has(key);
}
