// The SCM repository an application is linked to (one link per application).
import type { Db } from './database.js';
import { type Doc, Documents, documentTable } from './documents.js';

export const scmRepoLinksSchema = documentTable('scm_repo_links', 'app_id', 'UNIQUE (app_id)');

export class ScmRepoLinks extends Documents<Doc> {
  constructor(db: Db) {
    super(db, 'scm_repo_links', 'app_id');
  }
}
