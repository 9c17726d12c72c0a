// Backups of a database, manual or periodic, each with its state.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const databaseBackupsSchema = documentTable('database_backups', 'addon_id');

export class DatabaseBackups extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'database_backups', 'addon_id');
  }
}
