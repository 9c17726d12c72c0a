// Applications and who may see them: the owner and the collaborators who
// accepted their invitation. One user never sees another's applications.
// Everything that hangs off an application goes with it (ON DELETE CASCADE).
import { defaultStack } from '../catalogues.js';
import type { Db } from './database.js';
import type { UserRow } from './users.js';
import { isoDate, objectId } from './values.js';

export interface AppDoc {
  status: string;
  force_https: boolean;
  sticky_session: boolean;
  router_logs: boolean;
  stack_id: string;
  /** The owner's project holding the application (their default one when absent, as in older files). */
  project_id?: string;
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
  /** The parent of a child (review) application, which takes it along when deleted. */
  parent_id: string | null;
  created_at: string;
  doc: AppDoc;
}

export const appsSchema = `
CREATE TABLE IF NOT EXISTS apps (
  id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  parent_id TEXT REFERENCES apps(id) ON DELETE CASCADE, doc TEXT NOT NULL, created_at TEXT NOT NULL);`;

export class Apps {
  constructor(private readonly db: Db) {}

  create(
    owner: UserRow,
    input: { name: string; git_source?: string; stack_id?: string; project_id?: string },
    parentId?: string,
    appId = objectId(),
  ): AppRow {
    const now = isoDate();
    const app: AppRow = {
      id: appId,
      name: input.name,
      owner_id: owner.id,
      parent_id: parentId ?? null,
      created_at: now,
      doc: {
        status: 'new',
        force_https: false,
        sticky_session: false,
        router_logs: false,
        stack_id: input.stack_id ?? defaultStack(),
        ...(input.project_id ? { project_id: input.project_id } : {}),
        ...(input.git_source ? { git_source: input.git_source } : {}),
        updated_at: now,
        last_deployed_at: null,
        last_deployed_by: null,
        last_deployment_id: null,
      },
    };
    this.db
      .prepare('INSERT INTO apps (id, name, owner_id, parent_id, doc, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(app.id, app.name, app.owner_id, app.parent_id, JSON.stringify(app.doc), app.created_at);
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

  /** Applications of a project (top-level ones: a child application follows its parent). */
  inProject(ownerId: string, projectId: string, isDefault: boolean): AppRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM apps WHERE owner_id = ? AND parent_id IS NULL AND coalesce(json_extract(doc, '$.project_id'), ?) = ? ORDER BY created_at, name`,
      )
      .all(ownerId, isDefault ? projectId : '', projectId) as Array<Omit<AppRow, 'doc'> & { doc: string }>;
    return rows.map(parse);
  }

  /** Child applications of an application, oldest first. */
  children(appId: string): AppRow[] {
    const rows = this.db
      .prepare('SELECT * FROM apps WHERE parent_id = ? ORDER BY created_at, name')
      .all(appId) as Array<Omit<AppRow, 'doc'> & { doc: string }>;
    return rows.map(parse);
  }

  byId(appId: string): AppRow | undefined {
    const row = this.db.prepare('SELECT * FROM apps WHERE id = ?').get(appId) as
      | (Omit<AppRow, 'doc'> & { doc: string })
      | undefined;
    return row ? parse(row) : undefined;
  }

  save(app: AppRow): void {
    app.doc.updated_at = isoDate();
    this.db
      .prepare('UPDATE apps SET name = ?, owner_id = ?, doc = ? WHERE id = ?')
      .run(app.name, app.owner_id, JSON.stringify(app.doc), app.id);
  }

  delete(appId: string): void {
    this.db.prepare('DELETE FROM apps WHERE id = ?').run(appId);
  }
}

function parse(row: Omit<AppRow, 'doc'> & { doc: string }): AppRow {
  return { ...row, doc: JSON.parse(row.doc) as AppDoc };
}
