// Wire truth, Go half: the official Go client's sources (go-scalingo, read with
// tree-sitter-go) against the bundled spec. Each call the client makes must reach an
// operation of the spec that documents the status it expects; each field it decodes
// must be in the answer's schema with a JSON type encoding/json reads into the Go
// type; each field it sends must be in the request (body or query) with the type Go
// writes; every date it handles must accept nanoseconds. Disagreements kept on
// purpose are listed with their reason in `go-client-kept.ts`.
import { specValidator } from '@scalingo-openapi/test-support/ajv';
import { type Agreement, type Disagreement, goAgreement } from '@scalingo-openapi/test-support/go-client/go-agreement';
import { type GoCall, goCalls } from '@scalingo-openapi/test-support/go-client/go-calls';
import { readGoPackage } from '@scalingo-openapi/test-support/go-client/go-source';
import { locateGoClient } from '@scalingo-openapi/test-support/go-client/locate';
import { loadSpec } from '@scalingo-openapi/test-support/spec';
import { describe, expect, test } from 'vitest';
import { GO_CLIENT_KEPT, GO_CLIENT_SKIPPED } from './go-client-kept.js';

const THRESHOLDS = { endpoints: 1, decoded: 0.98, sent: 0.95 };

const root = locateGoClient();

/** Every way a call disagrees with the spec, as `field: reason` lines. */
function disagreementsOf(agreement: Agreement): Disagreement[] {
  return [
    ...agreement.endpoints.missing.map((name) => ({ field: name, reason: 'no operation of the spec' })),
    ...agreement.endpoints.statuses,
    ...agreement.decoded.disagreements,
    ...agreement.sent.disagreements,
  ];
}

const unkept = (list: Disagreement[]) =>
  list.filter((d) => !(d.field in GO_CLIENT_KEPT)).map((d) => `${d.field}: ${d.reason}`);

const percent = (agree: number, total: number) => `${agree}/${total} = ${((100 * agree) / total).toFixed(1)} %`;

if (!root) {
  describe('the official Go client', () => {
    // A criterion of the wire-truth issue: not finding the sources fails, it does not skip.
    test('go-scalingo sources are found', () => {
      expect.fail(
        'go-scalingo sources not found beside the checkout nor in the shared reference; set SCALINGO_GO_CLIENT to a go-scalingo checkout',
      );
    });
  });
} else {
  const spec = await loadSpec();
  const validator = specValidator(spec);
  const pkg = await readGoPackage(root, ['billing']);
  const { calls, skipped } = goCalls(pkg);
  const whole = goAgreement(spec, pkg, calls, validator);

  describe('the official Go client against the spec', () => {
    test('the client is read: its calls are found, those it cannot be followed into are named', () => {
      expect(calls.length).toBeGreaterThanOrEqual(140);
      expect(Object.fromEntries(skipped.map((s) => [s.site, s.reason]))).toEqual(
        Object.fromEntries(Object.keys(GO_CLIENT_SKIPPED).map((site) => [site, expect.stringMatching(/another host/)])),
      );
    });

    test.each(calls.map((call): [string, GoCall] => [`${call.site}: ${call.method} ${call.path}`, call]))(
      '%s',
      (_, call) => {
        const agreement = goAgreement(spec, pkg, [call], validator);
        expect(agreement.endpoints.missing, 'the endpoint is an operation of the spec').toEqual([]);
        expect(unkept(agreement.endpoints.statuses), 'the status the client expects is documented').toEqual([]);
        expect(unkept(agreement.decoded.disagreements), 'decoded fields agree').toEqual([]);
        expect(unkept(agreement.sent.disagreements), 'sent fields agree').toEqual([]);
      },
    );

    test('every kept disagreement still happens (the list only holds live decisions)', () => {
      const live = new Set(disagreementsOf(whole).map((d) => d.field));
      expect(Object.keys(GO_CLIENT_KEPT).filter((field) => !live.has(field))).toEqual([]);
      for (const [field, reason] of Object.entries(GO_CLIENT_KEPT)) expect(reason, field).toMatch(/\S{10,}/);
    });

    test('every date the client decodes or sends accepts nanoseconds and no fraction', () => {
      const dates = disagreementsOf(whole).filter((d) => /rejects the date/.test(d.reason));
      expect(dates.map((d) => `${d.field}: ${d.reason}`)).toEqual([]);
      expect(whole.decoded.dates).toBeGreaterThan(50);
      expect(whole.sent.dates).toBeGreaterThan(0);
    });

    test(`figures: endpoints ${THRESHOLDS.endpoints * 100} %, decoded ≥ ${THRESHOLDS.decoded * 100} %, sent ≥ ${THRESHOLDS.sent * 100} %`, () => {
      const { endpoints, decoded, sent } = whole;
      console.log(
        [
          'official Go client against the spec:',
          `  endpoints present ${percent(endpoints.present.length, endpoints.total)}`,
          `  decoded fields agree ${percent(decoded.agree, decoded.total)} (${decoded.dates} dates)`,
          `  sent fields agree ${percent(sent.agree, sent.total)} (${sent.dates} dates)`,
          `  kept on purpose: ${Object.keys(GO_CLIENT_KEPT).length}`,
        ].join('\n'),
      );
      expect(endpoints.total).toBeGreaterThanOrEqual(142);
      expect(endpoints.present.length / endpoints.total).toBeGreaterThanOrEqual(THRESHOLDS.endpoints);
      expect(decoded.agree / decoded.total).toBeGreaterThanOrEqual(THRESHOLDS.decoded);
      expect(sent.agree / sent.total).toBeGreaterThanOrEqual(THRESHOLDS.sent);
    });
  });
}
