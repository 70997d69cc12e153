// Runs work in a transaction, joining the caller's when there is one (Kysely cannot nest them).
// Every transaction may write: on SQLite it holds the write lock from its start (see
// connection.ts), on PostgreSQL it locks the rows it decides on (see dialect.ts).
import type { Db } from './connection.js';
import { isRetryableConflict } from './dialect.js';

const ATTEMPTS = 4;

export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      // A deadlock victim rolled back entirely, so running the work again is safe; whatever it
      // queued was rolled back with it.
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
