// SQL for registrations: seats, the waiting list in order, and who is registered where.
import type { Db } from '../db/connection.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { NewRegistration, RegistrationRequestRow, RegistrationRequestTable, RegistrationRow, RegistrationStatus } from '../db/schema.js';
import type { Insertable } from 'kysely';

type NewRegistrationRequest = Insertable<RegistrationRequestTable>;

export async function findRegistration(db: Db, webinarId: number, attendeeId: number): Promise<RegistrationRow | undefined> {
  return (await registrationOf(db, { webinarId, attendeeId })).rows[0];
}

// This and insertRegistration run on every registration: prepared (see src/db/prepared-query.ts).
const registrationOf = preparedQuery((db, { webinarId, attendeeId }: { webinarId: number; attendeeId: number }) =>
  db.selectFrom('registration').selectAll().where('webinar_id', '=', webinarId).where('attendee_id', '=', attendeeId),
);

export async function findRegistrationById(db: Db, id: number): Promise<RegistrationRow | undefined> {
  return db.selectFrom('registration').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRegistration(db: Db, registration: NewRegistration): Promise<RegistrationRow> {
  const [row] = (await insertNewRegistration(db, registration)).rows;
  if (!row) throw new Error('The registration was not inserted.');
  return row;
}

const insertNewRegistration = preparedQuery((db, registration: NewRegistration) => db.insertInto('registration').values(registration).returningAll());

export async function deleteRegistration(db: Db, id: number): Promise<void> {
  await db.deleteFrom('registration').where('id', '=', id).execute();
}

export async function setRegistrationStatus(db: Db, id: number, status: RegistrationStatus, at: string): Promise<void> {
  await db
    .updateTable('registration')
    .set({
      status,
      updated_at: at,
      ...(status === 'confirmed' ? { confirmed_at: at } : {}),
      ...(status === 'cancelled' ? { cancelled_at: at } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function countConfirmed(db: Db, webinarId: number): Promise<number> {
  const row = await db
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('webinar_id', '=', webinarId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A webinar's confirmed and waiting registrations, counted in one query. */
export async function countLiveRegistrations(db: Db, webinarId: number): Promise<{ confirmed: number; waitlisted: number }> {
  const rows = await db
    .selectFrom('registration')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('webinar_id', '=', webinarId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
  return { confirmed: count('confirmed'), waitlisted: count('waitlisted') };
}

/** Confirmed registrations per webinar, for several webinars in one query (webinars with none are absent). */
export async function countConfirmedByWebinar(db: Db, webinarIds: readonly number[]): Promise<Map<number, number>> {
  if (webinarIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('registration')
    .select(['webinar_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('webinar_id', 'in', webinarIds)
    .where('status', '=', 'confirmed')
    .groupBy('webinar_id')
    .execute();
  return new Map(rows.map((row) => [row.webinar_id, Number(row.n)]));
}

/** How many wait up to and including this registration: its place, as rows are only ever appended. */
export async function countWaitlistedUpTo(db: Db, webinarId: number, registrationId: number): Promise<number> {
  const row = await db
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('webinar_id', '=', webinarId)
    .where('status', '=', 'waitlisted')
    .where('id', '<=', registrationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The places of all an attendee's waiting registrations, counted as `countWaitlistedUpTo` does, in
 * one query whatever their number: each waiting row is joined with those waiting up to it.
 */
export async function listWaitlistPlacesOfAttendee(db: Db, attendeeId: number): Promise<Array<{ registrationId: number; place: number }>> {
  const rows = await db
    .selectFrom('registration as mine')
    .innerJoin('registration as ahead', (join) => join.onRef('ahead.webinar_id', '=', 'mine.webinar_id').onRef('ahead.id', '<=', 'mine.id'))
    .select((eb) => ['mine.id as registrationId', eb.fn.countAll<number>().as('place')])
    .where('mine.attendee_id', '=', attendeeId)
    .where('mine.status', '=', 'waitlisted')
    .where('ahead.status', '=', 'waitlisted')
    .groupBy('mine.id')
    .execute();
  return rows.map((row) => ({ registrationId: row.registrationId, place: Number(row.place) }));
}

export async function listRegistrationsOfAttendee(db: Db, attendeeId: number): Promise<RegistrationRow[]> {
  return db.selectFrom('registration').selectAll().where('attendee_id', '=', attendeeId).orderBy('id').execute();
}

/** A webinar's attendees with one status, in registration order, with what emails to them need. */
export async function listRegisteredAttendees(db: Db, webinarId: number, status: 'confirmed' | 'waitlisted' = 'confirmed', limit?: number) {
  const query = db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .select([
      'registration.id as registrationId',
      'registration.confirmed_at as confirmedAt',
      'attendee.id as attendeeId',
      'attendee.id',
      'attendee.name',
      'attendee.email',
      'attendee.zone',
      'attendee.token',
      'attendee.language',
    ])
    .where('registration.webinar_id', '=', webinarId)
    .where('registration.status', '=', status)
    .orderBy('registration.id');
  return (limit === undefined ? query : query.limit(limit)).execute();
}

/**
 * Records (or renews) a registration asked for an attendee by someone who may not be its owner.
 * One per webinar and attendee: asking again keeps the request and its confirmation link.
 */
export async function upsertRegistrationRequest(db: Db, request: NewRegistrationRequest): Promise<{ id: number; created: boolean }> {
  const existing = await db
    .selectFrom('registration_request')
    .select('id')
    .where('webinar_id', '=', request.webinar_id)
    .where('attendee_id', '=', request.attendee_id)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('registration_request').set({ question: request.question, expires_at: request.expires_at }).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const row = await db.insertInto('registration_request').values(request).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function findRegistrationRequest(db: Db, id: number, attendeeId: number): Promise<RegistrationRequestRow | undefined> {
  return db.selectFrom('registration_request').selectAll().where('id', '=', id).where('attendee_id', '=', attendeeId).executeTakeFirst();
}

export async function listRegistrationRequestsOf(db: Db, attendeeId: number, now: string): Promise<RegistrationRequestRow[]> {
  return db.selectFrom('registration_request').selectAll().where('attendee_id', '=', attendeeId).where('expires_at', '>', now).orderBy('id').execute();
}

export async function deleteRegistrationRequest(db: Db, id: number): Promise<void> {
  await db.deleteFrom('registration_request').where('id', '=', id).execute();
}

/** A webinar's confirmed and waiting attendees per stored zone: counts only, never who. */
export async function countRegisteredByZone(db: Db, webinarId: number): Promise<Array<{ zone: string; count: number }>> {
  const rows = await db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .select(['attendee.zone', (eb) => eb.fn.countAll<number>().as('n')])
    .where('registration.webinar_id', '=', webinarId)
    .where('registration.status', 'in', ['confirmed', 'waitlisted'])
    .groupBy('attendee.zone')
    .execute();
  return rows.map((row) => ({ zone: row.zone, count: Number(row.n) }));
}
