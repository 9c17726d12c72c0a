// Code samples of every operation for the docs site (`x-codeSamples`): our
// client's call, from the same calling convention as the generated methods,
// and the matching curl command, both filled with the spec's examples.
import type { ApiModel, Operation, Service } from '../../model/types.js';
import { printLiteral } from '../literal.js';
import { camelVariable } from '../names.js';

export interface CodeSample {
  lang: 'TypeScript' | 'Shell';
  label: string;
  source: string;
}

export function codeSamples(model: ApiModel): Record<string, CodeSample[]> {
  const samples: Record<string, CodeSample[]> = {};
  for (const operation of model.operations) {
    const service = model.services.find((s) => s.name === operation.service)!;
    samples[operation.id] = [
      { lang: 'TypeScript', label: 'TypeScript', source: typescriptSample(operation, model) },
      { lang: 'Shell', label: 'curl', source: curlSample(operation, service) },
    ];
  }
  return samples;
}

function typescriptSample(operation: Operation, model: ApiModel): string {
  const schemes = new Set(operation.security.flat());
  const options = ['token: process.env.SCALINGO_API_TOKEN'];
  if (schemes.has('databaseBearerAuth')) options.push('databaseToken: process.env.SCALINGO_DATABASE_TOKEN');
  const lines = [
    "import { createClient } from '@scalingo-openapi/client';",
    '',
    `const client = createClient({ ${options.join(', ')} });`,
  ];
  if (operation.headOf) {
    const get = model.operations.find((o) => o.id === operation.headOf);
    const path = fillPath(operation);
    lines.push(`// HEAD goes through the typed openapi-fetch client of the ${operation.service} API.`);
    lines.push(
      `const { response } = await client.raw.${operation.service}.HEAD('${operation.path}'${pathParamsArg(operation)});`,
    );
    lines.push(`console.log(response.status); // same status as ${get ? `client.${get.id}()` : 'GET'} on ${path}`);
    return lines.join('\n');
  }
  const args: string[] = [];
  const { signature, examples } = operation;
  if (signature.positional)
    args.push(printLiteral(examples.params[`path:${signature.positional}`] ?? signature.positional));
  const params: Record<string, unknown> = {};
  for (const { key, from, required } of signature.paramKeys) {
    if (from === 'body') continue;
    const value = examples.params[`${from}:${key}`];
    if (value !== undefined && (required || from === 'path')) params[key] = value;
  }
  if (operation.body && examples.body !== undefined) {
    if (operation.body.mode === 'spread') Object.assign(params, examples.body);
    else params.body = examples.body;
  }
  if (signature.hasParams && (Object.keys(params).length > 0 || !signature.paramsOptional))
    args.push(printLiteral(params));
  const credentialHeader = accountCredentials(schemes);
  if (credentialHeader) args.push(`{ headers: { Authorization: ${credentialHeader} } }`);
  const call = `client.${operation.id}(${args.join(', ')})`;
  const envelope = operation.success.envelope;
  if (operation.pagination) {
    const item = singular(operation.pagination.itemsKey);
    lines.push(`for await (const ${item} of ${call}) {`, `  console.log(${item});`, '}');
  } else if (operation.async) {
    lines.push(
      `const operation = await ${call};`,
      'console.log(operation.result);',
      'await operation.wait(); // polls the operation until it is done',
    );
  } else if (envelope.kind === 'empty') {
    lines.push(`await ${call};`);
  } else {
    const name = envelope.kind === 'root' ? camelVariable(envelope.key, 'result') : 'result';
    lines.push(`const ${name} = await ${call};`, `console.log(${name});`);
  }
  return lines.join('\n');
}

function curlSample(operation: Operation, service: Service): string {
  const base = (service.urls[0] ?? '')
    .replace('{region}', service.regions[0] ?? 'osc-fr1')
    .replace(/\{[^}]+\}/g, 'example');
  const query = operation.params
    .filter((p) => p.in === 'query' && p.required && operation.examples.params[`query:${p.name}`] !== undefined)
    .map(
      (p) =>
        `${encodeURIComponent(p.name)}=${encodeURIComponent(String(operation.examples.params[`query:${p.name}`]))}`,
    );
  const url = `${base}${fillPath(operation)}${query.length ? `?${query.join('&')}` : ''}`;
  const parts = [
    operation.method === 'HEAD'
      ? `curl -I '${url}'`
      : operation.method === 'GET'
        ? `curl '${url}'`
        : `curl -X ${operation.method} '${url}'`,
  ];
  parts.push(`-H 'Accept: ${acceptOf(operation)}'`);
  const auth = curlAuth(new Set(operation.security.flat()));
  if (auth) parts.push(auth);
  for (const p of operation.params.filter((q) => q.in === 'header' && q.required)) {
    const value = operation.examples.params[`header:${p.name}`];
    if (value !== undefined) parts.push(`-H '${p.name}: ${String(value)}'`);
  }
  if (operation.body && operation.examples.body !== undefined) {
    parts.push("-H 'Content-Type: application/json'");
    parts.push(`-d '${JSON.stringify(operation.examples.body, null, 2).replace(/'/g, "'\\''")}'`);
  }
  return parts.join(' \\\n  ');
}

function acceptOf(operation: Operation): string {
  const envelope = operation.success.envelope;
  return envelope.kind === 'raw' ? envelope.mediaType : 'application/json';
}

function curlAuth(schemes: Set<string>): string | undefined {
  if (schemes.has('bearerAuth')) return '-H "Authorization: Bearer $SCALINGO_BEARER_TOKEN"';
  if (schemes.has('databaseBearerAuth')) return '-H "Authorization: Bearer $SCALINGO_DATABASE_TOKEN"';
  if (schemes.has('basicAuth')) return '-u ":$SCALINGO_API_TOKEN"';
  if (schemes.has('accountBasicAuth')) return '-u "$SCALINGO_LOGIN:$SCALINGO_PASSWORD"';
  if (schemes.has('addonProviderBasicAuth')) return '-u "$ADDON_USERNAME:$ADDON_PASSWORD"';
  return undefined;
}

/** Operations authenticated by account or provider credentials take them as a header. */
function accountCredentials(schemes: Set<string>): string | undefined {
  if (schemes.has('bearerAuth') || schemes.has('basicAuth') || schemes.has('databaseBearerAuth')) return undefined;
  // The samples' own template literals, printed as text.
  const basic = (user: string, password: string) =>
    `\`Basic \${btoa(\`\${process.env.${user}}:\${process.env.${password}}\`)}\``;
  if (schemes.has('accountBasicAuth')) return basic('SCALINGO_LOGIN', 'SCALINGO_PASSWORD');
  if (schemes.has('addonProviderBasicAuth')) return basic('ADDON_USERNAME', 'ADDON_PASSWORD');
  return undefined;
}

function fillPath(operation: Operation): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(operation.examples.params[`path:${name}`] ?? name)),
  );
}

function pathParamsArg(operation: Operation): string {
  const path = operation.params.filter((p) => p.in === 'path');
  if (path.length === 0) return '';
  return `, { params: { path: ${printLiteral(Object.fromEntries(path.map((p) => [p.name, operation.examples.params[`path:${p.name}`] ?? p.name])))} } }`;
}

function singular(key: string): string {
  const name = camelVariable(key, 'result');
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('ses')) return name.slice(0, -2);
  return name.endsWith('s') ? name.slice(0, -1) : 'item';
}
