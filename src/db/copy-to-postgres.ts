// Moves a hub from its SQLite file to PostgreSQL: every row of every table, ids kept (links,
// calendar UIDs and Message-IDs depend on them), in one PostgreSQL transaction, then checked.
import { sql } from 'kysely';
import type { Db } from './connection.js';
import { isPostgres } from './dialect.js';
import { migrateToLatest } from './migrate.js';

/** Every table, parents before the tables that refer to them. */
export const COPY_ORDER = [
  'programme',
  'knowledge_area',
  'speaker',
  'webinar',
  'webinar_speaker',
  'attendee',
  'registration',
  'coordinator',
  'coordinator_invite',
  'coordinator_session',
  'api_token',
  'material',
  'file_chunk',
  'outbox',
  'rate_limit_hit',
] as const;

export type CopyReport = Array<{ table: string; rows: number }>;

/** Rows per INSERT: within PostgreSQL's 65,535 parameters for the widest table, and small for file chunks. */
function batchSize(table: string): number {
  return table === 'file_chunk' ? 4 : 500;
}

export async function copySqliteToPostgres(source: Db, target: Db, log: (line: string) => void = () => undefined): Promise<CopyReport> {
  if (isPostgres(source) || !isPostgres(target)) throw new Error('Copy from an SQLite database to a PostgreSQL one.');
  await migrateToLatest(source);
  await migrateToLatest(target);

  const tables = (await source.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
  const unknown = tables.filter((name) => !(COPY_ORDER as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Do not know where to copy the tables ${unknown.join(', ')}: add them to COPY_ORDER.`);

  const existing = await target.selectFrom('programme').select('id').executeTakeFirst();
  if (existing) throw new Error('The PostgreSQL database already holds a programme. Copy into a new, empty database.');

  const report: CopyReport = [];
  // One read transaction on SQLite (a consistent picture, and a running hub's writes wait) and one
  // write transaction on PostgreSQL (all or nothing).
  await source.transaction().execute(async (from) => {
    await target.transaction().execute(async (to) => {
      for (const table of COPY_ORDER) {
        const rows = (await from.selectFrom(table as never).selectAll().execute()) as Record<string, unknown>[];
        for (let start = 0; start < rows.length; start += batchSize(table)) {
          await to
            .insertInto(table as never)
            .values(rows.slice(start, start + batchSize(table)) as never)
            .execute();
        }
        report.push({ table, rows: rows.length });
        log(`${table}: ${rows.length} row${rows.length === 1 ? '' : 's'}`);
      }
      // Copied ids were given explicitly: the identity columns continue after the highest.
      const identities = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`.execute(to);
      for (const { table_name: table, column_name: column } of identities.rows) {
        await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(to);
      }
      for (const { table, rows } of report) {
        const row = await to.selectFrom(table as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number((row as { n: number }).n) !== rows) throw new Error(`${table}: copied ${rows} rows but PostgreSQL holds ${(row as { n: number }).n}.`);
      }
    });
  });
  return report;
}
