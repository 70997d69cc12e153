// Opens the hub's database: embedded SQLite (the default) or a PostgreSQL server (DATABASE_URL).
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string; poolSize?: number; idleTimeoutMs?: number };

/** How long a write waits for another process's write lock before it gives up (SQLite). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function openDatabase(target: DatabaseTarget): Db {
  return target.engine === 'sqlite' ? openSqlite(target.path) : openPostgres(target);
}

function openSqlite(path: string): Db {
  const sqlite = new SQLite(path);
  // WAL lets readers continue while a registration is written; foreign keys are off by default in
  // SQLite; the busy timeout makes a statement that needs the write lock wait for another process.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
}

function openPostgres(target: { url: string; poolSize?: number; idleTimeoutMs?: number }): Db {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    idleTimeoutMillis: target.idleTimeoutMs ?? 30_000,
    // count(*) is a bigint, which pg returns as text; every count here fits a JavaScript number,
    // and SQLite returns numbers, so both engines give the services the same types.
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
  });
  // An idle client losing its server (a restart, a failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const INT8_OID = 20;

/**
 * Kysely's SQLite driver opens deferred transactions: they read under a shared lock and fail at
 * their first write with SQLITE_BUSY(_SNAPSHOT) when another process wrote meanwhile, and the busy
 * timeout cannot help them. Every transaction here takes the write lock first (BEGIN IMMEDIATE),
 * so what it reads stays true until it commits. The wait for a lock that another process holds is
 * asynchronous (busy_timeout 0 for the BEGIN, retried), so the event loop keeps serving meanwhile.
 * SQLite's migrations run in such a transaction too, so two hubs starting on a new file take turns.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.sqlite }, this.sqlite);
  }

  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const giveUpAt = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      this.sqlite.pragma('busy_timeout = 0');
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= giveUpAt) throw error;
      } finally {
        this.sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
