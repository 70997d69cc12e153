// Attendees (one per email address) and their registrations for webinars.
import { sql, type Kysely } from 'kysely';
import { generatedId } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attendee')
    .addColumn('id', 'integer', generatedId(db))
    // Stored trimmed and lower-cased: one attendee per address.
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('organisation_type', 'text', (col) =>
      col.notNull().check(sql`organisation_type in ('large-company', 'startup', 'academia', 'public-sector', 'other')`),
    )
    .addColumn('zone', 'text', (col) => col.notNull())
    // The secret link of the attendee's page; looked up through its SHA-256 so that the index
    // comparison reveals nothing about the token itself.
    .addColumn('token', 'text', (col) => col.notNull())
    .addColumn('token_lookup', 'text', (col) => col.notNull().unique())
    .addColumn('consent_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('registration')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('webinar_id', 'integer', (col) => col.notNull().references('webinar.id').onDelete('cascade'))
    .addColumn('attendee_id', 'integer', (col) => col.notNull().references('attendee.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled')`))
    .addColumn('question', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addUniqueConstraint('registration_webinar_attendee', ['webinar_id', 'attendee_id'])
    .execute();
  await db.schema.createIndex('registration_webinar_status').on('registration').columns(['webinar_id', 'status', 'id']).execute();
  await db.schema.createIndex('registration_attendee').on('registration').column('attendee_id').execute();

  // Registration closes this many minutes before the start (0: at the start).
  await db.schema
    .alterTable('webinar')
    .addColumn('registration_closes_minutes_before', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webinar').dropColumn('registration_closes_minutes_before').execute();
  await db.schema.dropTable('registration').execute();
  await db.schema.dropTable('attendee').execute();
}
