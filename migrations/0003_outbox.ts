// The email outbox: every message is written here in the transaction of the change that causes
// it, and sent by a worker afterwards.
import { sql, type Kysely } from 'kysely';
import { generatedId } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('to_address', 'text', (col) => col.notNull())
    .addColumn('to_name', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('text_body', 'text', (col) => col.notNull())
    .addColumn('html_body', 'text')
    // An iCalendar invite sent as a text/calendar; method=... alternative.
    .addColumn('ics_content', 'text')
    .addColumn('ics_method', 'text', (col) => col.check(sql`ics_method is null or ics_method in ('REQUEST', 'CANCEL', 'PUBLISH')`))
    // Messages that must go out at most once (reminders) carry a key; a second enqueue is ignored.
    .addColumn('dedupe_key', 'text', (col) => col.unique())
    .addColumn('webinar_id', 'integer', (col) => col.references('webinar.id').onDelete('set null'))
    .addColumn('attendee_id', 'integer', (col) => col.references('attendee.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending', 'held', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
}
