// How instants are stored in the database (ISO 8601 text in UTC) and read back, for every feature.
import { DateTime } from 'luxon';
import { BoundedCache } from './bounded-cache.js';

/** Parsed stored timestamps: the same few thousand come back on every listing, and parsing was a fifth of a feed. */
const parsedInstants = new BoundedCache<string, DateTime>(20_000);

/** Timestamps are stored as ISO 8601 in UTC. (A DateTime never changes, so one parse can be shared.) */
export function utc(iso: string): DateTime {
  return parsedInstants.get(iso) ?? parsedInstants.set(iso, DateTime.fromISO(iso, { zone: 'UTC' }));
}

export function toStoredInstant(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}
