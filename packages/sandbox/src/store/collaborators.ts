// Collaborators of an application: invitations by email, accepted with their
// link; an accepted collaborator sees the application as its owner does.
import type { Db } from './database.js';
import type { UserRow } from './users.js';
import { objectId } from './values.js';

export const collaboratorsSchema = `
CREATE TABLE IF NOT EXISTS collaborators (
  id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE, email TEXT NOT NULL,
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE, status TEXT NOT NULL, is_limited INTEGER NOT NULL,
  token TEXT NOT NULL UNIQUE, UNIQUE (app_id, email));`;

export interface CollaboratorRow {
  id: string;
  app_id: string;
  email: string;
  user_id: string | null;
  status: 'pending' | 'accepted';
  is_limited: number;
  token: string;
}

export class Collaborators {
  constructor(private readonly db: Db) {}

  list(appId: string): CollaboratorRow[] {
    return this.db
      .prepare('SELECT * FROM collaborators WHERE app_id = ? ORDER BY rowid')
      .all(appId) as CollaboratorRow[];
  }

  invite(appId: string, email: string, isLimited: boolean): CollaboratorRow | undefined {
    const exists = this.db
      .prepare('SELECT 1 FROM collaborators WHERE app_id = ? AND lower(email) = lower(?)')
      .get(appId, email);
    if (exists) return undefined;
    const row: CollaboratorRow = {
      id: objectId(),
      app_id: appId,
      email,
      user_id: null,
      status: 'pending',
      is_limited: isLimited ? 1 : 0,
      token: objectId(),
    };
    this.db
      .prepare(
        'INSERT INTO collaborators (id, app_id, email, user_id, status, is_limited, token) VALUES (@id, @app_id, @email, @user_id, @status, @is_limited, @token)',
      )
      .run(row);
    return row;
  }

  accept(token: string, user: UserRow): CollaboratorRow | undefined {
    const row = this.db.prepare('SELECT * FROM collaborators WHERE token = ?').get(token) as
      | CollaboratorRow
      | undefined;
    if (!row) return undefined;
    this.db.prepare("UPDATE collaborators SET status = 'accepted', user_id = ? WHERE id = ?").run(user.id, row.id);
    return { ...row, status: 'accepted', user_id: user.id };
  }

  update(appId: string, collaboratorId: string, isLimited: boolean): CollaboratorRow | undefined {
    this.db
      .prepare('UPDATE collaborators SET is_limited = ? WHERE id = ? AND app_id = ?')
      .run(isLimited ? 1 : 0, collaboratorId, appId);
    return this.db.prepare('SELECT * FROM collaborators WHERE id = ? AND app_id = ?').get(collaboratorId, appId) as
      | CollaboratorRow
      | undefined;
  }

  remove(appId: string, collaboratorId: string): CollaboratorRow | undefined {
    const row = this.db.prepare('SELECT * FROM collaborators WHERE id = ? AND app_id = ?').get(collaboratorId, appId) as
      | CollaboratorRow
      | undefined;
    if (row) this.db.prepare('DELETE FROM collaborators WHERE id = ?').run(row.id);
    return row;
  }

  /** On a transfer the new owner stops being a collaborator and the old owner becomes one. */
  swapOwner(appId: string, oldOwner: UserRow, newOwner: UserRow): void {
    this.db.prepare('DELETE FROM collaborators WHERE app_id = ? AND user_id = ?').run(appId, newOwner.id);
    this.db
      .prepare(
        "INSERT INTO collaborators (id, app_id, email, user_id, status, is_limited, token) VALUES (?, ?, ?, ?, 'accepted', 0, ?)",
      )
      .run(objectId(), appId, oldOwner.email, oldOwner.id, objectId());
  }
}
