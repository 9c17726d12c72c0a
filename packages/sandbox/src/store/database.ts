// The sandbox's SQLite file: WAL journal and synchronous=FULL, so that a write
// acknowledged to a client survives a `kill -9` of the process (and a power
// cut). Every write goes through `transaction()`. Each store module owns its
// table; what hangs off an application, a user or an addon names it with
// `REFERENCES … ON DELETE CASCADE`, so deleting the parent deletes the rest.
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Bumped when a table changes shape; an older file is refused rather than half-read. */
const SCHEMA_VERSION = 5;

export function openDatabase(file: string, schemas: string[]): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (tables > 0 && version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `${file} holds the state of another version of the sandbox (schema ${version}, this one writes ${SCHEMA_VERSION}): start on a new file`,
    );
  }
  db.transaction(() => {
    for (const schema of schemas) db.exec(schema);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  return db;
}
