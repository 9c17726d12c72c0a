// Alerts of an application: a threshold on a metric of one process type.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const alertsSchema = documentTable('alerts', 'app_id');

export class Alerts extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'alerts', 'app_id');
  }
}
