// Accounts: who can sign in, and whether they have a payment method.
import type { Db } from './database.js';
import { id, isoDate } from './values.js';

export const usersSchema = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, email TEXT NOT NULL UNIQUE,
  password TEXT NOT NULL, payment_method INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);`;

export interface UserRow {
  id: string;
  username: string;
  email: string;
  password: string;
  payment_method: number;
  created_at: string;
}

export class Users {
  constructor(private readonly db: Db) {}

  create(input: { username: string; email: string; password: string; paymentMethod?: boolean }): UserRow {
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
    return user;
  }

  byId(userId: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
  }

  byLogin(login: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE email = ? OR username = ?').get(login, login) as
      | UserRow
      | undefined;
  }

  /** Changes the email address and/or the username; the caller checks they are free. */
  update(userId: string, change: { email?: string; username?: string }): UserRow {
    const user = this.byId(userId)!;
    const next = { ...user, ...change };
    this.db.prepare('UPDATE users SET email = ?, username = ? WHERE id = ?').run(next.email, next.username, userId);
    return next;
  }

  /** `base`, or `base-2`, `base-3`… whichever is not a username yet. */
  freeUsername(base: string): string {
    const taken = (name: string) => this.db.prepare('SELECT 1 FROM users WHERE username = ?').get(name) !== undefined;
    let name = base;
    for (let n = 2; taken(name); n++) name = `${base}-${n}`;
    return name;
  }

  /** Deletes the account; what it owns goes with it (`ON DELETE CASCADE`). */
  delete(userId: string): boolean {
    return this.db.prepare('DELETE FROM users WHERE id = ?').run(userId).changes > 0;
  }

  byEmail(email: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE lower(email) = lower(?)').get(email) as UserRow | undefined;
  }
}
