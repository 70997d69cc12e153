// Registrations asked for an address that already has a personal page, from anywhere but its
// owner's page or browser: they wait here, holding no seat, until the owner confirms them from the
// email the hub sends to the address.
import type { Kysely } from 'kysely';
import { generatedId } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_request')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('webinar_id', 'integer', (col) => col.notNull().references('webinar.id').onDelete('cascade'))
    .addColumn('attendee_id', 'integer', (col) => col.notNull().references('attendee.id').onDelete('cascade'))
    .addColumn('question', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('registration_request_webinar_attendee', ['webinar_id', 'attendee_id'])
    .execute();
  await db.schema.createIndex('registration_request_attendee').on('registration_request').column('attendee_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registration_request').execute();
}
