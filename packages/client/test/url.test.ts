// The URL builder covers what the spec declares: every path parameter is a
// primitive in the `simple` style, every query parameter a primitive or an
// array in the `form` style, exploded; and for those it writes what
// openapi-fetch's default serializers write.

import { deref, loadSpec, operations } from '@scalingo-openapi/test-support/spec';
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, test } from 'vitest';
import { buildUrl } from '../src/internal/url.js';

const spec = await loadSpec();

describe('buildUrl', () => {
  test('every parameter of the spec has a style the builder writes', () => {
    const unsupported: string[] = [];
    for (const entry of operations(spec)) {
      for (const parameter of entry.parameters) {
        if (parameter.in !== 'path' && parameter.in !== 'query') continue;
        const schema = deref(spec, parameter.schema ?? {});
        const style = parameter.style ?? (parameter.in === 'path' ? 'simple' : 'form');
        const explode = parameter.explode ?? style === 'form';
        const array = schema.type === 'array';
        const ok =
          schema.type !== 'object' &&
          (parameter.in === 'path' ? style === 'simple' && !array : style === 'form' && (!array || explode));
        if (!ok) unsupported.push(`${entry.pointer} ${parameter.in}:${parameter.name}`);
      }
    }
    expect(unsupported).toEqual([]);
  });

  test.each([
    ['/apps', {}, {}],
    ['/apps/{app}', { app: 'my-shop-prod' }, {}],
    ['/apps/{app}/containers/{container_id}/kill', { app: 'a b/c', container_id: 'web-1' }, {}],
    ['/apps/{app}/events', { app: 'x' }, { page: 2, per_page: 50 }],
    ['/apps/{app}/variables', { app: 'x' }, { variable_ids: ['v1', 'v&2'], aliases: true }],
    ['/apps/{app}/logs', { app: 'x' }, { n: 0, empty: '', skipped: undefined, nothing: null, none: [] }],
    ['/search', {}, { q: 'é ? & = #' }],
  ])('%s %j %j as openapi-fetch writes it', (template, path, query) => {
    const expected = createFinalURL(template, {
      baseUrl: 'https://api.osc-fr1.scalingo.com/v1',
      params: { path, query },
      querySerializer: createQuerySerializer(),
      pathSerializer: defaultPathSerializer,
    });
    expect(buildUrl('https://api.osc-fr1.scalingo.com/v1', template, path, query)).toBe(expected);
  });
});
