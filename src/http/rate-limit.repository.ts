// SQL for rate limits and sign-in throttling: one row per counted event (a registration, a failed
// sign-in) under a scope and a key (a client address, an account), so that every instance counts
// the same events.
import type { DateTime } from 'luxon';
import type { Db } from '../db/connection.js';
import { preparedQuery } from '../db/prepared-query.js';

/**
 * The stored form of a hit's instant: always with milliseconds. Hits are compared as text, and
 * `toStoredInstant` leaves ".000" out, so "12:00:00Z" would sort after "12:00:00.400Z" although it
 * is earlier; a fixed width also sorts the same under any PostgreSQL collation.
 */
export function toHitInstant(instant: DateTime): string {
  return hitInstantAt(instant.toMillis());
}

/** toHitInstant of an instant in milliseconds. */
export function hitInstantAt(millis: number): string {
  // Date's ISO form is exactly that (for years 0–9999), at a tenth of luxon's formatting cost.
  return new Date(millis).toISOString();
}

/** One hit for each key, all at the same instant. */
export async function recordRateLimitHits(db: Db, scope: string, keys: readonly string[], at: string): Promise<void> {
  // Every registration records one: prepared (see src/db/prepared-query.ts). Several go in one statement.
  if (keys.length === 1) await insertHit(db, { scope, key: keys[0]!, at });
  else if (keys.length > 1)
    await db
      .insertInto('rate_limit_hit')
      .values(keys.map((key) => ({ scope, key, at })))
      .execute();
}

const insertHit = preparedQuery((db, hit: { scope: string; key: string; at: string }) => db.insertInto('rate_limit_hit').values(hit));

/**
 * One hit for each key, all at the same instant, returning the new rows' ids: for a hit that may be
 * taken back (a sign-in attempt counted before its outcome is known, see deleteRateLimitHitsById).
 */
export async function recordRateLimitHitsReturningIds(db: Db, scope: string, keys: readonly string[], at: string): Promise<number[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .insertInto('rate_limit_hit')
    .values(keys.map((key) => ({ scope, key, at })))
    .returning('id')
    .execute();
  return rows.map((row) => Number(row.id));
}

/** Hits of the key after `since` (a hit exactly at `since` has left the window). */
export async function countRateLimitHits(db: Db, scope: string, key: string, since: string): Promise<number> {
  const { rows } = await countHits(db, { scope, key, since });
  return Number(rows[0]!.n);
}

const countHits = preparedQuery((db, hits: { scope: string; key: string; since: string }) =>
  db
    .selectFrom('rate_limit_hit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('scope', '=', hits.scope)
    .where('key', '=', hits.key)
    .where('at', '>', hits.since),
);

/** The instants of the key's hits after `since`, newest first, at most `limit` of them. */
export async function listRecentRateLimitHits(db: Db, scope: string, key: string, since: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('rate_limit_hit')
    .select('at')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.at);
}

export async function deleteRateLimitHits(db: Db, scope: string, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_hit').where('scope', '=', scope).where('key', '=', key).execute();
}

export async function deleteRateLimitHitsById(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('rate_limit_hit').where('id', 'in', ids).execute();
}

/** Housekeeping: hits older than `before`, in every scope. Returns how many went. */
export async function pruneRateLimitHits(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('rate_limit_hit').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
