// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, six
// digits), as authenticator apps compute them from a base32 secret. The
// sandbox checks two-factor codes for real; `totpCode` is exported so that a
// test (or a script) can play the authenticator app.
import { createHmac, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_MS = 30_000;

export function newTotpSecret(): string {
  return [...randomBytes(20)].map((byte) => ALPHABET[byte % 32]).join('');
}

function decodeBase32(secret: string): Buffer {
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase())
    bits += ALPHABET.indexOf(char).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
}

/** The six-digit code an authenticator app shows for `secret` at `atMs`. */
export function totpCode(secret: string, atMs = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / STEP_MS)));
  const digest = createHmac('sha1', decodeBase32(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Whether `attempt` is the code of the current step or of a neighbouring one (clock drift). */
export function totpMatches(secret: string, attempt: string | number, atMs = Date.now()): boolean {
  const code = String(attempt).padStart(6, '0');
  return [-1, 0, 1].some((drift) => totpCode(secret, atMs + drift * STEP_MS) === code);
}
