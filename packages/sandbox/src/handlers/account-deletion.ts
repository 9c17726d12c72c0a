// Closing an account in two steps: a request records the ID and token the
// confirmation email would carry (`Sandbox.accountDeletion` reads them, as the
// mailbox would), and the confirmation with that token deletes the user and,
// by cascade, everything the user owns; the credentials stop working.
import { randomBytes } from 'node:crypto';
import type { UsersHandlers } from '@scalingo-openapi/server';
import { id, isoDate } from '../store/values.js';
import { type Context, invalid, notFound, type Principal, transaction } from './context.js';

export function accountDeletionHandlers(
  ctx: Context,
): Pick<UsersHandlers<Principal>, 'requestDeletion' | 'confirmDeletion'> {
  return {
    requestDeletion({ auth }) {
      transaction(ctx, () => {
        const previous = ctx.accountDeletions.pending(auth.user.id);
        if (previous) ctx.accountDeletions.delete(auth.user.id, previous.id);
        ctx.accountDeletions.put(auth.user.id, {
          id: id('ud'),
          token: randomBytes(16).toString('hex'),
          created_at: isoDate(),
        });
      });
      return { status: 204 };
    },
    confirmDeletion({ auth, params, body }) {
      const pending = ctx.accountDeletions.pending(auth.user.id);
      if (!pending || pending.id !== params.deletion_id) return notFound('deletion');
      if (body.deletion.token !== pending.token) return invalid('token', 'does not match the confirmation email');
      transaction(ctx, () => ctx.users.delete(auth.user.id));
      return { status: 204 };
    },
  };
}
