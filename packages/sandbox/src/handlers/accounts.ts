// Users and tokens: the seed's sign-in, the token exchange, API tokens.
import type { Handlers } from '@scalingo-openapi/server';
import { presentUser } from '../present.js';
import type { UserRow } from '../store/users.js';
import { isoDate } from '../store/values.js';
import { type Context, invalid, notFound, type Principal, transaction } from './context.js';
import { defined } from './templates.js';

interface UserChange {
  user: { email?: string; username?: string };
}

export function accountHandlers(ctx: Context): Pick<Handlers<Principal>, 'users' | 'tokens'> {
  /** PATCH and PUT of the caller's own account (another user's ID is not found): email and username stay unique. */
  const changeUser = ({ auth, params, body }: { auth: Principal; params: { user_id: string }; body: UserChange }) => {
    if (params.user_id !== auth.user.id) return notFound('user');
    const { email, username } = body.user;
    const other = (found: UserRow | undefined) => found !== undefined && found.id !== auth.user.id;
    if (email !== undefined && other(ctx.users.byEmail(email))) return invalid('email', 'has already been taken');
    if (username !== undefined && other(ctx.users.byLogin(username)))
      return invalid('username', 'has already been taken');
    const user = transaction(ctx, () => ctx.users.update(auth.user.id, defined(body.user, ['email', 'username'])));
    return { status: 200 as const, body: { user: presentUser(user) } };
  };
  return {
    users: {
      signIn({ body, request }) {
        const user = ctx.users.byLogin(body.user.login);
        const typeData = { remote_ip: request.ip };
        if (!user || user.password !== body.user.password) {
          // A failed attempt on an existing account is on its timeline.
          if (user) transaction(ctx, () => ctx.events.append({ user, type: 'login_failure', typeData }));
          return { status: 401, body: { error: 'The login or the password is wrong' } };
        }
        const token = transaction(ctx, () => {
          ctx.events.append({ user, type: 'login_success', typeData });
          return ctx.tokens.list(user.id)[0] ?? ctx.tokens.create(user.id, 'sign-in');
        });
        return { status: 201, body: { authentication_token: token.token, user: presentUser(user) } };
      },
      self({ auth }) {
        return { status: 200, body: { user: presentUser(auth.user) } };
      },
      // Sign-up: a new account, with the email address unique; the username is made from its local part.
      create({ body }) {
        const { email, password } = body.user;
        if (ctx.users.byEmail(email)) return invalid('email', 'has already been taken');
        transaction(ctx, () => {
          const username = ctx.users.freeUsername(
            email
              .split('@')[0]!
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-') || 'user',
          );
          ctx.users.create({ username, email, password });
        });
        return { status: 201 };
      },
      update: (request) => changeUser(request) as never,
      replace: (request) => changeUser(request) as never,
      delete({ auth }) {
        transaction(ctx, () => ctx.users.delete(auth.user.id));
        return { status: 204 };
      },
    },
    tokens: {
      exchange({ request }) {
        // The exchange authenticates with the API token as Basic password.
        const password = Buffer.from((request.headers.authorization ?? '').replace(/^Basic\s+/i, ''), 'base64')
          .toString()
          .split(':')
          .slice(1)
          .join(':');
        const bearer = transaction(ctx, () => ctx.tokens.exchange(password));
        if (!bearer) return { status: 401, body: { error: 'The API token is invalid' } };
        return { status: 200, body: { token: bearer } };
      },
      list({ auth }) {
        return {
          status: 200,
          body: {
            tokens: ctx.tokens
              .list(auth.user.id)
              .map((t) => ({ id: t.id, name: t.name, created_at: t.created_at, last_used_at: t.last_used_at })),
          },
        };
      },
      create({ auth, body }) {
        // Rooted (Go client) or flat (JS client), as the API accepts both.
        const { name } = 'token' in body ? body.token : body;
        const token = transaction(ctx, () => ctx.tokens.create(auth.user.id, name));
        return {
          status: 201,
          body: {
            token: {
              id: token.id,
              name: token.name,
              created_at: token.created_at,
              last_used_at: null,
              issued_at: isoDate(),
              token: token.token,
            },
          },
        };
      },
      delete({ auth, params }) {
        const deleted = transaction(ctx, () => ctx.tokens.delete(auth.user.id, params.token_id));
        return deleted ? { status: 204 } : { status: 404, body: { resource: 'token', error: 'not found' } };
      },
    },
  };
}
