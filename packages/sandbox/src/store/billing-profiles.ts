// Billing profile of each user (one at most: the UNIQUE makes a second a conflict).
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const billingProfilesSchema = documentTable('billing_profiles', 'user_id', 'UNIQUE (user_id)');

export class BillingProfiles extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'billing_profiles', 'user_id');
  }
}
