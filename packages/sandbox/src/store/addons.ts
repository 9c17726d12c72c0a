// Addons of an application (a plan of a provider of the catalogue). A database
// addon is also what the database API serves; its tokens die with it.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const addonsSchema = documentTable('addons', 'app_id');

export interface Plan {
  id: string;
  name: string;
  display_name: string;
  price?: number;
  [key: string]: unknown;
}

export interface AddonDoc {
  id: string;
  app_id: string;
  resource_id: string;
  status: 'running';
  plan: Plan;
  addon_provider: { id: string; name: string; logo_url: string };
  provisioned_at: string;
  deprovisioned_at: null;
  updated_at: string;
}

export class Addons extends Documents<AddonDoc> {
  constructor(db: Db) {
    super(db, 'addons', 'app_id');
  }

  /** The addon with that ID, whatever its application (for the database API). */
  byId(addonId: string): AddonDoc | undefined {
    const row = this.db.prepare('SELECT doc FROM addons WHERE id = ?').get(addonId) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as AddonDoc) : undefined;
  }
}
