// The hub's notion of "now", injected so that tests can pin it.
import { DateTime } from 'luxon';

export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.utc() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(minutes: number): void } {
  let current = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!current.isValid) throw new Error(`fixedClock: invalid instant ${iso}`);
  return {
    now: () => current,
    set(next) {
      current = DateTime.fromISO(next, { zone: 'UTC' });
    },
    advance(minutes) {
      current = current.plus({ minutes });
    },
  };
}
