// Opens the hub's database: embedded SQLite (the default) or a PostgreSQL server (DATABASE_URL).
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import pg from 'pg';
import { LONGEST_WRITE_WAIT_MS, openHubSqlite, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-driver.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string; poolSize?: number; idleTimeoutMs?: number };

export { SQLITE_BUSY_TIMEOUT_MS };

export function openDatabase(target: DatabaseTarget): Db {
  return target.engine === 'sqlite' ? openSqlite(target.path) : openPostgres(target);
}

function openSqlite(path: string): Db {
  const { driver, reader, writes } = openHubSqlite(path);
  const db = new Kysely<Database>({
    dialect: {
      createDriver: () => driver,
      createQueryCompiler: () => new SqliteQueryCompiler(),
      // SQLite's DDL is transactional: migrations run in one BEGIN IMMEDIATE transaction, so hubs
      // starting together on a new file take turns.
      createAdapter: () => new TransactionalDdlSqliteAdapter(),
      createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    },
  });
  if (reader) committedReaders.set(db, { reader, writes });
  return db;
}

const committedReaders = new WeakMap<Kysely<Database>, CommittedReader>();

export type CommittedReader = {
  reader: SQLite.Database;
  /** Moves with every commit of this process: a read made before may be out of date. */
  writes: () => number;
};

/**
 * The read-only connection behind an SQLite file opened here, for the few reads on every request
 * that must cost microseconds (the data version). It sees only committed data. Undefined on
 * PostgreSQL and for an in-memory database (one connection, whose reads must take turns).
 */
export function committedReaderOf(db: Db): CommittedReader | undefined {
  return committedReaders.get(db);
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

function openPostgres(target: { url: string; poolSize?: number; idleTimeoutMs?: number }): Db {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    idleTimeoutMillis: target.idleTimeoutMs ?? 30_000,
    // A lock waited for longer than a write waits on SQLite in all (a stuck transaction, a long
    // manual session; a queue of registrations for one webinar moves much faster) fails the
    // waiting request with 55P03, answered 503 like SQLite's SQLITE_BUSY, instead of holding it
    // forever. Waiting for a connection from the pool (or for a server that does not answer) gives
    // up after as long.
    lock_timeout: LONGEST_WRITE_WAIT_MS,
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: LONGEST_WRITE_WAIT_MS,
    // count(*) is a bigint, which pg returns as text; every count here fits a JavaScript number,
    // and SQLite returns numbers, so both engines give the services the same types.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')),
    } as pg.CustomTypesConfig,
  });
  // An idle client losing its server (a restart, a failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const INT8_OID = 20;
