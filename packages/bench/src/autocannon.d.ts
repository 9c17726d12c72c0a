// The part of autocannon's API the stubs benchmark uses: the package ships no
// types and @types/autocannon is not a dependency of the workspace.
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
  }
  interface Result {
    requests: { average: number };
    latency: { p99: number };
    errors: number;
    non2xx: number;
  }
  export default function autocannon(options: Options, done: (error: Error | null, result: Result) => void): unknown;
}
