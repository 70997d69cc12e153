// SQL for coordinator sessions, found by the hash of the cookie's value.
import type { Db } from '../db/connection.js';
import type { CoordinatorSessionRow } from '../db/schema.js';

export type SessionWithCoordinator = CoordinatorSessionRow & { email: string; name: string };

export async function insertSession(db: Db, session: CoordinatorSessionRow): Promise<void> {
  await db.insertInto('coordinator_session').values(session).execute();
}

export async function findSessionByLookup(db: Db, idLookup: string): Promise<SessionWithCoordinator | undefined> {
  return db
    .selectFrom('coordinator_session')
    .innerJoin('coordinator', 'coordinator.id', 'coordinator_session.coordinator_id')
    .selectAll('coordinator_session')
    .select(['coordinator.email', 'coordinator.name'])
    .where('coordinator_session.id_lookup', '=', idLookup)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idLookup: string, at: string): Promise<void> {
  await db.updateTable('coordinator_session').set({ last_seen_at: at }).where('id_lookup', '=', idLookup).execute();
}

export async function deleteSessionByLookup(db: Db, idLookup: string): Promise<void> {
  await db.deleteFrom('coordinator_session').where('id_lookup', '=', idLookup).execute();
}

/** Housekeeping: sessions past their absolute or idle limit. */
export async function deleteExpiredSessions(db: Db, now: string, idleSince: string): Promise<void> {
  await db
    .deleteFrom('coordinator_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute();
}
