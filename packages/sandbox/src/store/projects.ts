// Projects of a user, which group applications; one of them is the default.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const projectsSchema = documentTable('projects', 'user_id');

export class Projects extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'projects', 'user_id');
  }
}
