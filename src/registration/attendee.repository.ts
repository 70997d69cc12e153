// SQL for attendees.
import type { Db } from '../db/connection.js';
import type { AttendeeRow, NewAttendee } from '../db/schema.js';

export async function findAttendeeByEmail(db: Db, email: string): Promise<AttendeeRow | undefined> {
  return db.selectFrom('attendee').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findAttendeeByTokenLookup(db: Db, tokenLookup: string): Promise<AttendeeRow | undefined> {
  return db.selectFrom('attendee').selectAll().where('token_lookup', '=', tokenLookup).executeTakeFirst();
}

export async function findAttendeeById(db: Db, id: number): Promise<AttendeeRow | undefined> {
  return db.selectFrom('attendee').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAttendee(db: Db, attendee: NewAttendee): Promise<AttendeeRow> {
  return db.insertInto('attendee').values(attendee).returningAll().executeTakeFirstOrThrow();
}

export async function updateAttendee(db: Db, id: number, update: Partial<Pick<AttendeeRow, 'zone' | 'token' | 'token_lookup' | 'updated_at'>>): Promise<void> {
  await db.updateTable('attendee').set(update).where('id', '=', id).execute();
}

export async function deleteAttendee(db: Db, id: number): Promise<void> {
  await db.deleteFrom('attendee').where('id', '=', id).execute();
}
