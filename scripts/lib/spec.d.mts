// Types of spec.mjs, for the TypeScript packages that import it.
export declare const repoRoot: string;
export declare const documents: Record<string, { root: string; output: string }>;
export declare function bundleSpec(
  alias?: string,
  options?: { dereference?: boolean; cwd?: string },
): Promise<Record<string, unknown>>;
