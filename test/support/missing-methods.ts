// The methods a router has no route for, as the 405 tests probe them: for each
// path, the first of the methods asked about that it does not answer and that
// no other path matching it answers (`GET /tokens/exchange` is
// `GET /tokens/{token_id}` to the router, so GET is not missing there).

export function firstMissingMethods<M extends string>(
  routes: ReadonlyArray<{ path: string; method: M }>,
  methods: readonly M[],
): Array<{ path: string; method: M }> {
  const byPath = new Map<string, Set<M>>();
  for (const route of routes) byPath.set(route.path, (byPath.get(route.path) ?? new Set()).add(route.method));
  const shadowed = (path: string, method: M) =>
    routes.some(
      (r) =>
        r.method === method && r.path !== path && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
    );
  const missing: Array<{ path: string; method: M }> = [];
  for (const [path, answered] of byPath) {
    const method = methods.find((m) => !answered.has(m) && !shadowed(path, m));
    if (method) missing.push({ path, method });
  }
  return missing;
}
