// Notifiers of an application: where its events and alerts are sent.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const notifiersSchema = documentTable('notifiers', 'app_id');

export class Notifiers extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'notifiers', 'app_id');
  }
}
