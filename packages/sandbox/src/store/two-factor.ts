// Two-factor authentication of each user: at most one row, holding the TOTP
// secret being set up or in force and the unused recovery codes.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const twoFactorSchema = documentTable('two_factor', 'user_id', 'UNIQUE (user_id)');

export interface TwoFactorDoc {
  id: string;
  enabled: boolean;
  provider: 'totp';
  /** Base32 secret of the authenticator app. */
  secret: string;
  recovery_codes: string[];
}

export class TwoFactors extends Documents<TwoFactorDoc> {
  constructor(db: Db) {
    super(db, 'two_factor', 'user_id');
  }
}
