// What hangs off an application: variables, domains, addons, deployments,
// the formation (containers per process type) and operations.
import type { Db } from './database.js';
import { isoDate, objectId } from './values.js';

export interface VariableRow {
  id: string;
  app_id: string;
  name: string;
  value: string;
}
export interface FormationRow {
  app_id: string;
  name: string;
  id: string;
  amount: number;
  size: string;
}

/** How long a scale or restart takes in the sandbox, and when it counts as running. */
export const OPERATION_MS = { running: 50, done: 300 };
export const DEPLOYMENT_MS = 500;

export class Resources {
  constructor(private readonly db: Db) {}

  variables(appId: string): VariableRow[] {
    return this.db.prepare('SELECT * FROM variables WHERE app_id = ? ORDER BY name').all(appId) as VariableRow[];
  }

  variable(appId: string, variableId: string): VariableRow | undefined {
    return this.db.prepare('SELECT * FROM variables WHERE app_id = ? AND id = ?').get(appId, variableId) as
      | VariableRow
      | undefined;
  }

  variableByName(appId: string, name: string): VariableRow | undefined {
    return this.db.prepare('SELECT * FROM variables WHERE app_id = ? AND name = ?').get(appId, name) as
      | VariableRow
      | undefined;
  }

  setVariable(appId: string, name: string, value: string): { row: VariableRow; previous?: VariableRow } {
    const previous = this.variableByName(appId, name);
    if (previous) {
      this.db.prepare('UPDATE variables SET value = ? WHERE id = ?').run(value, previous.id);
      return { row: { ...previous, value }, previous };
    }
    const row = { id: objectId(), app_id: appId, name, value };
    this.db.prepare('INSERT INTO variables (id, app_id, name, value) VALUES (@id, @app_id, @name, @value)').run(row);
    return { row };
  }

  deleteVariable(appId: string, variableId: string): VariableRow | undefined {
    const row = this.variable(appId, variableId);
    if (row) this.db.prepare('DELETE FROM variables WHERE id = ?').run(row.id);
    return row;
  }

  docs<T>(table: 'domains' | 'addons', appId: string): T[] {
    return (
      this.db.prepare(`SELECT doc FROM ${table} WHERE app_id = ? ORDER BY rowid`).all(appId) as Array<{ doc: string }>
    ).map((r) => JSON.parse(r.doc) as T);
  }

  doc<T>(table: 'domains' | 'addons', appId: string, docId: string): T | undefined {
    const row = this.db.prepare(`SELECT doc FROM ${table} WHERE app_id = ? AND id = ?`).get(appId, docId) as
      | { doc: string }
      | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  putDoc(table: 'domains' | 'addons', appId: string, doc: { id: string; name?: string }): void {
    if (table === 'domains') {
      this.db
        .prepare(
          'INSERT INTO domains (id, app_id, name, doc) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
        )
        .run(doc.id, appId, doc.name, JSON.stringify(doc));
    } else {
      this.db
        .prepare(
          'INSERT INTO addons (id, app_id, doc) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
        )
        .run(doc.id, appId, JSON.stringify(doc));
    }
  }

  deleteDoc(table: 'domains' | 'addons', appId: string, docId: string): boolean {
    return this.db.prepare(`DELETE FROM ${table} WHERE app_id = ? AND id = ?`).run(appId, docId).changes > 0;
  }

  domainTaken(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM domains WHERE lower(name) = lower(?)').get(name) !== undefined;
  }

  /** The addon with that ID, whatever its application (for database tokens). */
  addonById(addonId: string): { app_id: string; doc: Record<string, unknown> } | undefined {
    const row = this.db.prepare('SELECT app_id, doc FROM addons WHERE id = ?').get(addonId) as
      | { app_id: string; doc: string }
      | undefined;
    return row ? { app_id: row.app_id, doc: JSON.parse(row.doc) } : undefined;
  }

  formation(appId: string): FormationRow[] {
    return this.db.prepare('SELECT * FROM formation WHERE app_id = ? ORDER BY name').all(appId) as FormationRow[];
  }

  setFormation(appId: string, name: string, amount: number | undefined, size: string | undefined): void {
    this.db
      .prepare(
        'UPDATE formation SET amount = coalesce(?, amount), size = coalesce(?, size) WHERE app_id = ? AND name = ?',
      )
      .run(amount ?? null, size ?? null, appId, name);
  }

  startOperation(appId: string, type: string): string {
    const operationId = objectId();
    const now = Date.now();
    this.db
      .prepare('INSERT INTO operations (id, app_id, type, created_ms, done_ms) VALUES (?, ?, ?, ?, ?)')
      .run(operationId, appId, type, now, now + OPERATION_MS.done);
    return operationId;
  }

  /** An operation moves pending → running → done with time; computed when read. */
  operation(appId: string, operationId: string): Record<string, unknown> | undefined {
    const row = this.db.prepare('SELECT * FROM operations WHERE app_id = ? AND id = ?').get(appId, operationId) as
      | { id: string; type: string; created_ms: number; done_ms: number }
      | undefined;
    if (!row) return undefined;
    const now = Date.now();
    const status = now >= row.done_ms ? 'done' : now >= row.created_ms + OPERATION_MS.running ? 'running' : 'pending';
    return {
      id: row.id,
      created_at: isoDate(row.created_ms),
      finished_at: status === 'done' ? isoDate(row.done_ms) : null,
      status,
      type: row.type,
    };
  }

  activeOperation(appId: string): string | undefined {
    const row = this.db
      .prepare('SELECT type FROM operations WHERE app_id = ? AND done_ms > ? ORDER BY created_ms DESC')
      .get(appId, Date.now()) as { type: string } | undefined;
    return row?.type;
  }

  addDeployment(appId: string, doc: Record<string, unknown>): void {
    this.db
      .prepare('INSERT INTO deployments (id, app_id, doc, done_at) VALUES (?, ?, ?, ?)')
      .run(doc.id, appId, JSON.stringify(doc), Date.now() + DEPLOYMENT_MS);
  }

  /** Deployments newest first, with those whose build time passed marked done. */
  deployments(appId: string): Array<{ doc: Record<string, unknown>; doneAt: number }> {
    return (
      this.db.prepare('SELECT doc, done_at FROM deployments WHERE app_id = ? ORDER BY seq DESC').all(appId) as Array<{
        doc: string;
        done_at: number;
      }>
    ).map((r) => ({
      doc: JSON.parse(r.doc),
      doneAt: r.done_at,
    }));
  }

  saveDeployment(doc: Record<string, unknown>): void {
    this.db.prepare('UPDATE deployments SET doc = ? WHERE id = ?').run(JSON.stringify(doc), doc.id);
  }
}
