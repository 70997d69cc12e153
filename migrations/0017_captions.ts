// Captions of recordings (WebVTT), one file per recording and language: shown as a transcript on
// the webinar page, played as a caption track by the page's own video player, and searched.
// The transcript column holds the words alone, so that searching never parses a caption file.
import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';
import { generatedId } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('caption')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('material_id', 'integer', (col) => col.notNull().references('material.id').onDelete('cascade'))
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('vtt', 'text', (col) => col.notNull())
    .addColumn('transcript', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('caption_material_language', ['material_id', 'language'])
    .execute();
  // Public pages show transcripts: a caption change moves the content version, as a material
  // change does (see 0009_data_version.ts).
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create trigger caption_bumps_content after insert or update or delete on caption for each statement execute function bump_content_version()`.execute(db);
  } else {
    for (const event of ['insert', 'update', 'delete']) {
      await sql
        .raw(`create trigger caption_${event}_bumps_content after ${event} on caption begin update data_version set version = version + 1 where name = 'content'; end`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop trigger caption_bumps_content on caption`.execute(db);
  else for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger caption_${event}_bumps_content`).execute(db);
  await db.schema.dropTable('caption').execute();
}
