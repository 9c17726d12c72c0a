// Pending deletion requests of each user's account: the ID and token the
// confirmation email would carry. A new request replaces the previous one.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const accountDeletionsSchema = documentTable('account_deletions', 'user_id', 'UNIQUE (user_id)');

export interface DeletionDoc {
  id: string;
  token: string;
  created_at: string;
}

export class AccountDeletions extends Documents<DeletionDoc> {
  constructor(db: Db) {
    super(db, 'account_deletions', 'user_id');
  }

  /** The user's pending request, if any. */
  pending(userId: string): DeletionDoc | undefined {
    return this.list(userId)[0];
  }
}
