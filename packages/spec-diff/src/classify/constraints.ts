// Whether a changed schema keyword lets more values through or fewer, read
// from the two values themselves where that can be told (Redocly rates a
// changed `pattern` major whichever way it goes). A pattern is compared by
// sampling: strings that match the old pattern must all match the new one.
import fc from 'fast-check';

/** What a keyword change does to the set of values a schema accepts. */
export type Effect = 'widened' | 'narrowed' | 'changed';

const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);
const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);

/** The effect, or undefined when the values do not tell (then Redocly's rating decides). */
export function constraintEffect(property: string, before: unknown, after: unknown): Effect | undefined {
  if (property === 'additionalProperties') return additionalEffect(before, after);
  if (property === 'uniqueItems') return before === true && after !== true ? 'widened' : 'narrowed';
  if (after === undefined) return 'widened';
  if (before === undefined) return 'narrowed';
  if (property === 'type') return typeEffect(before, after);
  if (typeof before === 'number' && typeof after === 'number') {
    if (UPPER_BOUNDS.has(property)) return after > before ? 'widened' : 'narrowed';
    if (LOWER_BOUNDS.has(property)) return after < before ? 'widened' : 'narrowed';
    if (property === 'multipleOf')
      return before % after === 0 ? 'widened' : after % before === 0 ? 'narrowed' : 'changed';
  }
  if (property === 'pattern' && typeof before === 'string' && typeof after === 'string')
    return patternEffect(before, after);
  return undefined;
}

/** JSON types as sets; `integer` is a part of `number`. */
function typeEffect(before: unknown, after: unknown): Effect {
  const set = (value: unknown) => new Set(Array.isArray(value) ? value.map(String) : [String(value)]);
  const covers = (wide: Set<string>, narrow: Set<string>) =>
    [...narrow].every((t) => wide.has(t) || (t === 'integer' && wide.has('number')));
  const [a, b] = [set(before), set(after)];
  if (covers(b, a)) return 'widened';
  if (covers(a, b)) return 'narrowed';
  return 'changed';
}

function additionalEffect(before: unknown, after: unknown): Effect | undefined {
  const open = (value: unknown) => value === undefined || value === true;
  if (open(after)) return 'widened';
  if (open(before) || after === false) return 'narrowed';
  return undefined;
}

const SAMPLES = 300;

/**
 * Widened when every sampled string of the old pattern matches the new one,
 * narrowed when every sample of the new one matches the old; deterministic
 * (fixed seed). A pattern fast-check cannot generate from is left to Redocly.
 */
export function patternEffect(before: string, after: string): Effect | undefined {
  try {
    const [old, next] = [new RegExp(before, 'u'), new RegExp(after, 'u')];
    const sample = (re: RegExp) => fc.sample(fc.stringMatching(re), { numRuns: SAMPLES, seed: 20261129 });
    if (sample(old).every((s) => next.test(s))) return 'widened';
    if (sample(next).every((s) => old.test(s))) return 'narrowed';
    return 'changed';
  } catch {
    return undefined;
  }
}
