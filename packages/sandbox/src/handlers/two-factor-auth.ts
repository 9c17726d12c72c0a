// Two-factor authentication of the caller: `initiate` hands out a new TOTP
// secret, `validate` turns it on once a code computed from it is right (and
// hands out recovery codes, for sign-ins), `disable` turns it off with a
// current code. The status moves only through these calls.
import { randomBytes } from 'node:crypto';
import type { Handlers } from '@scalingo-openapi/server';
import type { TwoFactorDoc } from '../store/two-factor.js';
import type { UserRow } from '../store/users.js';
import { type Context, invalid, type Principal, transaction } from './context.js';
import { newTotpSecret, totpMatches } from './totp.js';

const present = (user: UserRow, doc: TwoFactorDoc | undefined) => ({
  uuid: setupId(user),
  enabled: doc?.enabled ?? false,
  ...(doc ? { provider: doc.provider } : {}),
});

/** One set-up per user, so its ID derives from the user's. */
const setupId = (user: UserRow) => user.id.replace(/^us-/, '');

export function twoFactorAuthHandlers(ctx: Context): NonNullable<Handlers<Principal>['twoFactorAuth']> {
  const of = (user: UserRow) => ctx.twoFactors.get(user.id, setupId(user));
  return {
    retrieve({ auth }) {
      return { status: 200, body: { tfa: present(auth.user, of(auth.user)) } };
    },
    initiate({ auth }) {
      if (of(auth.user)?.enabled) return invalid('tfa', 'is already enabled: disable it first');
      const doc: TwoFactorDoc = {
        id: setupId(auth.user),
        enabled: false,
        provider: 'totp',
        secret: newTotpSecret(),
        recovery_codes: [],
      };
      transaction(ctx, () => ctx.twoFactors.put(auth.user.id, doc));
      const uri = `otpauth://totp/Scalingo:${encodeURIComponent(auth.user.email)}?secret=${doc.secret}&issuer=Scalingo`;
      return { status: 201, body: { tfa: { ...present(auth.user, doc), provider: 'totp', uri } } };
    },
    validate({ auth, body }) {
      const doc = of(auth.user);
      if (!doc) return invalid('tfa', 'has no set-up in progress: initiate it first');
      if (doc.enabled) return invalid('tfa', 'is already enabled');
      if (!totpMatches(doc.secret, body.tfa.attempt)) return invalid('attempt', 'is not the current one-time password');
      const codes = Array.from({ length: 8 }, () =>
        randomBytes(4)
          .toString('hex')
          .replace(/^(.{4})/, '$1-'),
      );
      const enabled = { ...doc, enabled: true, recovery_codes: codes };
      transaction(ctx, () => ctx.twoFactors.put(auth.user.id, enabled));
      return { status: 200, body: { tfa: { codes, user: present(auth.user, enabled) } } };
    },
    disable({ auth, body }) {
      const doc = of(auth.user);
      if (!doc?.enabled) return invalid('tfa', 'is not enabled');
      if (!totpMatches(doc.secret, body.tfa.attempt)) return invalid('attempt', 'is not the current one-time password');
      transaction(ctx, () => ctx.twoFactors.delete(auth.user.id, doc.id));
      return { status: 200, body: { tfa: present(auth.user, undefined) } };
    },
  };
}
