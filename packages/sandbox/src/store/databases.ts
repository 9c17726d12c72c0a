// The database behind a database addon, as the database API serves it: one
// document per addon (its settings, features, instances), made the first time
// the database API is asked about it and deleted with the addon.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const databasesSchema = documentTable('databases', 'addon_id');

export class Databases extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'databases', 'addon_id');
  }
}
