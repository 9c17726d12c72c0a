// Identifiers, dates and tokens shaped like the platform's.
import { randomBytes, randomUUID } from 'node:crypto';

/** Milliseconds since the epoch: `Date.now` unless a test injects its own, so lifecycles move deterministically. */
export type Clock = () => number;

/** `2024-06-05T14:41:03.118Z`: milliseconds and an offset, as the spec's DateTime requires. */
export function isoDate(ms = Date.now()): string {
  return new Date(ms).toISOString();
}

export function id(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** A 24-hex-digit identifier, like the platform's older resources. */
export function objectId(): string {
  return randomBytes(12).toString('hex');
}

export function apiToken(): string {
  return `tk-us-${randomBytes(24).toString('base64url')}`;
}

/** A JWT-shaped Bearer token whose payload carries the user and the expiry. */
export function bearerToken(userId: string, expiresAtMs: number): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS512', typ: 'JWT' })}.${encode({ sub: userId, exp: Math.floor(expiresAtMs / 1000) })}.${randomBytes(24).toString('base64url')}`;
}
