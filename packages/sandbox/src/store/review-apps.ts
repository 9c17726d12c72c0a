// Review apps: child applications created for a pull request of the linked
// repository. A record goes with its parent application and with the review
// app itself (`child_id`).
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const reviewAppsSchema = documentTable(
  'review_apps',
  'app_id',
  'child_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE',
);

export class ReviewApps extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'review_apps', 'app_id', ['child_id']);
  }
}
