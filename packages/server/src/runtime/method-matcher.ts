// Which methods a concrete path accepts, to answer 405 with `Allow` when the
// path exists but the method does not.
import type { RouteSpec } from './route-spec.js';

export class MethodMatcher {
  private readonly patterns: Array<{ regex: RegExp; methods: Set<string> }> = [];

  constructor(routes: RouteSpec[], prefix: string) {
    const byPath = new Map<string, Set<string>>();
    for (const route of routes) {
      const methods = byPath.get(route.path) ?? new Set<string>();
      methods.add(route.method);
      if (route.method === 'GET') methods.add('HEAD');
      byPath.set(route.path, methods);
    }
    for (const [path, methods] of byPath) {
      const source = (prefix + path).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
      this.patterns.push({ regex: new RegExp(`^${source.replace(/\{[^}]+\}/g, '[^/]+')}/?$`), methods });
    }
  }

  /** Allowed methods for `url`'s path, or undefined when no route has that path. */
  allowed(url: string): string[] | undefined {
    const path = url.split('?')[0]!;
    const methods = new Set<string>();
    for (const pattern of this.patterns) if (pattern.regex.test(path)) for (const m of pattern.methods) methods.add(m);
    return methods.size > 0 ? [...methods].sort() : undefined;
  }
}
