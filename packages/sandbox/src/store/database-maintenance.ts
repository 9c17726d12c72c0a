// Maintenance operations of a database: planned at its window, then done.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const databaseMaintenanceSchema = documentTable('database_maintenance', 'addon_id');

export class DatabaseMaintenance extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'database_maintenance', 'addon_id');
  }
}
