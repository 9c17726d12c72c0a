// Operations of an application (scale, restart): pending → running → done
// with time, computed when read, so no timer has to survive a restart.
import type { Db } from './database.js';
import { type Clock, isoDate, objectId } from './values.js';

export const operationsSchema = `
CREATE TABLE IF NOT EXISTS operations (
  id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE, type TEXT NOT NULL,
  created_ms INTEGER NOT NULL, done_ms INTEGER NOT NULL);`;

/** How long a scale or restart takes in the sandbox, and when it counts as running. */
export const OPERATION_MS = { running: 50, done: 300 };

export class Operations {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  start(appId: string, type: string): string {
    const operationId = objectId();
    const now = this.now();
    this.db
      .prepare('INSERT INTO operations (id, app_id, type, created_ms, done_ms) VALUES (?, ?, ?, ?, ?)')
      .run(operationId, appId, type, now, now + OPERATION_MS.done);
    return operationId;
  }

  get(appId: string, operationId: string): Record<string, unknown> | undefined {
    const row = this.db.prepare('SELECT * FROM operations WHERE app_id = ? AND id = ?').get(appId, operationId) as
      | { id: string; type: string; created_ms: number; done_ms: number }
      | undefined;
    if (!row) return undefined;
    const now = this.now();
    const status = now >= row.done_ms ? 'done' : now >= row.created_ms + OPERATION_MS.running ? 'running' : 'pending';
    return {
      id: row.id,
      created_at: isoDate(row.created_ms),
      finished_at: status === 'done' ? isoDate(row.done_ms) : null,
      status,
      type: row.type,
    };
  }

  /** How many operations of `type` the application ever had. */
  count(appId: string, type: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM operations WHERE app_id = ? AND type = ?').get(appId, type) as {
        n: number;
      }
    ).n;
  }

  /** How many operations of `type` are not done yet. */
  running(appId: string, type: string): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM operations WHERE app_id = ? AND type = ? AND done_ms > ?')
        .get(appId, type, this.now()) as { n: number }
    ).n;
  }

  /** The type of the scale or restart still running on the application, if any. */
  active(appId: string): string | undefined {
    const row = this.db
      .prepare(
        "SELECT type FROM operations WHERE app_id = ? AND type != 'run' AND done_ms > ? ORDER BY created_ms DESC",
      )
      .get(appId, this.now()) as { type: string } | undefined;
    return row?.type;
  }
}
