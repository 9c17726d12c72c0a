// Expiry of a Bearer token, read from its JWT payload without verifying it
// (the API does that); falls back to the documented one-hour lifetime.

const ONE_HOUR_MS = 60 * 60 * 1000;

export function expiresAt(token: string, now = Date.now()): number {
  const payload = token.split('.')[1];
  if (payload) {
    try {
      const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
      if (typeof json.exp === 'number') return json.exp * 1000;
    } catch {
      // Not a JWT: use the documented lifetime.
    }
  }
  return now + ONE_HOUR_MS;
}
