// How instants are stored in the database (ISO 8601 text in UTC) and read back, for every feature.
import { DateTime } from 'luxon';
import { BoundedCache } from './bounded-cache.js';

/** Parsed stored timestamps: the same few thousand come back on every listing, and parsing was a fifth of a feed. */
const parsedInstants = new BoundedCache<string, DateTime>(20_000);

/** The form toStoredInstant writes (milliseconds when there are any), which Date.parse reads exactly. */
const STORED_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const FIRST_YEAR = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_YEAR_END = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Timestamps are stored as ISO 8601 in UTC. (A DateTime never changes, so one parse can be shared.)
 * The stored form is read with Date.parse, at a ninth of luxon's fromISO (a registration reads a
 * few new ones); the result is the same DateTime. Anything else goes to fromISO.
 */
export function utc(iso: string): DateTime {
  return parsedInstants.get(iso) ?? parsedInstants.set(iso, parseStored(iso));
}

function parseStored(iso: string): DateTime {
  if (STORED_FORM.test(iso)) {
    const millis = Date.parse(iso);
    // Date.parse would roll "02-30" over into March, where fromISO says invalid.
    if (!Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 19) === iso.slice(0, 19)) return DateTime.fromMillis(millis, { zone: 'UTC' });
  }
  return DateTime.fromISO(iso, { zone: 'UTC' });
}

/** "2027-03-18T14:00:00Z", with milliseconds only when there are some; '' for an invalid instant. */
export function toStoredInstant(instant: DateTime): string {
  return instant.isValid ? storedInstantAt(instant.toMillis()) : '';
}

/** toStoredInstant of an instant in milliseconds. */
export function storedInstantAt(millis: number): string {
  // Date's ISO form is luxon's for the years 0000–9999, at a fraction of the cost.
  if (!(millis >= FIRST_YEAR && millis <= LAST_YEAR_END)) return DateTime.fromMillis(millis, { zone: 'UTC' }).toISO({ suppressMilliseconds: true }) ?? '';
  const text = new Date(millis).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}
