// IP ranges allowed to reach a database from the Internet; they go with it.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const databaseFirewallRulesSchema = documentTable('database_firewall_rules', 'addon_id');

export interface FirewallRuleDoc {
  id: string;
  type: 'custom_range' | 'managed_range';
  cidr: string;
  label: string;
  range_id: string;
  database_id: string;
}

export class DatabaseFirewallRules extends Documents<FirewallRuleDoc> {
  constructor(db: Db) {
    super(db, 'database_firewall_rules', 'addon_id');
  }
}
