// What every handler of the sandbox shares: the stores, who is calling, and
// the API's own error answers.

import type { AppRow } from '../store/apps.js';
import type { Stores } from '../store/stores.js';
import type { UserRow } from '../store/users.js';

export interface Principal {
  user: UserRow;
  /** The addon a database token was issued for (database API calls only). */
  database?: string;
}

export interface Context extends Stores {
  /** Origin the sandbox answers on, for `Location` headers. */
  origin(): string;
}

export const notFound = (resource: string) => ({ status: 404 as const, body: { resource, error: 'not found' } });
export const invalid = (field: string, message: string) => ({
  status: 422 as const,
  body: { errors: { [field]: [message] } },
});
export const conflict = (error: string) => ({ status: 409 as const, body: { error } });
export const forbidden = (error: string) => ({ status: 403 as const, body: { error, code: 'forbidden' } });
export const paymentRequired = (what: string) => ({
  status: 402 as const,
  body: { error: `A payment method is required ${what}`, url: 'https://dashboard.scalingo.com/billing' },
});

/** Runs `fn` in one SQLite transaction: every write is all or nothing, and durable once answered. */
export function transaction<T>(ctx: Context, fn: () => T): T {
  return ctx.db.transaction(fn)();
}

export function userRef(user: UserRow) {
  return { id: user.id, username: user.username, email: user.email };
}

/** The application named in the path, if the caller may see it. */
export function appOf(ctx: Context, principal: Principal, nameOrId: string): AppRow | undefined {
  return ctx.apps.find(principal.user, nameOrId);
}

export function pageParams(query: { page?: number; per_page?: number }, defaultPerPage = 30) {
  return { page: query.page ?? 1, perPage: query.per_page ?? defaultPerPage };
}

/** One page of `all` and the `meta.pagination` the API sends with it. */
export function paginate<T>(all: T[], query: { page?: number; per_page?: number }, defaultPerPage = 30) {
  const { page, perPage } = pageParams(query, defaultPerPage);
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    meta: {
      pagination: {
        prev_page: page > 1 ? page - 1 : null,
        current_page: page,
        next_page: page < totalPages ? page + 1 : null,
        total_pages: totalPages,
        total_count: all.length,
      },
    },
  };
}
