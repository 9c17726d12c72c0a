// SCM integrations of a user (GitHub Enterprise, self-hosted GitLab).
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const scmIntegrationsSchema = documentTable('scm_integrations', 'user_id');

export class ScmIntegrations extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'scm_integrations', 'user_id');
  }
}
