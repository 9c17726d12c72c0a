import { describe, expect, test } from 'vitest';
import { fieldErrors, type PrismViolation, problemEnvelope, requestViolations } from '../src/envelopes.js';

const PRISM = 'https://stoplight.io/prism/errors#';

describe('problemEnvelope', () => {
  test.each([
    ['no path', { type: `${PRISM}NO_PATH_MATCHED_ERROR`, status: 404 }, 404, { resource: 'route', error: 'not found' }],
    [
      'no method',
      { type: `${PRISM}NO_METHOD_MATCHED_ERROR`, status: 405 },
      405,
      { error: 'PUT is not allowed on /v1/apps' },
    ],
    [
      'credentials',
      { type: `${PRISM}UNAUTHORIZED`, status: 401, detail: 'Invalid security scheme used' },
      401,
      { error: 'You are not authenticated: send valid credentials' },
    ],
    [
      'validation',
      {
        type: `${PRISM}UNPROCESSABLE_ENTITY`,
        status: 422,
        validation: [
          {
            location: ['body', 'app'],
            severity: 'Error',
            code: 'required',
            message: "Request body property app must have required property 'name'",
          },
        ],
      },
      422,
      { errors: { 'app.name': ['is missing'] } },
    ],
    [
      'validation without details',
      { type: `${PRISM}UNPROCESSABLE_ENTITY`, status: 422 },
      422,
      { errors: { request: ['is invalid'] } },
    ],
    [
      'anything else',
      { type: `${PRISM}NOT_ACCEPTABLE`, status: 406, title: 'The server cannot produce a representation' },
      406,
      { error: 'The server cannot produce a representation' },
    ],
    ['no type at all', { status: 500 }, 500, { error: 'The mock could not answer' }],
  ])('%s', (_, problem, status, body) => {
    expect(problemEnvelope(problem, 'PUT', '/v1/apps')).toEqual({ status, body });
  });

  test('no method, with the methods the path has → Allow', () => {
    expect(
      problemEnvelope({ type: `${PRISM}NO_METHOD_MATCHED_ERROR`, status: 405 }, 'PUT', '/v1/apps', ['GET', 'POST']),
    ).toEqual({
      status: 405,
      body: { error: 'PUT is not allowed on /v1/apps; use GET, POST' },
      allow: ['GET', 'POST'],
    });
  });
});

describe('fieldErrors', () => {
  const v = (location: string[], code: string, message: string, severity = 'Error'): PrismViolation => ({
    location,
    code,
    message,
    severity,
  });
  test.each([
    [
      'a missing root key',
      [v(['request', 'body'], 'required', "Request body must have required property 'app'")],
      { app: ['is missing'] },
    ],
    [
      'a nested field of the wrong type',
      [v(['request', 'body', 'app', 'name'], 'type', 'Request body property app.name must be string')],
      { 'app.name': ['must be string'] },
    ],
    [
      'a query parameter',
      [v(['request', 'query', 'page'], 'type', 'Request query parameter page must be integer')],
      { page: ['must be integer'] },
    ],
    [
      'an unknown field',
      [
        v(
          ['request', 'body', 'app'],
          'additionalProperties',
          "Request body property app must NOT have additional properties; found 'colour'",
        ),
      ],
      { 'app.colour': ['is not a known field'] },
    ],
    [
      'warnings are left out',
      [v(['request', 'query', 'x'], 'deprecated', 'Query param x is deprecated', 'Warning')],
      {},
    ],
    [
      'one message per field, once',
      [
        v(['request', 'body', 'app', 'name'], 'type', 'Request body property app.name must be string'),
        v(['request', 'body', 'app', 'name'], 'type', 'Request body property app.name must be string'),
        v(['request', 'body', 'app', 'name'], 'pattern', 'Request body property app.name must match pattern "^[a-z]"'),
      ],
      { 'app.name': ['must be string', 'must match pattern "^[a-z]"'] },
    ],
    ['the whole body', [v(['request', 'body'], 'type', 'Request body must be object')], { body: ['must be object'] }],
  ])('%s', (_, violations, want) => {
    expect(fieldErrors(violations)).toEqual(want);
  });
});

describe('requestViolations', () => {
  test('keeps the request errors of sl-violations, not the response ones nor credentials', () => {
    const header = JSON.stringify([
      { location: ['request'], severity: 'Error', code: 401, message: 'Invalid security scheme used' },
      { location: ['request', 'body', 'app'], severity: 'Error', code: 'required', message: 'x' },
      { location: ['response', 'body'], severity: 'Error', code: 'type', message: 'y' },
    ]);
    expect(requestViolations(header).map((v) => v.message)).toEqual(['x']);
  });
  test.each([[undefined], ['Too many violations! [{"loc']])('%s → none', (header) => {
    expect(requestViolations(header)).toEqual([]);
  });
});
