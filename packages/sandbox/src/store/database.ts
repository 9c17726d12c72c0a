// The sandbox's SQLite file: WAL journal and synchronous=FULL, so that a write
// acknowledged to a client survives a `kill -9` of the process (and a power
// cut). Every write goes through `transaction()`.
import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, email TEXT NOT NULL UNIQUE,
  password TEXT NOT NULL, payment_method INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, last_used_at TEXT);
CREATE TABLE IF NOT EXISTS bearer_tokens (token TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS database_tokens (token TEXT PRIMARY KEY, addon_id TEXT NOT NULL, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS apps (
  id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, owner_id TEXT NOT NULL, doc TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS collaborators (
  id TEXT PRIMARY KEY, app_id TEXT NOT NULL, email TEXT NOT NULL, user_id TEXT, status TEXT NOT NULL,
  is_limited INTEGER NOT NULL, token TEXT NOT NULL UNIQUE, UNIQUE (app_id, email));
CREATE TABLE IF NOT EXISTS variables (
  id TEXT PRIMARY KEY, app_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (app_id, name));
CREATE TABLE IF NOT EXISTS domains (id TEXT PRIMARY KEY, app_id TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (app_id, name));
CREATE TABLE IF NOT EXISTS addons (id TEXT PRIMARY KEY, app_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deployments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, app_id TEXT NOT NULL, doc TEXT NOT NULL, done_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS formation (
  app_id TEXT NOT NULL, name TEXT NOT NULL, id TEXT NOT NULL, amount INTEGER NOT NULL, size TEXT NOT NULL, PRIMARY KEY (app_id, name));
CREATE TABLE IF NOT EXISTS operations (
  id TEXT PRIMARY KEY, app_id TEXT NOT NULL, type TEXT NOT NULL, created_ms INTEGER NOT NULL, done_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, app_id TEXT, user_id TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_app ON events (app_id, seq);
CREATE INDEX IF NOT EXISTS events_user ON events (user_id, seq);
`;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
