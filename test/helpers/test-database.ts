// A fresh, migrated database for each test app, on the engine this test run is for: SQLite in
// memory by default, a new PostgreSQL database (copied from a migrated template) when the
// 'app-postgres' project runs the same files. Databases are closed and dropped after each file.
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { adminQueries, adminQuery, POSTGRES_TEMPLATE } from './postgres-server.js';

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.HUB_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

const opened: Array<{ db: Db; name: string | null }> = [];
let counter = 0;

/** The server the 'app-postgres' project started (see postgres-global-setup.ts). */
export function testPostgresUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('No PostgreSQL server for this test run: run it in the app-postgres project.');
  return url;
}

/** A new PostgreSQL database with the migrations applied, and its address. */
export async function createPostgresDatabase(): Promise<{ name: string; url: string }> {
  const server = testPostgresUrl();
  const name = `hub_test_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(server, `create database ${name} template ${POSTGRES_TEMPLATE}`);
  return { name, url: `${server}/${name}` };
}

export async function openTestDatabase(): Promise<Db> {
  if (TEST_ENGINE === 'sqlite') {
    const db = openDatabase({ engine: 'sqlite', path: ':memory:' });
    await migrateToLatest(db);
    opened.push({ db, name: null });
    return db;
  }
  const { name, url } = await createPostgresDatabase();
  const db = openDatabase({ engine: 'postgres', url, poolSize: 5, idleTimeoutMs: 1000 });
  opened.push({ db, name });
  return db;
}

/** Closes (and on PostgreSQL drops) every database this file opened: see test/helpers/setup.ts. */
export async function closeTestDatabases(): Promise<void> {
  const closing = opened.splice(0);
  await Promise.all(closing.map(({ db }) => db.destroy().catch(() => undefined)));
  const names = closing.map(({ name }) => name).filter((name) => name !== null);
  if (names.length > 0) {
    const server = testPostgresUrl();
    await adminQueries(
      server,
      names.map((name) => `drop database if exists ${name} with (force)`),
    );
  }
}

/** Makes every insert into `table` fail with `message`, as a full disk would: a trigger in the engine's own syntax. */
export async function refuseInserts(db: Db, table: string, message: string): Promise<void> {
  if (TEST_ENGINE === 'sqlite') {
    await sql.raw(`create trigger refuse_${table} before insert on ${table} begin select raise(abort, '${message}'); end`).execute(db);
    return;
  }
  await sql.raw(`create function refuse_${table}() returns trigger language plpgsql as $$ begin raise exception '${message}'; end $$`).execute(db);
  await sql.raw(`create trigger refuse_${table} before insert on ${table} for each row execute function refuse_${table}()`).execute(db);
}
