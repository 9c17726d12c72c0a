// Users of a database: names unique in the database, the protected default
// user (named after the addon's resource) neither changed nor deleted, a
// password shown only in the answer that set it.
import { randomBytes } from 'node:crypto';
import type { AddonDoc } from '../store/addons.js';
import type { DatabaseUserDoc } from '../store/database-users.js';
import type { Context } from './context.js';
import { invalid, notFound, transaction } from './context.js';
import { type DatabaseRequest, withDatabase } from './databases.js';
import type { Answer } from './family.js';

const ATTRIBUTES = { password_encryption: 'SCRAM-SHA-256' };

/** 24 letters and digits, the platform's generated passwords' shape. */
const generatedPassword = () => randomBytes(18).toString('base64').replace(/[+/]/g, 'x').slice(0, 24);

export function defaultUser(addon: AddonDoc): DatabaseUserDoc {
  return {
    id: `${addon.id}/${addon.resource_id}`,
    name: addon.resource_id,
    read_only: false,
    protected: true,
    password: generatedPassword(),
    dbms_attributes: ATTRIBUTES,
  };
}

/** The user as the API shows it; the password only where the call set it. */
function present(user: DatabaseUserDoc, withPassword = false) {
  const { id: _id, password, ...shown } = user;
  return withPassword ? { ...shown, password } : shown;
}

const protectedUser = (name: string): Answer => ({
  status: 422,
  body: { errors: { name: [`${name} is the protected default user and cannot be changed`] } },
});

/** The password and its confirmation, if they agree. */
function passwordOf(input: Record<string, unknown>): string | Answer | undefined {
  const password = input.password as string | null | undefined;
  const confirmation = input.password_confirmation as string | null | undefined;
  if (password == null) return confirmation == null ? undefined : invalid('password', 'is missing');
  if (confirmation != null && confirmation !== password)
    return invalid('password_confirmation', "doesn't match password");
  return password;
}

export function databaseUserHandlers(ctx: Context) {
  const withUser = (request: DatabaseRequest, then: (addonId: string, user: DatabaseUserDoc) => Answer) =>
    withDatabase(ctx, request, ({ addon }) => {
      const user = ctx.databaseUsers.get(addon.id, `${addon.id}/${request.params.username}`);
      return user ? then(addon.id, user) : notFound('database_user');
    });
  return {
    list: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => ({
        status: 200,
        body: { 'database-users': ctx.databaseUsers.list(addon.id).map((u) => present(u)) },
      })),
    create: (request: DatabaseRequest) =>
      withDatabase(ctx, request, ({ addon }) => {
        const input = (request.body?.database_user ?? {}) as Record<string, unknown>;
        const name = String(input.name);
        if (ctx.databaseUsers.get(addon.id, `${addon.id}/${name}`)) return invalid('name', 'has already been taken');
        const password = passwordOf(input);
        if (typeof password === 'object') return password;
        const user: DatabaseUserDoc = {
          id: `${addon.id}/${name}`,
          name,
          read_only: input.read_only === true,
          protected: false,
          password: password ?? generatedPassword(),
          dbms_attributes: ATTRIBUTES,
        };
        transaction(ctx, () => ctx.databaseUsers.put(addon.id, user));
        return { status: 201, body: { database_user: present(user, true) } };
      }),
    update: (request: DatabaseRequest) =>
      withUser(request, (addonId, user) => {
        if (user.protected) return protectedUser(user.name);
        const password = passwordOf((request.body?.database_user ?? {}) as Record<string, unknown>);
        if (typeof password === 'object') return password;
        if (password === undefined) return invalid('password', 'is missing');
        const changed = { ...user, password };
        transaction(ctx, () => ctx.databaseUsers.put(addonId, changed));
        return { status: 200, body: { database_user: present(changed) } };
      }),
    resetPassword: (request: DatabaseRequest) =>
      withUser(request, (addonId, user) => {
        const changed = { ...user, password: generatedPassword() };
        transaction(ctx, () => ctx.databaseUsers.put(addonId, changed));
        return { status: 200, body: { database_user: present(changed, true) } };
      }),
    delete: (request: DatabaseRequest) =>
      withUser(request, (addonId, user) => {
        // The API documents no refusal here: deleting the protected user is answered as if it were not there.
        if (user.protected) return notFound('database_user');
        transaction(ctx, () => ctx.databaseUsers.delete(addonId, user.id));
        return { status: 204 };
      }),
  };
}
