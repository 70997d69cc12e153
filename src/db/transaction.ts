// Runs work in a transaction, joining the caller's when there is one (Kysely cannot nest them).
import type { Db } from './connection.js';

export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
