// Log drains: where the logs of an application, or of one of its addons, are
// sent. A drain is known by its URL; it dies with its application or addon.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';

export const logDrainsSchema = [
  documentTable('log_drains', 'app_id', 'url TEXT NOT NULL, UNIQUE (app_id, url)'),
  documentTable('addon_log_drains', 'addon_id', 'url TEXT NOT NULL, UNIQUE (addon_id, url)'),
].join('\n');

export interface LogDrainDoc {
  id: string;
  app_id: string;
  url: string;
  addon_uuid?: string;
  [key: string]: unknown;
}

export class LogDrains extends Documents<LogDrainDoc> {
  constructor(db: Db, table: 'log_drains' | 'addon_log_drains') {
    super(db, table, table === 'log_drains' ? 'app_id' : 'addon_id', ['url']);
  }

  byUrl(parentId: string, url: string): LogDrainDoc | undefined {
    return this.list(parentId).find((d) => d.url === url);
  }
}
