// Opens the embedded SQLite database with the pragmas the hub relies on.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export function openDatabase(path: string): Db {
  const sqlite = new SQLite(path);
  // WAL lets readers continue while a registration is written; foreign keys are off by default in
  // SQLite; the busy timeout makes a second process wait instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
