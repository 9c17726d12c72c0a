// Reading arbitrary JSON (a bundled document walked by pointer): the narrowing
// the walks of this package share, so that no value is typed `any`.

export type JsonObject = Record<string, unknown>;

/** An object or an array: something a pointer segment can step into. */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object';
}

/** `value[key]` when `value` is an object, else `undefined`. */
export function member(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}
