// Several processes and instances on one database: outbox claims with a lease, rate limits and
// sign-in failures in the database, uploaded files in the database, unique material positions,
// and an attendee search that folds every script the same way on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';
import { binaryType, generatedId } from './portable.js';

/** Frozen copy of the hub's search folding at the time of this migration (see src/search-text.ts). */
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

export async function up(db: Kysely<any>): Promise<void> {
  // A message in sending belongs to one worker until claimed_until; the worker extends the claim
  // while the mail server is answering, so a crashed worker's message is taken back within a lease.
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claimed_until', 'text').execute();
  await db.updateTable('outbox').set({ claimed_until: sql`updated_at` }).where('status', '=', 'sending').execute();
  await db.schema.createIndex('outbox_claims').on('outbox').columns(['status', 'claimed_until']).execute();

  // One row per counted event (a registration, a failed sign-in) and client or account key.
  await db.schema
    .createTable('rate_limit_hit')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hit_key').on('rate_limit_hit').columns(['scope', 'key', 'at']).execute();
  await db.schema.createIndex('rate_limit_hit_at').on('rate_limit_hit').column('at').execute();

  // Uploaded files in pieces, so that every instance serves them and a download streams piece by
  // piece instead of loading 50 MB at once.
  await db.schema
    .createTable('file_chunk')
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('data', binaryType(db), (col) => col.notNull())
    .addPrimaryKeyConstraint('file_chunk_pk', ['file_name', 'seq'])
    .execute();

  // Positions were read-then-written; number any duplicates in order, then let a constraint guard them.
  const materials = await db.selectFrom('material').select(['id', 'webinar_id', 'position']).orderBy('webinar_id').orderBy('position').orderBy('id').execute();
  let webinarId: number | null = null;
  let next = 0;
  for (const m of materials) {
    if (m.webinar_id !== webinarId) (webinarId = m.webinar_id), (next = 0);
    const position = Math.max(next, m.position);
    if (position !== m.position) await db.updateTable('material').set({ position }).where('id', '=', m.id).execute();
    next = position + 1;
  }
  await db.schema.createIndex('material_webinar_position').on('material').columns(['webinar_id', 'position']).unique().execute();

  // Name, address and organisation folded for search: LIKE folds only ASCII on SQLite and nothing
  // on PostgreSQL, so "åsa" would not find "Åsa Öberg" on either.
  await db.schema.alterTable('attendee').addColumn('search_text', 'text', (col) => col.notNull().defaultTo('')).execute();
  const attendees = await db.selectFrom('attendee').select(['id', 'name', 'email', 'organisation']).execute();
  for (const a of attendees) {
    await db.updateTable('attendee').set({ search_text: fold([a.name, a.email, a.organisation].join('\n')) }).where('id', '=', a.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attendee').dropColumn('search_text').execute();
  await db.schema.dropIndex('material_webinar_position').execute();
  await db.schema.dropTable('file_chunk').execute();
  await db.schema.dropTable('rate_limit_hit').execute();
  await db.schema.dropIndex('outbox_claims').execute();
  await db.schema.alterTable('outbox').dropColumn('claimed_until').execute();
  await db.schema.alterTable('outbox').dropColumn('claimed_by').execute();
}
