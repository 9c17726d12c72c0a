// Upload locations for code archives: an ID and two tokens (one to upload,
// one to download), valid ten minutes, and the archive once uploaded. They go
// with their user; expired ones are dropped when a new one is made.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from './database.js';

export const sourcesSchema = `
CREATE TABLE IF NOT EXISTS sources (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  upload_token TEXT NOT NULL, download_token TEXT NOT NULL, expires_at INTEGER NOT NULL,
  content_type TEXT, archive BLOB);
CREATE INDEX IF NOT EXISTS sources_user_id ON sources (user_id);`;

export interface SourceRow {
  id: string;
  user_id: string;
  upload_token: string;
  download_token: string;
  expires_at: number;
  content_type: string | null;
  archive: Buffer | null;
}

const LIFETIME_MS = 10 * 60 * 1000;

export class Sources {
  constructor(private readonly db: Db) {}

  create(userId: string, now: number): SourceRow {
    this.db.prepare('DELETE FROM sources WHERE expires_at <= ?').run(now);
    const row: SourceRow = {
      id: randomUUID(),
      user_id: userId,
      upload_token: randomBytes(16).toString('hex'),
      download_token: randomBytes(16).toString('hex'),
      expires_at: now + LIFETIME_MS,
      content_type: null,
      archive: null,
    };
    this.db
      .prepare(
        'INSERT INTO sources (id, user_id, upload_token, download_token, expires_at) VALUES (@id, @user_id, @upload_token, @download_token, @expires_at)',
      )
      .run(row);
    return row;
  }

  /** The unexpired source of that ID, if `token` is one of its own. */
  byToken(sourceId: string, token: string, now: number): SourceRow | undefined {
    const row = this.db
      .prepare('SELECT * FROM sources WHERE id = ? AND expires_at > ? AND ? IN (upload_token, download_token)')
      .get(sourceId, now, token) as SourceRow | undefined;
    return row;
  }

  upload(sourceId: string, contentType: string, archive: Buffer): void {
    this.db
      .prepare('UPDATE sources SET content_type = ?, archive = ? WHERE id = ?')
      .run(contentType, archive, sourceId);
  }
}
