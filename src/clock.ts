// The hub's notion of "now", injected so that tests can pin it.
import { DateTime } from 'luxon';

export interface Clock {
  now(): DateTime;
  /** The same instant as epoch milliseconds, for hot paths that only compare (no DateTime made). */
  nowMillis?(): number;
}

export const systemClock: Clock = { now: () => DateTime.utc(), nowMillis: () => Date.now() };

/** Epoch milliseconds of `clock`'s now: its own cheap reading where it has one. */
export function nowMillis(clock: Clock): number {
  return clock.nowMillis ? clock.nowMillis() : clock.now().toMillis();
}

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(minutes: number): void } {
  let current = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!current.isValid) throw new Error(`fixedClock: invalid instant ${iso}`);
  return {
    now: () => current,
    nowMillis: () => current.toMillis(),
    set(next) {
      current = DateTime.fromISO(next, { zone: 'UTC' });
    },
    advance(minutes) {
      current = current.plus({ minutes });
    },
  };
}
