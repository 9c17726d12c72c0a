// Applications and who may see them: the owner and the collaborators who
// accepted their invitation. One user never sees another's applications.
import type { Db } from './database.js';
import type { UserRow } from './users.js';
import { isoDate, objectId } from './values.js';

export interface AppDoc {
  status: string;
  force_https: boolean;
  sticky_session: boolean;
  router_logs: boolean;
  stack_id: string;
  git_source?: string;
  updated_at: string;
  last_deployed_at: string | null;
  last_deployed_by: string | null;
  last_deployment_id: string | null;
}

export interface AppRow {
  id: string;
  name: string;
  owner_id: string;
  created_at: string;
  doc: AppDoc;
}

export interface CollaboratorRow {
  id: string;
  app_id: string;
  email: string;
  user_id: string | null;
  status: 'pending' | 'accepted';
  is_limited: number;
  token: string;
}

const DEFAULT_STACK = 'st-2e5a1c7d-9b3f-4e60-8d21-5f7a0c9e4b13';

export class Apps {
  constructor(private readonly db: Db) {}

  create(owner: UserRow, input: { name: string; git_source?: string; stack_id?: string }): AppRow {
    const now = isoDate();
    const app: AppRow = {
      id: objectId(),
      name: input.name,
      owner_id: owner.id,
      created_at: now,
      doc: {
        status: 'new',
        force_https: false,
        sticky_session: false,
        router_logs: false,
        stack_id: input.stack_id ?? DEFAULT_STACK,
        ...(input.git_source ? { git_source: input.git_source } : {}),
        updated_at: now,
        last_deployed_at: null,
        last_deployed_by: null,
        last_deployment_id: null,
      },
    };
    this.db
      .prepare('INSERT INTO apps (id, name, owner_id, doc, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(app.id, app.name, app.owner_id, JSON.stringify(app.doc), app.created_at);
    this.db
      .prepare('INSERT INTO formation (app_id, name, id, amount, size) VALUES (?, ?, ?, 0, ?)')
      .run(app.id, 'web', objectId(), 'M');
    return app;
  }

  nameTaken(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM apps WHERE name = ?').get(name) !== undefined;
  }

  ownedCount(userId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM apps WHERE owner_id = ?').get(userId) as { n: number }).n;
  }

  /** Applications the user owns or collaborates on (accepted invitations). */
  visible(user: UserRow): AppRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM apps WHERE owner_id = ? OR id IN (SELECT app_id FROM collaborators WHERE user_id = ? AND status = 'accepted') ORDER BY created_at, name`,
      )
      .all(user.id, user.id) as Array<Omit<AppRow, 'doc'> & { doc: string }>;
    return rows.map(parse);
  }

  /** By name or ID, if the user may see it. */
  find(user: UserRow, nameOrId: string): AppRow | undefined {
    return this.visible(user).find((app) => app.name === nameOrId || app.id === nameOrId);
  }

  save(app: AppRow): void {
    app.doc.updated_at = isoDate();
    this.db
      .prepare('UPDATE apps SET name = ?, owner_id = ?, doc = ? WHERE id = ?')
      .run(app.name, app.owner_id, JSON.stringify(app.doc), app.id);
  }

  delete(appId: string): void {
    for (const table of ['collaborators', 'variables', 'domains', 'addons', 'deployments', 'formation', 'operations']) {
      this.db.prepare(`DELETE FROM ${table} WHERE app_id = ?`).run(appId);
    }
    this.db.prepare('DELETE FROM apps WHERE id = ?').run(appId);
  }

  collaborators(appId: string): CollaboratorRow[] {
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

  updateCollaborator(appId: string, collaboratorId: string, isLimited: boolean): CollaboratorRow | undefined {
    this.db
      .prepare('UPDATE collaborators SET is_limited = ? WHERE id = ? AND app_id = ?')
      .run(isLimited ? 1 : 0, collaboratorId, appId);
    return this.db.prepare('SELECT * FROM collaborators WHERE id = ? AND app_id = ?').get(collaboratorId, appId) as
      | CollaboratorRow
      | undefined;
  }

  removeCollaborator(appId: string, collaboratorId: string): CollaboratorRow | undefined {
    const row = this.db.prepare('SELECT * FROM collaborators WHERE id = ? AND app_id = ?').get(collaboratorId, appId) as
      | CollaboratorRow
      | undefined;
    if (row) this.db.prepare('DELETE FROM collaborators WHERE id = ?').run(row.id);
    return row;
  }

  /** The owner becomes `newOwner` (an accepted collaborator); the old owner stays as a collaborator. */
  transfer(app: AppRow, oldOwner: UserRow, newOwner: UserRow): void {
    this.db.prepare('DELETE FROM collaborators WHERE app_id = ? AND user_id = ?').run(app.id, newOwner.id);
    this.db
      .prepare(
        "INSERT INTO collaborators (id, app_id, email, user_id, status, is_limited, token) VALUES (?, ?, ?, ?, 'accepted', 0, ?)",
      )
      .run(objectId(), app.id, oldOwner.email, oldOwner.id, objectId());
    app.owner_id = newOwner.id;
    this.save(app);
  }
}

function parse(row: Omit<AppRow, 'doc'> & { doc: string }): AppRow {
  return { ...row, doc: JSON.parse(row.doc) as AppDoc };
}
