// SQL for coordinators and their invitations.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { CoordinatorInviteTable, CoordinatorRow, CoordinatorTable } from '../db/schema.js';

export type CoordinatorInviteRow = Selectable<CoordinatorInviteTable>;

export async function countCoordinators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('coordinator')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findCoordinatorByEmail(db: Db, email: string): Promise<CoordinatorRow | undefined> {
  return db.selectFrom('coordinator').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function listCoordinatorRows(db: Db): Promise<CoordinatorRow[]> {
  return db.selectFrom('coordinator').selectAll().orderBy('name').orderBy('id').execute();
}

export async function insertCoordinator(db: Db, coordinator: Insertable<CoordinatorTable>): Promise<CoordinatorRow> {
  return db.insertInto('coordinator').values(coordinator).returningAll().executeTakeFirstOrThrow();
}

export async function setLastLogin(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('coordinator').set({ last_login_at: at }).where('id', '=', id).execute();
}

export async function insertInvite(db: Db, invite: Insertable<CoordinatorInviteTable>): Promise<CoordinatorInviteRow> {
  return db.insertInto('coordinator_invite').values(invite).returningAll().executeTakeFirstOrThrow();
}

export async function findInviteByLookup(db: Db, lookup: string): Promise<CoordinatorInviteRow | undefined> {
  return db.selectFrom('coordinator_invite').selectAll().where('token_lookup', '=', lookup).executeTakeFirst();
}

/** Marks an invite used only if it still was unused: the one-time guarantee lives in this WHERE. */
export async function claimInvite(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('coordinator_invite').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Outstanding setup links (no inviter), replaced when a new one is printed. */
export async function deleteUnusedSetupInvites(db: Db): Promise<void> {
  await db.deleteFrom('coordinator_invite').where('invited_by', 'is', null).where('used_at', 'is', null).execute();
}

export async function listPendingInvites(db: Db, now: string) {
  return db
    .selectFrom('coordinator_invite')
    .leftJoin('coordinator', 'coordinator.id', 'coordinator_invite.invited_by')
    .select([
      'coordinator_invite.id',
      'coordinator_invite.email',
      'coordinator_invite.created_at',
      'coordinator_invite.expires_at',
      'coordinator.name as invited_by_name',
    ])
    .where('coordinator_invite.used_at', 'is', null)
    .where('coordinator_invite.expires_at', '>', now)
    .orderBy('coordinator_invite.id')
    .execute();
}

/** Stores a choice once: a page asked again in the same language writes nothing. */
export async function updateCoordinatorLanguage(db: Db, id: number, language: string, at: string): Promise<void> {
  await db
    .updateTable('coordinator')
    .set({ language, language_chosen_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('language', '<>', language), eb('language_chosen_at', 'is', null)]))
    .execute();
}
