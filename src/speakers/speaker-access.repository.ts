// SQL for speakers' private pages: finding a speaker by their link, and what their sessions'
// audiences look like (counts, zones, questions), for all of a speaker's webinars at once.
import type { Db } from '../db/connection.js';
import type { SpeakerRow } from '../db/schema.js';

export async function findSpeakerRowByTokenLookup(db: Db, lookup: string): Promise<SpeakerRow | undefined> {
  return db.selectFrom('speaker').selectAll().where('token_lookup', '=', lookup).executeTakeFirst();
}

export type RegistrationCounts = { confirmed: number; waitlisted: number };

export async function registrationCountsOf(db: Db, webinarIds: readonly number[]): Promise<Map<number, RegistrationCounts>> {
  const counts = new Map<number, RegistrationCounts>();
  if (webinarIds.length === 0) return counts;
  const rows = await db
    .selectFrom('registration')
    .select(['webinar_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('webinar_id', 'in', webinarIds)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .groupBy(['webinar_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.webinar_id) ?? { confirmed: 0, waitlisted: 0 };
    entry[row.status as keyof RegistrationCounts] = Number(row.n);
    counts.set(row.webinar_id, entry);
  }
  return counts;
}

/** Attendees' questions per webinar, cancelled registrations left out, in the order they came. */
export async function questionsOf(db: Db, webinarIds: readonly number[]): Promise<Map<number, string[]>> {
  const questions = new Map<number, string[]>();
  if (webinarIds.length === 0) return questions;
  const rows = await db
    .selectFrom('registration')
    .select(['webinar_id', 'question'])
    .where('webinar_id', 'in', webinarIds)
    .where('status', '!=', 'cancelled')
    .where('question', 'is not', null)
    .where('question', '!=', '')
    .orderBy('id')
    .execute();
  for (const row of rows) questions.set(row.webinar_id, [...(questions.get(row.webinar_id) ?? []), row.question!]);
  return questions;
}

/** Confirmed attendees per webinar and zone: counts only, never who. */
export async function audienceZonesOf(db: Db, webinarIds: readonly number[]): Promise<Map<number, Array<{ zone: string; count: number }>>> {
  const zones = new Map<number, Array<{ zone: string; count: number }>>();
  if (webinarIds.length === 0) return zones;
  const rows = await db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .select(['registration.webinar_id', 'attendee.zone', (eb) => eb.fn.countAll<number>().as('n')])
    .where('registration.webinar_id', 'in', webinarIds)
    .where('registration.status', '=', 'confirmed')
    .groupBy(['registration.webinar_id', 'attendee.zone'])
    .execute();
  for (const row of rows) zones.set(row.webinar_id, [...(zones.get(row.webinar_id) ?? []), { zone: row.zone, count: Number(row.n) }]);
  return zones;
}
