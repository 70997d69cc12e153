// A version of the public data, moved by the database itself in the transaction of every change,
// on which cached feeds and pages are keyed. Triggers rather than application code: no write path
// can forget it, and every process and instance sees the same number once the change commits.
//   content: what public pages and feeds show (programme, areas, speakers, webinars, materials);
//   seats:   registrations, which the public pages show as seats left (feeds do not).
import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

const CONTENT_TABLES = ['programme', 'knowledge_area', 'speaker', 'webinar', 'webinar_speaker', 'material'];
const SEATS_TABLES = ['registration'];

function tablesOf(name: 'content' | 'seats'): string[] {
  return name === 'content' ? CONTENT_TABLES : SEATS_TABLES;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
  await db.insertInto('data_version').values([{ name: 'content', version: 1 }, { name: 'seats', version: 1 }]).execute();

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const name of ['content', 'seats'] as const) {
    if (postgres) {
      // Once per statement, however many rows it touched.
      await sql.raw(`create function bump_${name}_version() returns trigger language plpgsql as $$
        begin update data_version set version = version + 1 where name = '${name}'; return null; end $$`).execute(db);
      for (const table of tablesOf(name)) {
        await sql.raw(`create trigger ${table}_bumps_${name} after insert or update or delete on ${table} for each statement execute function bump_${name}_version()`).execute(db);
      }
    } else {
      // SQLite has row triggers only: a statement touching many rows moves the version many times.
      for (const table of tablesOf(name)) {
        for (const event of ['insert', 'update', 'delete']) {
          await sql.raw(`create trigger ${table}_${event}_bumps_${name} after ${event} on ${table} begin update data_version set version = version + 1 where name = '${name}'; end`).execute(db);
        }
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const name of ['content', 'seats'] as const) {
    for (const table of tablesOf(name)) {
      if (postgres) await sql.raw(`drop trigger ${table}_bumps_${name} on ${table}`).execute(db);
      else for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${table}_${event}_bumps_${name}`).execute(db);
    }
    if (postgres) await sql.raw(`drop function bump_${name}_version()`).execute(db);
  }
  await db.schema.dropTable('data_version').execute();
}
