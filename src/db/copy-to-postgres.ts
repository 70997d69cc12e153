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
  'registration_request',
  'coordinator',
  'coordinator_invite',
  'coordinator_session',
  'api_token',
  'material',
  'caption',
  'file_chunk',
  'outbox',
  'rate_limit_hit',
] as const;

/** Kept by the target's own migrations and triggers, not copied. */
const NOT_COPIED = ['data_version'];

export type CopyReport = Array<{ table: string; rows: number }>;

/** Rows per INSERT: within PostgreSQL's 65,535 parameters for the widest table, and small for file chunks. */
function batchSize(table: string): number {
  return table === 'file_chunk' ? 4 : 500;
}

export async function copySqliteToPostgres(source: Db, target: Db, log: (line: string) => void = () => undefined): Promise<CopyReport> {
  if (isPostgres(source) || !isPostgres(target)) throw new Error('Copy from an SQLite database to a PostgreSQL one.');
  await migrateToLatest(source);
  await migrateToLatest(target);

  const tables = (await source.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_') && !NOT_COPIED.includes(name));
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
        // Page by page in rowid order, so that gigabytes of slides never sit in memory at once.
        let copied = 0;
        for (let after = 0; ; ) {
          const page = await sql<Record<string, unknown> & { copy_rowid: number }>`
            select rowid as copy_rowid, * from ${sql.table(table)} where rowid > ${after} order by rowid limit ${batchSize(table)}`.execute(from);
          if (page.rows.length === 0) break;
          after = page.rows[page.rows.length - 1]!.copy_rowid;
          const rows = page.rows.map(({ copy_rowid: _rowid, ...row }) => row);
          await to
            .insertInto(table as never)
            .values(rows as never)
            .execute();
          copied += rows.length;
        }
        report.push({ table, rows: copied });
        log(`${table}: ${copied} row${copied === 1 ? '' : 's'}`);
      }
      // Copied ids were given explicitly: the identity columns continue after the highest.
      const identities = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`.execute(to);
      for (const { table_name: table, column_name: column } of identities.rows) {
        await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
          to,
        );
      }
      for (const { table, rows } of report) {
        const row = await to
          .selectFrom(table as never)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        if (Number((row as { n: number }).n) !== rows) throw new Error(`${table}: copied ${rows} rows but PostgreSQL holds ${(row as { n: number }).n}.`);
      }
    });
  });
  return report;
}
