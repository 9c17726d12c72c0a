// Deployments of an application, newest first; each is built for a short
// while, and done once its `done_at` has passed.
import type { Db } from './database.js';

export const deploymentsSchema = `
CREATE TABLE IF NOT EXISTS deployments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE, doc TEXT NOT NULL, done_at INTEGER NOT NULL);`;

export const DEPLOYMENT_MS = 500;

export class Deployments {
  constructor(private readonly db: Db) {}

  add(appId: string, doc: Record<string, unknown>): void {
    this.db
      .prepare('INSERT INTO deployments (id, app_id, doc, done_at) VALUES (?, ?, ?, ?)')
      .run(doc.id, appId, JSON.stringify(doc), Date.now() + DEPLOYMENT_MS);
  }

  list(appId: string): Array<{ doc: Record<string, unknown>; doneAt: number }> {
    return (
      this.db.prepare('SELECT doc, done_at FROM deployments WHERE app_id = ? ORDER BY seq DESC').all(appId) as Array<{
        doc: string;
        done_at: number;
      }>
    ).map((r) => ({ doc: JSON.parse(r.doc), doneAt: r.done_at }));
  }

  save(doc: Record<string, unknown>): void {
    this.db.prepare('UPDATE deployments SET doc = ? WHERE id = ?').run(JSON.stringify(doc), doc.id);
  }
}
