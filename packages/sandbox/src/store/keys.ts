// SSH keys of a user, unique by name for that user.
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const keysSchema = documentTable('keys', 'user_id', 'name TEXT NOT NULL, UNIQUE (user_id, name)');

export class Keys extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'keys', 'user_id', ['name']);
  }
}
