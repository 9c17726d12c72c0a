// Environment variables of an application, unique by name within it.
import type { Db } from './database.js';
import { objectId } from './values.js';

export const variablesSchema = `
CREATE TABLE IF NOT EXISTS variables (
  id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE, name TEXT NOT NULL,
  value TEXT NOT NULL, UNIQUE (app_id, name));`;

export interface VariableRow {
  id: string;
  app_id: string;
  name: string;
  value: string;
}

export class Variables {
  constructor(private readonly db: Db) {}

  list(appId: string): VariableRow[] {
    return this.db.prepare('SELECT * FROM variables WHERE app_id = ? ORDER BY name').all(appId) as VariableRow[];
  }

  get(appId: string, variableId: string): VariableRow | undefined {
    return this.db.prepare('SELECT * FROM variables WHERE app_id = ? AND id = ?').get(appId, variableId) as
      | VariableRow
      | undefined;
  }

  byName(appId: string, name: string): VariableRow | undefined {
    return this.db.prepare('SELECT * FROM variables WHERE app_id = ? AND name = ?').get(appId, name) as
      | VariableRow
      | undefined;
  }

  /** Creates the variable, or sets the value of the one with that name. */
  set(appId: string, name: string, value: string): { row: VariableRow; previous?: VariableRow } {
    const previous = this.byName(appId, name);
    if (previous) {
      this.db.prepare('UPDATE variables SET value = ? WHERE id = ?').run(value, previous.id);
      return { row: { ...previous, value }, previous };
    }
    const row = { id: objectId(), app_id: appId, name, value };
    this.db.prepare('INSERT INTO variables (id, app_id, name, value) VALUES (@id, @app_id, @name, @value)').run(row);
    return { row };
  }

  delete(appId: string, variableId: string): VariableRow | undefined {
    const row = this.get(appId, variableId);
    if (row) this.db.prepare('DELETE FROM variables WHERE id = ?').run(row.id);
    return row;
  }
}
