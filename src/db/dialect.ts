// Where SQLite and PostgreSQL differ, one small function per difference; everything else stays in
// Kysely's query builder and runs the same on both.
import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Locks the rows a decision reads until the transaction ends: `FOR UPDATE` on PostgreSQL. On
 * SQLite the transaction holds the database's write lock from its start (BEGIN IMMEDIATE), which
 * covers every row, and SQLite has no `FOR UPDATE`.
 */
export function forUpdate<DB, TB extends keyof DB, O>(db: Kysely<any>, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate() : query;
}

/** Claims rows that no other worker holds, skipping those that one does (PostgreSQL's SKIP LOCKED). */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(db: Kysely<any>, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate().skipLocked() : query;
}

/**
 * Serialises transactions that decide on something without a row to lock (a rate limit's count,
 * the first start of an empty database): an advisory lock on PostgreSQL, released at commit. SQLite
 * transactions are serialised by their write lock already.
 */
export async function lockName(trx: Kysely<any>, name: string): Promise<void> {
  if (!trx.isTransaction) throw new Error(`lockName("${name}") must run inside a transaction`);
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}

type DatabaseError = { code?: unknown };

function errorCode(error: unknown): string | undefined {
  const code = (error as DatabaseError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique constraint refused a row (SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * PostgreSQL chose this transaction to end a deadlock or a serialisation conflict: running it
 * again is the documented answer.
 */
export function isRetryableConflict(error: unknown): boolean {
  const code = errorCode(error);
  return code === '40001' || code === '40P01';
}

/** The database is too busy to take the write: another process held its lock longer than we wait. */
export function isLockTimeout(error: unknown): boolean {
  const code = errorCode(error);
  return code?.startsWith('SQLITE_BUSY') === true || code === 'SQLITE_LOCKED' || code === '55P03';
}

/** Text PostgreSQL cannot hold: a NUL character (which SQLite stores), e.g. from `%00` in an address. */
export function isUnstorableText(error: unknown): boolean {
  return errorCode(error) === '22021';
}

/**
 * Nothing can be written: the disk (or SQLite's page limit) is full. SQLITE_FULL; PostgreSQL's
 * disk_full (53100).
 */
export function isDiskFull(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'SQLITE_FULL' || code === '53100';
}

/**
 * The database file (or a PostgreSQL page or index) is damaged: SQLITE_CORRUPT and its extended
 * codes, SQLITE_NOTADB; PostgreSQL's data_corrupted (XX001) and index_corrupted (XX002). It does not
 * mend itself: only a restore from a backup does.
 */
export function isDatabaseCorrupt(error: unknown): boolean {
  const code = errorCode(error);
  return code?.startsWith('SQLITE_CORRUPT') === true || code === 'SQLITE_NOTADB' || code === 'XX001' || code === 'XX002';
}

/** The database takes no writes: a read-only file or folder, a PostgreSQL standby or read-only session. */
export function isReadOnlyDatabase(error: unknown): boolean {
  const code = errorCode(error);
  return code?.startsWith('SQLITE_READONLY') === true || code === '25006';
}

/**
 * What `PRAGMA quick_check` finds wrong with an SQLite file, as one line, or null when it finds
 * nothing. It reads every page (a few seconds per gigabyte), so it runs at start only. PostgreSQL
 * checks its own pages as it reads them: null.
 */
export async function findDatabaseDamage(db: Kysely<any>): Promise<string | null> {
  if (isPostgres(db)) return null;
  try {
    const { rows } = await sql<{ quick_check: string }>`pragma quick_check`.execute(db);
    const problems = rows.map((row) => Object.values(row)[0]).filter((line): line is string => typeof line === 'string' && line !== 'ok');
    if (problems.length === 0) return null;
    const text = problems
      .join('\n')
      .replace(/^\*\*\* in database main \*\*\*\s*/, '')
      .split(/\s*\n\s*/)
      .join('; ');
    return `PRAGMA quick_check: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
  } catch (error) {
    if (isDatabaseCorrupt(error)) return `${errorCode(error)}: ${(error as Error).message}`;
    throw error;
  }
}
