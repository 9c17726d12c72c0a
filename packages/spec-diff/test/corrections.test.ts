// x-scalingo-corrects: a breaking-rated change the spec marks as a correction
// to the real wire stops failing the gate, against the named base release only.
import { describe, expect, test } from 'vitest';
import { applyCorrections } from '../src/compare/corrections.js';
import type { Change } from '../src/types.js';

const document = {
  paths: {
    '/apps/{app}/deployments': {
      post: {
        'x-scalingo-corrects': [{ kind: 'other', base: '1.0.0', why: 'the platform answers 201' }],
        responses: { '201': { description: 'created' } },
      },
    },
  },
};
const change = (kind: Change['kind']): Change => ({
  document: 'scalingo',
  kind,
  breaking: true,
  message: 'Response `200` became `201`',
  pointer: '#/paths/~1apps~1{app}~1deployments/post/responses/201',
});

describe('corrections', () => {
  test('a marked change below the mark is not breaking, and says why', () => {
    const changes = [change('other')];
    applyCorrections(document, changes, '1.0.0');
    expect(changes[0]).toMatchObject({ breaking: false, corrected: 'the platform answers 201' });
  });

  test('another kind, or another base release, still breaks', () => {
    const changes = [change('field-removed')];
    applyCorrections(document, changes, '1.0.0');
    expect(changes[0]!.breaking).toBe(true);
    const later = [change('other')];
    applyCorrections(document, later, '1.1.0');
    expect(later[0]!.breaking).toBe(true);
    expect(later[0]!.corrected).toBeUndefined();
  });
});
