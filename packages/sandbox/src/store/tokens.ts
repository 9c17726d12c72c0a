// Credentials: a user's API tokens, the Bearer tokens exchanged from them, and
// the database tokens issued for one addon. Each dies with its user (and a
// database token with its addon).
import { randomUUID } from 'node:crypto';
import type { Db } from './database.js';
import type { UserRow } from './users.js';
import { apiToken, bearerToken, isoDate } from './values.js';

export const tokensSchema = `
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, last_used_at TEXT);
CREATE TABLE IF NOT EXISTS bearer_tokens (
  token TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS database_tokens (
  token TEXT PRIMARY KEY, addon_id TEXT NOT NULL REFERENCES addons(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at INTEGER NOT NULL);`;

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  token: string;
  created_at: string;
  last_used_at: string | null;
}

const BEARER_LIFETIME_MS = 60 * 60 * 1000;

export class Tokens {
  constructor(private readonly db: Db) {}

  create(userId: string, name: string, value = apiToken()): TokenRow {
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

  list(userId: string): TokenRow[] {
    return this.db.prepare('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at').all(userId) as TokenRow[];
  }

  delete(userId: string, tokenId: string): boolean {
    return this.db.prepare('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(tokenId, userId).changes > 0;
  }

  /** The user an API token belongs to (the seed's Basic password). */
  userOfApiToken(value: string): UserRow | undefined {
    return this.db
      .prepare('SELECT users.* FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE token = ?')
      .get(value) as UserRow | undefined;
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

  userOfBearer(value: string): UserRow | undefined {
    return this.db
      .prepare(
        'SELECT users.* FROM bearer_tokens JOIN users ON users.id = bearer_tokens.user_id WHERE token = ? AND expires_at > ?',
      )
      .get(value, Date.now()) as UserRow | undefined;
  }

  issueDatabaseToken(addonId: string, userId: string): string {
    const expires = Date.now() + BEARER_LIFETIME_MS;
    const token = bearerToken(userId, expires);
    this.db
      .prepare('INSERT INTO database_tokens (token, addon_id, user_id, expires_at) VALUES (?, ?, ?, ?)')
      .run(token, addonId, userId, expires);
    return token;
  }

  /** Who holds a database token, and for which addon it was issued. */
  ofDatabaseToken(value: string): { user: UserRow; addonId: string } | undefined {
    const row = this.db
      .prepare(
        'SELECT users.*, database_tokens.addon_id AS addon_id FROM database_tokens JOIN users ON users.id = database_tokens.user_id WHERE token = ? AND expires_at > ?',
      )
      .get(value, Date.now()) as (UserRow & { addon_id: string }) | undefined;
    if (!row) return undefined;
    const { addon_id, ...user } = row;
    return { user, addonId: addon_id };
  }
}
