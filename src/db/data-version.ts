// The version of the public data (see migrations/0009_data_version.ts), read on every request that
// may be answered from a cache. On SQLite it is one prepared statement on the connection's handle
// (microseconds, and always what is committed, also by other processes); on PostgreSQL one small
// query. Either way a change made through any process or instance shows in the next response.
import type { Statement } from 'better-sqlite3';
import { committedReaderOf, type Db } from './connection.js';

export type DataVersion = { content: number; seats: number };

export type DataVersionReader = (() => Promise<DataVersion>) & {
  /**
   * The version without waiting: on SQLite the same prepared statement, run at once; undefined on
   * PostgreSQL, whose query has to be awaited (the caller reads it the usual way).
   */
  now(): DataVersion | undefined;
};

export function dataVersionReader(db: Db): DataVersionReader {
  const committed = committedReaderOf(db);
  // PostgreSQL: one small query per request, so that this instance's own commits show at once.
  if (!committed) {
    const read = async () => toVersion(await db.selectFrom('data_version').select(['name', 'version']).execute());
    return Object.assign(read, { now: () => undefined });
  }
  const { reader, writes } = committed;
  let statement: Statement<[], { name: string; version: number }> | undefined;
  // Requests that arrive together (one turn of the event loop) share one read, unless this process
  // wrote since: another process's commit is seen from the next turn on.
  let shared: { version: DataVersion; writes: number } | undefined;
  const readNow = (): DataVersion => {
    if (shared && shared.writes === writes()) return shared.version;
    // Prepared on first use: the table exists only once the migrations have run.
    statement ??= reader.prepare<[], { name: string; version: number }>('select name, version from data_version');
    if (!shared) setImmediate(() => (shared = undefined));
    shared = { version: toVersion(statement.all()), writes: writes() };
    return shared.version;
  };
  return Object.assign(async () => readNow(), { now: readNow });
}

function toVersion(rows: ReadonlyArray<{ name: string; version: number }>): DataVersion {
  const version: DataVersion = { content: 0, seats: 0 };
  for (const row of rows) if (row.name === 'content' || row.name === 'seats') version[row.name] = Number(row.version);
  return version;
}
