// Slows down password guessing: after too many failed sign-ins for one address or from one client
// within the window, further attempts are refused until the oldest failure leaves the window.
// In memory like src/http/rate-limit.ts: one process serves the hub, and a restart forgiving is fine.
import type { Clock } from '../clock.js';

export type SignInLimit = { maxFailures: number; windowMinutes: number };

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { maxFailures: 5, windowMinutes: 15 };

export function createSignInThrottle(clock: Clock, limit: SignInLimit = DEFAULT_SIGN_IN_LIMIT) {
  const failures = new Map<string, number[]>();
  const windowMs = limit.windowMinutes * 60_000;
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => t > now - windowMs);

  return {
    /** Whole minutes (at least 1) until any of the keys may try again; 0 when all may try now. */
    waitMinutes(keys: readonly string[]): number {
      const now = clock.now().toMillis();
      let allowedAt = now;
      for (const key of keys) {
        const times = recent(key, now);
        // Allowed again once the count falls below the limit, i.e. when this failure expires.
        const blocking = times[times.length - limit.maxFailures];
        if (blocking !== undefined) allowedAt = Math.max(allowedAt, blocking + windowMs);
      }
      return allowedAt > now ? Math.max(1, Math.ceil((allowedAt - now) / 60_000)) : 0;
    },

    recordFailure(keys: readonly string[]): void {
      const now = clock.now().toMillis();
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
      if (failures.size > 10_000) for (const [key, times] of failures) if (times.every((t) => t <= now - windowMs)) failures.delete(key);
    },

    /** After a successful sign-in the account's count starts again; the client's does not. */
    forget(key: string): void {
      failures.delete(key);
    },
  };
}
