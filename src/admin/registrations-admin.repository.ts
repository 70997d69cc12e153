// SQL for the coordinators' view of registrations: filtered lists with attendees, and counts.
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { foldForSearch } from '../search-text.js';
import type { OrganisationType, RegistrationStatus, WebinarStatus } from '../db/schema.js';

export type RegistrationListFilter = {
  status: RegistrationStatus | 'all';
  organisationType: OrganisationType | null;
  /** Free text matched as a substring of name, email or organisation. */
  q: string | null;
};

/** `%`, `_` and the escape character itself match literally: a search for "100%" is not "everything". */
export function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function registrationsWithAttendees(db: Db) {
  return db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .select([
      'registration.id',
      'registration.webinar_id',
      'registration.status',
      'registration.question',
      'registration.created_at',
      'registration.confirmed_at',
      'registration.cancelled_at',
      'attendee.id as attendee_id',
      'attendee.name',
      'attendee.email',
      'attendee.organisation',
      'attendee.organisation_type',
      'attendee.zone',
    ]);
}

export type RegistrationListRow = Awaited<ReturnType<typeof listRegistrationRows>>[number];

export async function listRegistrationRows(db: Db, webinarId: number, filter: RegistrationListFilter) {
  let query = registrationsWithAttendees(db).where('registration.webinar_id', '=', webinarId);
  if (filter.status !== 'all') query = query.where('registration.status', '=', filter.status);
  if (filter.organisationType) query = query.where('attendee.organisation_type', '=', filter.organisationType);
  // search_text holds name, address and organisation folded in JavaScript, and so does the
  // pattern: the same matches on SQLite and PostgreSQL, "åsa" finding "Åsa Öberg" on both.
  if (filter.q) query = query.where(sql<boolean>`attendee.search_text like ${likeSubstring(foldForSearch(filter.q))} escape '\\'`);
  return query.orderBy('registration.id').execute();
}

export async function findRegistrationRow(db: Db, id: number): Promise<RegistrationListRow | undefined> {
  return registrationsWithAttendees(db).where('registration.id', '=', id).executeTakeFirst();
}

/** The waiting list in order (by row id, as the registration feature promotes it). */
export async function listWaitingRows(db: Db, webinarId: number): Promise<RegistrationListRow[]> {
  return registrationsWithAttendees(db)
    .where('registration.webinar_id', '=', webinarId)
    .where('registration.status', '=', 'waitlisted')
    .orderBy('registration.id')
    .execute();
}

export type CountRow = { webinarId: number; organisationType: OrganisationType; status: RegistrationStatus; n: number };

/** Registrations per webinar, organisation type and status; only combinations that occur. */
export async function countRegistrations(db: Db, webinarIds?: readonly number[]): Promise<CountRow[]> {
  if (webinarIds && webinarIds.length === 0) return [];
  let query = db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .select((eb) => ['registration.webinar_id', 'attendee.organisation_type', 'registration.status', eb.fn.countAll<number>().as('n')])
    .groupBy(['registration.webinar_id', 'attendee.organisation_type', 'registration.status']);
  if (webinarIds) query = query.where('registration.webinar_id', 'in', webinarIds);
  const rows = await query.execute();
  return rows.map((row) => ({ webinarId: row.webinar_id, organisationType: row.organisation_type, status: row.status, n: Number(row.n) }));
}

/** Confirmed registrations and distinct attendees with one, per organisation type, over webinars in the given states. */
export async function countConfirmedInProgramme(db: Db, webinarStatuses: readonly WebinarStatus[]) {
  const rows = await db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .innerJoin('webinar', 'webinar.id', 'registration.webinar_id')
    .select((eb) => ['attendee.organisation_type', eb.fn.countAll<number>().as('registrations'), eb.fn.count<number>('attendee.id').distinct().as('attendees')])
    .where('registration.status', '=', 'confirmed')
    .where('webinar.status', 'in', webinarStatuses)
    .groupBy('attendee.organisation_type')
    .execute();
  return rows.map((row) => ({ organisationType: row.organisation_type, registrations: Number(row.registrations), attendees: Number(row.attendees) }));
}

/** When each confirmed registration was confirmed, oldest first, for the programme's timeline. */
export async function listConfirmedInstants(db: Db, webinarStatuses: readonly WebinarStatus[]): Promise<string[]> {
  const rows = await db
    .selectFrom('registration')
    .innerJoin('webinar', 'webinar.id', 'registration.webinar_id')
    .select(['registration.confirmed_at', 'registration.created_at'])
    .where('registration.status', '=', 'confirmed')
    .where('webinar.status', 'in', webinarStatuses)
    .orderBy('registration.confirmed_at')
    .execute();
  return rows.map((row) => row.confirmed_at ?? row.created_at);
}
