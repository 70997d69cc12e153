// SQL for API tokens: only their hashes are stored.
import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { ApiTokenRow, ApiTokenTable } from '../db/schema.js';

export async function insertApiToken(db: Db, token: Insertable<ApiTokenTable>): Promise<ApiTokenRow> {
  return db.insertInto('api_token').values(token).returningAll().executeTakeFirstOrThrow();
}

export async function findApiTokenByLookup(db: Db, lookup: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('coordinator', 'coordinator.id', 'api_token.coordinator_id')
    .selectAll('api_token')
    .select(['coordinator.email', 'coordinator.name as coordinator_name'])
    .where('api_token.token_lookup', '=', lookup)
    .executeTakeFirst();
}

export async function findApiTokenById(db: Db, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listApiTokenRows(db: Db) {
  return db
    .selectFrom('api_token')
    .innerJoin('coordinator', 'coordinator.id', 'api_token.coordinator_id')
    .selectAll('api_token')
    .select(['coordinator.name as coordinator_name'])
    .orderBy('api_token.id', 'desc')
    .execute();
}

export async function setApiTokenLastUsed(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function setApiTokenRevoked(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
