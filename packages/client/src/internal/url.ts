// An operation's URL from its template: path parameters percent-encoded in
// place, query parameters in the `form` style with arrays exploded
// (`variable_ids=1&variable_ids=2`). These are the only styles the spec uses
// (test/url.test.ts checks every parameter of it), and the output is what
// openapi-fetch's default serializers produce for them, without carrying the
// other styles (label, matrix, deepObject) into every bundle.

const PATH_PARAM = /\{([^{}]+)\}/g;

export function buildUrl(
  baseUrl: string,
  template: string,
  path: Record<string, unknown>,
  query: Record<string, unknown>,
): string {
  const url =
    baseUrl +
    (template.includes('{')
      ? template.replace(PATH_PARAM, (match, name: string) => {
          const value = path[name];
          return value === undefined || value === null ? match : encodeURIComponent(value as string);
        })
      : template);
  let search = '';
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) search += `&${name}=${encodeURIComponent(item)}`;
    } else {
      search += `&${name}=${encodeURIComponent(value as string)}`;
    }
  }
  return search ? `${url}?${search.slice(1)}` : url;
}
