// Model: turns a bundled document into services, a resource tree and
// operations. Every identifier is checked here, once; a spec that cannot be
// modelled fails with `file:line:col` problems.

import { HTTP_METHODS, isRef, operationPointer, SpecError, type SpecProblem } from '@scalingo-openapi/spec-reader';
import type {
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  RequestBodyObject,
  SecuritySchemeObject,
  ServerObject,
} from 'openapi-typescript';
import type { LoadedSpec, OpenApiDocument } from '../load/load-spec.js';
import { deref, objectKeys, readEnvelope, readPagination } from './envelope.js';
import { operationExamples } from './examples.js';
import { operationSchemas } from './json-schemas.js';
import { canSpreadBody, operationSignature } from './operation-signature.js';
import { buildResourceTree } from './resource-tree.js';
import type {
  ApiModel,
  ErrorResponse,
  HttpMethod,
  Operation,
  Param,
  RequestBody,
  Service,
  ServiceName,
} from './types.js';

const OPERATION_ID = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const RESERVED = new Set(['constructor', 'prototype', 'toString', 'then', 'request', 'call']);

export function serviceOf(url: string, alias: string): ServiceName {
  if (alias !== 'scalingo') return 'provider';
  if (/\/\/auth\./.test(url)) return 'auth';
  if (/\/\/db-api\./.test(url)) return 'database';
  if (/\/\/cashmachine\./.test(url)) return 'billing';
  return 'regional';
}

export function buildModel(spec: LoadedSpec): ApiModel {
  const doc = spec.document;
  const problems: SpecProblem[] = [];
  const report = (pointer: string, message: string) => problems.push({ ...spec.locator.locate(pointer), message });
  const services = new Map<ServiceName, Service>();
  const addServers = (servers: ServerObject[] | undefined): ServiceName => {
    const list: Array<Partial<ServerObject> & { url: string }> =
      servers && servers.length > 0 ? servers : (doc.servers ?? [{ url: '/' }]);
    const name = serviceOf(list[0]!.url, spec.alias);
    if (!services.has(name)) {
      const regions = list.flatMap((s) => s.variables?.region?.enum ?? []);
      services.set(name, { name, urls: list.map((s) => s.url), regions: [...new Set<string>(regions)] });
    }
    return name;
  };
  addServers(doc.servers);

  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const op = deref(doc, item[method]);
      if (!op) continue;
      const pointer = operationPointer(path, method);
      const id: string | undefined = op.operationId;
      if (!id || !OPERATION_ID.test(id)) {
        report(
          `${pointer}/operationId`,
          `operationId "${id ?? ''}" must be dotted camelCase segments (apps.variables.list)`,
        );
        continue;
      }
      const segments = id.split('.');
      const reserved = segments.find((s) => RESERVED.has(s));
      if (reserved) report(`${pointer}/operationId`, `"${reserved}" cannot name a resource or method (${id})`);
      const service = addServers(op.servers ?? item.servers);
      const rawParams = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const params = readParams(doc, rawParams);
      for (const p of params.filter((q) => q.in === 'path')) {
        if (!path.includes(`{${p.name}}`)) report(pointer, `path parameter "${p.name}" is not in ${path}`);
      }
      const unrooted = op['x-scalingo-unrooted'] === true;
      const body = readBody(doc, op.requestBody, params);
      const responses = Object.entries(op.responses ?? {});
      const successes = responses
        .filter(([status]) => /^2\d\d$/.test(status))
        .sort(([a], [b]) => Number(a) - Number(b));
      const [successStatus, successRaw] = successes[0] ?? [];
      if (!successStatus) {
        report(`${pointer}/responses`, `${id} documents no 2xx answer`);
        continue;
      }
      const success = deref(doc, successRaw!);
      const hasPage = params.some((p) => p.in === 'query' && p.name === 'page');
      const pagination = hasPage ? readPagination(doc, success, findParam(doc, item, op, 'per_page')) : undefined;
      // An operation known from an official client only pages as that client does;
      // without meta.pagination it is an ordinary call that takes `page`.
      if (hasPage && !pagination && method !== 'head' && !op['x-scalingo-evidence'])
        report(`${pointer}/responses/${successStatus}`, `${id} takes page but answers no meta.pagination`);
      const headers = Object.keys(success.headers ?? {});
      const errors: ErrorResponse[] = responses
        .filter(([status]) => !/^2\d\d$/.test(status))
        .map(([status, raw]) => {
          const response = deref(doc, raw);
          const media = response.content?.['application/json']?.schema;
          const schemaRef = isRef(media) ? media.$ref : undefined;
          return {
            status,
            ...(schemaRef ? { schema: schemaRef.split('/').pop()! } : {}),
            mediaTypes: Object.keys(response.content ?? {}),
          };
        });
      const envelope =
        pagination && method !== 'head'
          ? {
              kind: 'root' as const,
              key: pagination.itemsKey,
              ...(pagination.item ? { schema: { name: pagination.item.name, isArray: true } } : {}),
            }
          : readEnvelope(doc, success, { unrooted });
      const security: string[][] = (op.security ?? doc.security ?? []).map((r) => Object.keys(r));
      operations.push({
        id,
        resource: segments.slice(0, -1),
        name: segments.at(-1)!,
        method: method.toUpperCase() as HttpMethod,
        path,
        service,
        ...(op.tags?.[0] ? { tag: op.tags[0] } : {}),
        summary: op.summary ?? id,
        ...(op.description ? { description: op.description } : {}),
        deprecated: op.deprecated === true,
        security,
        params,
        ...(body ? { body } : {}),
        success: { status: Number(successStatus), envelope, headers },
        ...(pagination && method !== 'head' ? { pagination } : {}),
        async: successStatus === '202' && headers.includes('Location'),
        errors,
        schemas: operationSchemas(doc, rawParams, params, op),
        examples: operationExamples(doc, rawParams, op),
        ...(op['x-scalingo-head-of'] ? { headOf: op['x-scalingo-head-of'] } : {}),
        signature: operationSignature(params, body),
      });
    }
  }

  const ids = new Map<string, Operation>();
  for (const operation of operations) {
    if (ids.has(operation.id))
      problems.push({
        ...spec.locator.locate(pointerOf(operation)),
        message: `operationId ${operation.id} is used twice`,
      });
    ids.set(operation.id, operation);
  }
  const { resources, problems: treeProblems } = buildResourceTree(operations.filter((o) => !o.headOf));
  for (const p of treeProblems)
    problems.push({ ...spec.locator.locate(`${pointerOf(p.operation)}/operationId`), message: p.message });
  if (problems.length > 0) throw new SpecError(problems);

  operations.sort((a, b) => a.id.localeCompare(b.id));
  return {
    document: spec.alias,
    title: doc.info?.title ?? spec.alias,
    version: doc.info?.version ?? '0.0.0',
    services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
    operations,
    resources,
    securitySchemes: Object.fromEntries(
      Object.entries(doc.components?.securitySchemes ?? {}).map(([name, scheme]) => [
        name,
        deref(doc, scheme) as SecuritySchemeObject,
      ]),
    ),
    schemas: Object.keys(doc.components?.schemas ?? {}).sort(),
    componentSchemas: doc.components?.schemas ?? {},
  };
}

function pointerOf(operation: Operation): string {
  return operationPointer(operation.path, operation.method);
}

function findParam(
  doc: OpenApiDocument,
  item: PathItemObject,
  op: OperationObject,
  name: string,
): ParameterObject | undefined {
  return [...(op.parameters ?? []), ...(item.parameters ?? [])].map((p) => deref(doc, p)).find((p) => p.name === name);
}

function readParams(doc: OpenApiDocument, raw: Array<ParameterObject | ReferenceObject>): Param[] {
  const byKey = new Map<string, Param>();
  for (const r of raw) {
    const p = deref(doc, r);
    const schema = deref(doc, p.schema);
    if (p.in === 'cookie') continue;
    byKey.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in,
      required: p.in === 'path' || p.required === true,
      ...(p.description ? { description: p.description } : {}),
      deprecated: p.deprecated === true,
      ...(typeof schema?.type === 'string' ? { type: schema.type } : {}),
    });
  }
  return [...byKey.values()];
}

/** Body root keys are spread next to the parameters (`{ current_name, new_name }` too) unless a name clashes. */
function readBody(
  doc: OpenApiDocument,
  raw: RequestBodyObject | ReferenceObject | undefined,
  params: Param[],
): RequestBody | undefined {
  if (!raw) return undefined;
  const body = deref(doc, raw);
  const schema = deref(doc, body.content?.['application/json'])?.schema;
  const { keys, required } = schema ? objectKeys(doc, schema) : { keys: [], required: [] };
  const spread = canSpreadBody(params, keys);
  return {
    required: body.required === true,
    rootKeys: keys,
    mode: spread ? 'spread' : 'whole',
    requiredKeys: required,
  };
}
