// SQL that writes webinars and their speakers.
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import type { NewWebinar, SpeakerRole, WebinarUpdate } from '../db/schema.js';

/** The new webinar's id, or undefined when the slug is taken. */
export async function insertWebinar(db: Db, webinar: NewWebinar): Promise<number | undefined> {
  const row = await db
    .insertInto('webinar')
    .values(webinar)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateWebinarRow(db: Db, id: number, update: WebinarUpdate, options: { nextSequence?: boolean } = {}): Promise<void> {
  await db
    .updateTable('webinar')
    // Counted in SQL: a SEQUENCE read in JavaScript and written back could be raised once for two changes.
    .set(options.nextSequence ? { ...update, sequence: sql<number>`sequence + 1` } : update)
    .where('id', '=', id)
    .execute();
}

export async function replaceWebinarSpeakers(db: Db, webinarId: number, speakers: ReadonlyArray<{ speakerId: number; role: SpeakerRole }>): Promise<void> {
  await db.deleteFrom('webinar_speaker').where('webinar_id', '=', webinarId).execute();
  if (speakers.length === 0) return;
  await db
    .insertInto('webinar_speaker')
    .values(speakers.map((s, position) => ({ webinar_id: webinarId, speaker_id: s.speakerId, role: s.role, position })))
    .execute();
}

export async function slugExists(db: Db, table: 'webinar' | 'speaker' | 'knowledge_area', slug: string): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** Confirmed and waiting registrations: people who hold an invitation or a place in the queue. */
export async function countActiveRegistrations(db: Db, webinarId: number): Promise<number> {
  const row = await db
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('webinar_id', '=', webinarId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
