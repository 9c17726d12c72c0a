// The support team's access consent of each application (one at most; its
// row ID is the application's).
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const dataAccessConsentsSchema = documentTable('data_access_consents', 'app_id');

export interface ConsentDoc {
  id: string;
  app_id: string;
  user_id: string;
  containers_until: string | null;
  databases_until: string | null;
}

export class DataAccessConsents extends Documents<ConsentDoc> {
  constructor(db: Db) {
    super(db, 'data_access_consents', 'app_id');
  }

  of(appId: string): ConsentDoc | undefined {
    return this.get(appId, appId);
  }
}
