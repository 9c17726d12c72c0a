// Accounts of a database, unique by name within it; the protected default user
// is made with the database.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const databaseUsersSchema = documentTable(
  'database_users',
  'addon_id',
  'name TEXT NOT NULL, UNIQUE (addon_id, name)',
);

export interface DatabaseUserDoc {
  /** `<addon id>/<name>`: names are unique per database only. */
  id: string;
  name: string;
  read_only: boolean;
  protected: boolean;
  password: string;
  dbms_attributes: Record<string, unknown>;
}

export class DatabaseUsers extends Documents<DatabaseUserDoc> {
  constructor(db: Db) {
    super(db, 'database_users', 'addon_id', ['name']);
  }
}
