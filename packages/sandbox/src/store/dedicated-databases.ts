// Databases provisioned as dedicated resources of a project (not addons):
// names unique on the platform, as they stand for the ID in paths. They go
// with their project, and their network peerings go with them.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const dedicatedDatabasesSchema = documentTable('dedicated_databases', 'project_id', 'name TEXT NOT NULL UNIQUE');
export const netPeeringsSchema = documentTable(
  'net_peerings',
  'database_id',
  'outscale_net_peering_id TEXT NOT NULL, UNIQUE (database_id, outscale_net_peering_id)',
);

export interface DedicatedDatabaseDoc {
  id: string;
  name: string;
  project_id: string;
  technology: 'postgresql-ng';
  plan: string;
  created_at: string;
}

export class DedicatedDatabases extends Documents<DedicatedDatabaseDoc> {
  constructor(db: Db) {
    super(db, 'dedicated_databases', 'project_id', ['name']);
  }

  /** The databases of every project the user owns. */
  visible(userId: string): DedicatedDatabaseDoc[] {
    return (
      this.db
        .prepare(
          'SELECT d.doc FROM dedicated_databases d JOIN projects p ON p.id = d.project_id WHERE p.user_id = ? ORDER BY d.rowid',
        )
        .all(userId) as Array<{ doc: string }>
    ).map((r) => JSON.parse(r.doc) as DedicatedDatabaseDoc);
  }

  nameTaken(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM dedicated_databases WHERE name = ?').get(name) !== undefined;
  }
}

export interface NetPeeringDoc {
  id: string;
  database_id: string;
  status: string;
  outscale_net_peering_id: string;
  outscale_source_net_id: string;
  outscale_source_net_ip_range: string;
  outscale_source_account_id: string;
  created_at: string;
  updated_at: string;
}

export class NetPeerings extends Documents<NetPeeringDoc> {
  constructor(db: Db) {
    super(db, 'net_peerings', 'database_id', ['outscale_net_peering_id']);
  }
}
