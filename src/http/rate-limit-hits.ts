// The counted events behind rate limits, for the features that count their own (sign-in
// throttling): recorded, read back and forgotten by scope and key, with the stored form of their
// instants kept inside src/http.
import type { DateTime } from 'luxon';
import type { Db } from '../db/connection.js';
import {
  deleteRateLimitHits,
  deleteRateLimitHitsById,
  listRecentRateLimitHits,
  recordRateLimitHitsReturningIds,
  toHitInstant,
} from './rate-limit.repository.js';

/** One hit for each key, all at `at`; returns their ids, so that an attempt can be taken back (forgetHits). */
export async function recordHits(db: Db, scope: string, keys: readonly string[], at: DateTime): Promise<number[]> {
  return recordRateLimitHitsReturningIds(db, scope, keys, toHitInstant(at));
}

/** When the key's hits after `since` happened (epoch ms), newest first, at most `limit` of them. */
export async function recentHitTimes(db: Db, scope: string, key: string, since: DateTime, limit: number): Promise<number[]> {
  return (await listRecentRateLimitHits(db, scope, key, toHitInstant(since), limit)).map((at) => Date.parse(at));
}

export async function forgetHits(db: Db, ids: readonly number[]): Promise<void> {
  await deleteRateLimitHitsById(db, ids);
}

/** Every hit of the key in the scope. */
export async function forgetKeyHits(db: Db, scope: string, key: string): Promise<void> {
  await deleteRateLimitHits(db, scope, key);
}
