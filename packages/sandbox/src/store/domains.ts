// Custom domains of an application; a hostname belongs to one application at most.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const domainsSchema = documentTable('domains', 'app_id', 'name TEXT NOT NULL, UNIQUE (app_id, name)');

export interface DomainDoc {
  id: string;
  name: string;
  ssl: boolean;
  canonical: boolean;
  letsencrypt_enabled: boolean;
  letsencrypt: boolean;
  letsencrypt_status: 'pending_dns';
}

export class Domains extends Documents<DomainDoc> {
  constructor(db: Db) {
    super(db, 'domains', 'app_id', ['name']);
  }

  taken(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM domains WHERE lower(name) = lower(?)').get(name) !== undefined;
  }
}
