// SQL for attendees.
import type { Db } from '../db/connection.js';
import { forUpdate } from '../db/dialect.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { AttendeeRow, NewAttendee } from '../db/schema.js';
import { foldForSearch } from '../search-text.js';

export async function findAttendeeByEmail(db: Db, email: string, options: { lock?: boolean } = {}): Promise<AttendeeRow | undefined> {
  return (await (options.lock ? lockAttendeeWithEmail : attendeeWithEmail)(db, { email })).rows[0];
}

// Both run on every registration: prepared (see src/db/prepared-query.ts).
const attendeeWithEmail = preparedQuery((db, { email }: { email: string }) => db.selectFrom('attendee').selectAll().where('email', '=', email));
const lockAttendeeWithEmail = preparedQuery((db, { email }: { email: string }) =>
  forUpdate(db, db.selectFrom('attendee').selectAll().where('email', '=', email)),
);

export async function findAttendeeByTokenLookup(db: Db, tokenLookup: string): Promise<AttendeeRow | undefined> {
  return db.selectFrom('attendee').selectAll().where('token_lookup', '=', tokenLookup).executeTakeFirst();
}

export async function findAttendeeById(db: Db, id: number): Promise<AttendeeRow | undefined> {
  return db.selectFrom('attendee').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts the attendee unless the address exists, also when another transaction inserts it at the
 * same moment (then this waits for it and returns undefined): one attendee per address without a
 * unique-constraint error.
 */
export async function insertAttendeeIfNew(db: Db, attendee: Omit<NewAttendee, 'search_text'>): Promise<AttendeeRow | undefined> {
  const { rows } = await insertNewAttendee(db, { ...attendee, search_text: foldForSearch([attendee.name, attendee.email, attendee.organisation].join('\n')) });
  return rows[0];
}

const insertNewAttendee = preparedQuery((db, attendee: NewAttendee) =>
  db
    .insertInto('attendee')
    .values(attendee)
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll(),
);

export async function updateAttendee(db: Db, id: number, update: Partial<Pick<AttendeeRow, 'zone' | 'token' | 'token_lookup' | 'updated_at'>>): Promise<void> {
  await db.updateTable('attendee').set(update).where('id', '=', id).execute();
}

/** `updatedAt` moves too: the personal feed's texts follow the language (see the feed cache's owner state). */
export async function updateAttendeeLanguage(db: Db, id: number, language: string, updatedAt: string): Promise<void> {
  await db.updateTable('attendee').set({ language, updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function deleteAttendee(db: Db, id: number): Promise<void> {
  await db.deleteFrom('attendee').where('id', '=', id).execute();
}
