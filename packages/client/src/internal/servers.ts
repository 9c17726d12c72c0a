// Base URL of each service: derived from the spec's server templates and the
// region, or overridden for a mock or the sandbox. HTTPS only, except loopback.

import type { ServiceName } from '../core/operation.js';
import type { ClientOptions } from '../core/options.js';

export type ServiceTable = Record<ServiceName, { url: string; regions: readonly string[] }>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function resolveBaseUrl(
  service: ServiceName,
  services: ServiceTable,
  options: ClientOptions,
  discovered?: Partial<Record<ServiceName, string>>,
): string {
  const override = options.baseUrls?.[service];
  const template = services[service].url;
  let url: string;
  if (override) {
    url = override;
  } else if (discovered?.[service]) {
    url = `${trimSlash(discovered[service]!)}${new URL(template.replace('{region}', 'x')).pathname}`;
  } else {
    url = template.replace('{region}', options.region ?? services[service].regions[0] ?? 'osc-fr1');
    if (options.baseUrl) url = `${trimSlash(options.baseUrl)}${new URL(url).pathname}`;
  }
  url = trimSlash(url);
  assertSecure(url, options.allowInsecureHttp === true);
  return url;
}

export function assertSecure(url: string, allowInsecure: boolean): void {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return;
  if (parsed.protocol === 'http:' && (allowInsecure || LOOPBACK.has(parsed.hostname))) return;
  throw new Error(
    `Refusing ${parsed.origin}: the Scalingo API is HTTPS only (plain HTTP for loopback, or with allowInsecureHttp: true)`,
  );
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
