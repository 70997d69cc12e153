// Slows down password guessing: after too many failed sign-ins for one address or from one client
// within the window, further attempts are refused until the oldest failure leaves the window.
// The failures are kept in the database, so that a guesser gains nothing by landing on another
// instance behind the load balancer.
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { assertWindowKept } from '../http/rate-limit.js';
import { deleteRateLimitHits, fromHitInstant, listRecentRateLimitHits, recordRateLimitHits, toHitInstant } from '../http/rate-limit.repository.js';

export type SignInLimit = { maxFailures: number; windowMinutes: number };

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { maxFailures: 5, windowMinutes: 15 };

/** The rate_limit_hit scope of failed sign-ins; keys are `email:…` and `address:…`. */
export const SIGN_IN_FAILURE_SCOPE = 'sign-in-failure';

export function createSignInThrottle(db: Db, clock: Clock, limit: SignInLimit = DEFAULT_SIGN_IN_LIMIT) {
  assertWindowKept(limit.windowMinutes);
  const windowMs = limit.windowMinutes * 60_000;

  return {
    /** Whole minutes (at least 1) until any of the keys may try again; 0 when all may try now. */
    async waitMinutes(keys: readonly string[]): Promise<number> {
      const now = clock.now();
      const since = toHitInstant(now.minus({ milliseconds: windowMs }));
      const nowMs = now.toMillis();
      let allowedAt = nowMs;
      for (const key of keys) {
        const newestFirst = await listRecentRateLimitHits(db, SIGN_IN_FAILURE_SCOPE, key, since, limit.maxFailures);
        // Allowed again once the count falls below the limit, i.e. when the oldest of the last
        // `maxFailures` failures expires.
        const blocking = newestFirst[limit.maxFailures - 1];
        if (blocking !== undefined) allowedAt = Math.max(allowedAt, fromHitInstant(blocking).toMillis() + windowMs);
      }
      return allowedAt > nowMs ? Math.max(1, Math.ceil((allowedAt - nowMs) / 60_000)) : 0;
    },

    async recordFailure(keys: readonly string[]): Promise<void> {
      await recordRateLimitHits(db, SIGN_IN_FAILURE_SCOPE, keys, toHitInstant(clock.now()));
    },

    /** After a successful sign-in the account's count starts again; the client's does not. */
    async forget(key: string): Promise<void> {
      await deleteRateLimitHits(db, SIGN_IN_FAILURE_SCOPE, key);
    },
  };
}
