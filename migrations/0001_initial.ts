// Programme, knowledge areas, speakers, webinars and who speaks where.
import { sql, type Kysely } from 'kysely';
import { generatedId } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programme')
    // A single row: the settings of this hub's programme.
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('tagline', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('organiser_name', 'text', (col) => col.notNull())
    .addColumn('organiser_email', 'text', (col) => col.notNull())
    .addColumn('default_zone', 'text', (col) => col.notNull().defaultTo('Europe/Stockholm'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('knowledge_area')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('speaker')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('organisation', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('city', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('zone', 'text', (col) => col.notNull())
    .addColumn('bio', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('photo_url', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('webinar')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('uid', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('area_id', 'integer', (col) => col.references('knowledge_area.id').onDelete('restrict'))
    .addColumn('abstract', 'text', (col) => col.notNull().defaultTo(''))
    // The coordinator's wall-clock time and zone are the truth; starts_at_utc is derived from
    // them (for sorting and queries) and rewritten whenever they change.
    .addColumn('start_local', 'text', (col) => col.notNull())
    .addColumn('start_zone', 'text', (col) => col.notNull())
    .addColumn('start_offset_minutes', 'integer')
    .addColumn('starts_at_utc', 'text', (col) => col.notNull())
    .addColumn('duration_minutes', 'integer', (col) => col.notNull().check(sql`duration_minutes between 5 and 1440`))
    .addColumn('capacity', 'integer', (col) => col.check(sql`capacity is null or capacity > 0`))
    .addColumn('join_url', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'cancelled')`),
    )
    .addColumn('sequence', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('webinar_starts_at').on('webinar').column('starts_at_utc').execute();

  await db.schema
    .createTable('webinar_speaker')
    .addColumn('webinar_id', 'integer', (col) => col.notNull().references('webinar.id').onDelete('cascade'))
    .addColumn('speaker_id', 'integer', (col) => col.notNull().references('speaker.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('speaker', 'moderator', 'panelist')`))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('webinar_speaker_pk', ['webinar_id', 'speaker_id'])
    .execute();
  await db.schema.createIndex('webinar_speaker_speaker').on('webinar_speaker').column('speaker_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webinar_speaker').execute();
  await db.schema.dropTable('webinar').execute();
  await db.schema.dropTable('speaker').execute();
  await db.schema.dropTable('knowledge_area').execute();
  await db.schema.dropTable('programme').execute();
}
