// The health data contact of each application (one at most).
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const hdsContactsSchema = documentTable('hds_contacts', 'app_id', 'UNIQUE (app_id)');

export class HdsContacts extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'hds_contacts', 'app_id');
  }
}
