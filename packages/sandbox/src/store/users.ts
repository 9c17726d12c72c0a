// Users, their API tokens, and the Bearer and database tokens issued from them.

import { randomUUID } from 'node:crypto';
import type { Db } from './database.js';
import { apiToken, bearerToken, id, isoDate } from './values.js';

export interface UserRow {
  id: string;
  username: string;
  email: string;
  password: string;
  payment_method: number;
  created_at: string;
}

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  token: string;
  created_at: string;
  last_used_at: string | null;
}

const BEARER_LIFETIME_MS = 60 * 60 * 1000;

export class Users {
  constructor(private readonly db: Db) {}

  create(input: { username: string; email: string; password: string; paymentMethod?: boolean; token?: string }): {
    user: UserRow;
    token: TokenRow;
  } {
    const user: UserRow = {
      id: id('us'),
      username: input.username,
      email: input.email,
      password: input.password,
      payment_method: input.paymentMethod ? 1 : 0,
      created_at: isoDate(),
    };
    this.db
      .prepare(
        'INSERT INTO users (id, username, email, password, payment_method, created_at) VALUES (@id, @username, @email, @password, @payment_method, @created_at)',
      )
      .run(user);
    return { user, token: this.createToken(user.id, 'sandbox', input.token) };
  }

  byId(userId: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
  }

  byLogin(login: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE email = ? OR username = ?').get(login, login) as
      | UserRow
      | undefined;
  }

  byEmail(email: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE lower(email) = lower(?)').get(email) as UserRow | undefined;
  }

  createToken(userId: string, name: string, value = apiToken()): TokenRow {
    const row: TokenRow = {
      id: randomUUID(),
      user_id: userId,
      name,
      token: value,
      created_at: isoDate(),
      last_used_at: null,
    };
    this.db
      .prepare(
        'INSERT INTO api_tokens (id, user_id, name, token, created_at, last_used_at) VALUES (@id, @user_id, @name, @token, @created_at, @last_used_at)',
      )
      .run(row);
    return row;
  }

  tokens(userId: string): TokenRow[] {
    return this.db.prepare('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at').all(userId) as TokenRow[];
  }

  deleteToken(userId: string, tokenId: string): boolean {
    return this.db.prepare('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(tokenId, userId).changes > 0;
  }

  /** The user an API token belongs to (the seed's Basic password). */
  byApiToken(value: string): UserRow | undefined {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE token = ?').get(value) as TokenRow | undefined;
    return row ? this.byId(row.user_id) : undefined;
  }

  exchange(value: string): string | undefined {
    const token = this.db.prepare('SELECT * FROM api_tokens WHERE token = ?').get(value) as TokenRow | undefined;
    if (!token) return undefined;
    const expires = Date.now() + BEARER_LIFETIME_MS;
    const bearer = bearerToken(token.user_id, expires);
    this.db
      .prepare('INSERT INTO bearer_tokens (token, user_id, expires_at) VALUES (?, ?, ?)')
      .run(bearer, token.user_id, expires);
    this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(isoDate(), token.id);
    return bearer;
  }

  byBearer(value: string): UserRow | undefined {
    const row = this.db
      .prepare('SELECT user_id FROM bearer_tokens WHERE token = ? AND expires_at > ?')
      .get(value, Date.now()) as { user_id: string } | undefined;
    return row ? this.byId(row.user_id) : undefined;
  }

  issueDatabaseToken(addonId: string, userId: string): string {
    const expires = Date.now() + BEARER_LIFETIME_MS;
    const token = bearerToken(userId, expires);
    this.db
      .prepare('INSERT INTO database_tokens (token, addon_id, user_id, expires_at) VALUES (?, ?, ?, ?)')
      .run(token, addonId, userId, expires);
    return token;
  }

  byDatabaseToken(value: string): { user: UserRow; addonId: string } | undefined {
    const row = this.db
      .prepare('SELECT * FROM database_tokens WHERE token = ? AND expires_at > ?')
      .get(value, Date.now()) as { user_id: string; addon_id: string } | undefined;
    const user = row && this.byId(row.user_id);
    return user ? { user, addonId: row!.addon_id } : undefined;
  }
}
