// The formation of an application: how many containers of which size run
// each process type. A new application has `web` at zero.
import type { Db } from './database.js';
import { objectId } from './values.js';

export const containersSchema = `
CREATE TABLE IF NOT EXISTS formation (
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE, name TEXT NOT NULL, id TEXT NOT NULL,
  amount INTEGER NOT NULL, size TEXT NOT NULL, PRIMARY KEY (app_id, name));`;

export interface FormationRow {
  app_id: string;
  name: string;
  id: string;
  amount: number;
  size: string;
}

export class Containers {
  constructor(private readonly db: Db) {}

  addType(appId: string, name: string, amount = 0, size = 'M'): void {
    this.db
      .prepare('INSERT INTO formation (app_id, name, id, amount, size) VALUES (?, ?, ?, ?, ?)')
      .run(appId, name, objectId(), amount, size);
  }

  formation(appId: string): FormationRow[] {
    return this.db.prepare('SELECT * FROM formation WHERE app_id = ? ORDER BY name').all(appId) as FormationRow[];
  }

  set(appId: string, name: string, amount: number | undefined, size: string | undefined): void {
    this.db
      .prepare(
        'UPDATE formation SET amount = coalesce(?, amount), size = coalesce(?, size) WHERE app_id = ? AND name = ?',
      )
      .run(amount ?? null, size ?? null, appId, name);
  }
}
