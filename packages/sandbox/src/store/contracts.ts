// What each user answered to the platform's contracts: one acceptance per
// user and contract version (its ID is the version's, scoped to the user).
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const contractAcceptancesSchema = documentTable(
  'contract_acceptances',
  'user_id',
  'contract_id TEXT NOT NULL, UNIQUE (user_id, contract_id)',
);

export interface AcceptanceDoc {
  /** `<contract_id>@<user_id>`: row IDs are unique across users. */
  id: string;
  contract_id: string;
  on: string;
  locale: string;
}

export class ContractAcceptances extends Documents<AcceptanceDoc> {
  constructor(db: Db) {
    super(db, 'contract_acceptances', 'user_id', ['contract_id']);
  }
}
