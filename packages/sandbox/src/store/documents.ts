// A table of JSON documents owned by one parent (an application, a user, an
// addon, a project, a dedicated database): the shape most resource families
// share. Rows keep their insertion order; the parent's deletion cascades to them.
import type { Db } from './database.js';

/** A stored document: its ID and the fields of its schema. */
export type Doc = { id: string; [key: string]: unknown };

export type Scope = 'app_id' | 'user_id' | 'addon_id' | 'project_id' | 'database_id';

const PARENT: Record<Scope, string> = {
  app_id: 'apps',
  user_id: 'users',
  addon_id: 'addons',
  project_id: 'projects',
  database_id: 'dedicated_databases',
};

/** The DDL of a document table under `scope`; `extra` adds columns and constraints. */
export function documentTable(table: string, scope: Scope, extra = ''): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
  id TEXT PRIMARY KEY, ${scope} TEXT NOT NULL REFERENCES ${PARENT[scope]}(id) ON DELETE CASCADE,
  doc TEXT NOT NULL${extra ? `, ${extra}` : ''});
CREATE INDEX IF NOT EXISTS ${table}_${scope} ON ${table} (${scope});`;
}

export class Documents<T extends { id: string }> {
  constructor(
    protected readonly db: Db,
    protected readonly table: string,
    protected readonly scope: Scope,
    /** Extra columns copied from the document on every write (e.g. a unique name). */
    private readonly columns: Array<keyof T & string> = [],
  ) {}

  list(parentId: string): T[] {
    return (
      this.db.prepare(`SELECT doc FROM ${this.table} WHERE ${this.scope} = ? ORDER BY rowid`).all(parentId) as Array<{
        doc: string;
      }>
    ).map((r) => JSON.parse(r.doc) as T);
  }

  get(parentId: string, docId: string): T | undefined {
    const row = this.db
      .prepare(`SELECT doc FROM ${this.table} WHERE ${this.scope} = ? AND id = ?`)
      .get(parentId, docId) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  /** Inserts the document, or replaces the one with its ID. */
  put(parentId: string, doc: T): void {
    const names = ['id', this.scope, 'doc', ...this.columns];
    const updates = ['doc', ...this.columns].map((c) => `${c} = excluded.${c}`).join(', ');
    this.db
      .prepare(
        `INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates}`,
      )
      .run(doc.id, parentId, JSON.stringify(doc), ...this.columns.map((c) => doc[c] ?? null));
  }

  delete(parentId: string, docId: string): boolean {
    return (
      this.db.prepare(`DELETE FROM ${this.table} WHERE ${this.scope} = ? AND id = ?`).run(parentId, docId).changes > 0
    );
  }

  count(parentId: string): number {
    return (
      this.db.prepare(`SELECT count(*) AS n FROM ${this.table} WHERE ${this.scope} = ?`).get(parentId) as { n: number }
    ).n;
  }
}
