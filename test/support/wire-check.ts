// Checks a recorded exchange against the spec: which operation it is (by the
// mounted path template, literal segments winning over parameters), that its
// status is one the operation documents, and that the JSON it sent and got
// back validates. Used by the conformance runs of the official clients.

import { serverBasePath } from '@scalingo-openapi/mock';
import type { SpecValidator } from './ajv.js';
import { responseSchemaPointer } from './requests.js';
import { deref, type Json, type OperationEntry, operations } from './spec.js';
import type { Exchange } from './wire-recorder.js';

interface Route {
  entry: OperationEntry;
  pattern: RegExp;
  parameters: number;
}

export interface ExchangeVerdict {
  entry?: OperationEntry;
  problems: string[];
}

export function exchangeChecker(spec: Json, validator: SpecValidator) {
  const routes: Route[] = operations(spec)
    .filter((e) => e.method !== 'head')
    .map((entry) => {
      const servers = entry.operation.servers ?? entry.pathItem.servers ?? spec.servers;
      const mounted = `${servers?.[0] ? serverBasePath(servers[0]) : ''}${entry.path}`;
      const source = mounted
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
      return { entry, pattern: new RegExp(`^${source}$`), parameters: (mounted.match(/\{/g) ?? []).length };
    })
    .sort((a, b) => a.parameters - b.parameters);

  const find = (method: string, path: string) =>
    routes.find((r) => r.entry.method === method.toLowerCase() && r.pattern.test(path))?.entry;

  return function check(exchange: Exchange): ExchangeVerdict {
    const path = decodeURI(exchange.url.split('?')[0] ?? '/');
    const entry = find(exchange.method, path);
    const where = `${exchange.method} ${exchange.url}`;
    if (!entry) return { problems: [`${where}: no operation of the spec has this method and path`] };
    const problems: string[] = [];
    const id = entry.operation.operationId;
    const violations = exchange.responseHeaders['sl-violations'];
    if (violations) problems.push(`${where} (${id}): Prism saw violations ${violations}`);
    const responses = entry.operation.responses ?? {};
    const status = String(exchange.status);
    if (!(status in responses) && !(`${status[0]}XX` in responses))
      problems.push(`${where} (${id}): status ${status} is not documented`);
    if (exchange.requestBody && isJson(exchange.requestHeaders['content-type'])) {
      const body = deref(spec, entry.operation.requestBody ?? {});
      if (!body.content?.['application/json']) {
        problems.push(`${where} (${id}): sends a JSON body the operation does not declare: ${exchange.requestBody}`);
      } else {
        const base = entry.operation.requestBody.$ref ?? `${entry.pointer}/requestBody`;
        const errors = validator.validate(`${base}/content/application~1json/schema`, JSON.parse(exchange.requestBody));
        if (errors.length > 0) problems.push(`${where} (${id}): request body ${errors.join('; ')}`);
      }
    }
    if (exchange.responseBody && isJson(exchange.responseHeaders['content-type'])) {
      const pointer = responseSchemaPointer(spec, entry, exchange.status);
      if (pointer) {
        const errors = validator.validate(pointer, JSON.parse(exchange.responseBody));
        if (errors.length > 0) problems.push(`${where} (${id}): ${status} body ${errors.join('; ')}`);
      }
    }
    return { entry, problems };
  };
}

function isJson(contentType: string | string[] | undefined): boolean {
  return /\bjson\b/.test(String(contentType ?? ''));
}
