// Recordings, slides and other links published after a webinar.
import { sql, type Kysely } from 'kysely';
import { generatedId } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('material')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('webinar_id', 'integer', (col) => col.notNull().references('webinar.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('recording', 'slides', 'link')`))
    .addColumn('title', 'text', (col) => col.notNull())
    // Either a URL or an uploaded file.
    .addColumn('url', 'text')
    .addColumn('file_name', 'text', (col) => col.unique())
    .addColumn('original_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('visibility', 'text', (col) => col.notNull().check(sql`visibility in ('public', 'attendees')`))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint('material_url_or_file', sql`(url is null) <> (file_name is null)`)
    .execute();
  await db.schema.createIndex('material_webinar').on('material').column('webinar_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('material').execute();
}
