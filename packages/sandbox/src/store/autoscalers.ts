// Autoscalers of an application, at most one per process type.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const autoscalersSchema = documentTable(
  'autoscalers',
  'app_id',
  'container_type TEXT NOT NULL, UNIQUE (app_id, container_type)',
);

export class Autoscalers extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'autoscalers', 'app_id', ['container_type']);
  }
}
