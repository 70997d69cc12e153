// What the migrations write differently on SQLite and PostgreSQL. Kept beside them, not in src/:
// a migration never imports application code, which changes while migrations must not.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * An integer key the database numbers: SQLite's `integer primary key autoincrement` (which never
 * reuses a number), PostgreSQL's identity column (Kysely's autoIncrement() would write
 * `autoincrement`, which PostgreSQL does not know). Explicit ids may still be inserted on both,
 * which copying a hub from SQLite to PostgreSQL needs.
 */
export function generatedId(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) => (postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
}

/** Binary data: SQLite's blob, PostgreSQL's bytea. */
export function binaryType(db: Kysely<any>): 'blob' | 'bytea' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
}
