// What a zone's clocks show at an instant (UTC offset, short zone name), read through Intl formatters
// made once per zone.
//
// luxon answers the same questions, but `offsetNameShort` makes a new Intl.DateTimeFormat on every
// call, and every offset costs another Intl call. Here one Intl call gives the offset and the en-US
// name together; the en-GB name costs a second only where en-US has no abbreviation. The values are
// those luxon gives: the same Intl options, read the same way.
import { Info, type Zone } from 'luxon';
import { BoundedCache } from './bounded-cache.js';

export type ZoneReading = {
  /** Minutes east of UTC. */
  offsetMinutes: number;
  /** "CET", "EDT"; "GMT+8" where the zone has no common abbreviation. */
  abbreviation: string;
};

/**
 * Undefined outside the years 1000–9999 and where the offset is not a whole number of minutes
 * (local mean time before ~1900): luxon's own formatting answers those.
 */
export type ZoneClock = (ms: number) => ZoneReading | undefined;

/** Four-digit years, a day inside either end so that no offset leaves them. */
const FIRST_MS = Date.UTC(1000, 0, 2);
const LAST_MS = Date.UTC(9999, 11, 30);

/** Every IANA zone fits, with room for the other spellings people type; beyond that, the oldest go. */
const clocks = new BoundedCache<string, ZoneClock | null>(1000);

/**
 * The clock of a zone as luxon's `setZone` reads the name, or undefined where the answer depends
 * on the process ("local", "system") or the zone does not exist: luxon's own formatting answers those.
 */
export function zoneClock(zone: string): ZoneClock | undefined {
  let clock = clocks.get(zone);
  if (clock === undefined) clock = clocks.set(zone, makeClock(Info.normalizeZone(zone)));
  return clock ?? undefined;
}

function makeClock(zone: Zone): ZoneClock | null {
  if (zone.type === 'fixed') {
    // "UTC", "UTC+3": luxon names these itself, without Intl.
    const offsetMinutes = zone.offset(0);
    const us = zone.offsetName(0, { format: 'short', locale: 'en-US' }) ?? '';
    const reading = { offsetMinutes, abbreviation: abbreviation(offsetMinutes, us, () => zone.offsetName(0, { format: 'short', locale: 'en-GB' })) };
    return (ms) => (ms >= FIRST_MS && ms <= LAST_MS ? reading : undefined);
  }
  if (zone.type !== 'iana' || !zone.isValid) return null;
  const usClock = new Intl.DateTimeFormat('en-US', { ...LUXON_OFFSET_OPTIONS, timeZoneName: 'short', timeZone: zone.name });
  const gbName = new Intl.DateTimeFormat('en-GB', { ...LUXON_NAME_OPTIONS, timeZone: zone.name });
  return (ms) => {
    if (!(ms >= FIRST_MS && ms <= LAST_MS)) return undefined;
    const date = new Date(ms);
    const { offsetMinutes, name } = readClock(usClock, date);
    if (!Number.isInteger(offsetMinutes)) return undefined;
    return { offsetMinutes, abbreviation: abbreviation(offsetMinutes, name, () => timeZoneName(gbName.formatToParts(date))) };
  };
}

/** The options of luxon's IANAZone.offset formatter, so that the wall clock is read alike. */
const LUXON_OFFSET_OPTIONS: Intl.DateTimeFormatOptions = {
  hour12: false,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  era: 'short',
};

/** The options of luxon's offsetNameShort formatter. */
const LUXON_NAME_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZoneName: 'short',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
};

/**
 * The offset as luxon computes it (the wall clock read as if it were UTC, minus the instant
 * truncated to the second), and the zone's name. Only for the years 1000–9999: luxon treats BC
 * years and Date.UTC's two-digit years specially.
 */
function readClock(format: Intl.DateTimeFormat, date: Date): { offsetMinutes: number; name: string } {
  let year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
    name = '';
  for (const { type, value } of format.formatToParts(date)) {
    if (type === 'year') year = parseInt(value, 10);
    else if (type === 'month') month = parseInt(value, 10);
    else if (type === 'day') day = parseInt(value, 10);
    else if (type === 'hour')
      hour = parseInt(value, 10) % 24; // hour12: false can say "24" at midnight
    else if (type === 'minute') minute = parseInt(value, 10);
    else if (type === 'second') second = parseInt(value, 10);
    else if (type === 'timeZoneName') name = value;
  }
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const ms = date.getTime();
  return { offsetMinutes: (wallAsUtc - (ms - mod(ms, 1000))) / 60_000, name };
}

function mod(n: number, d: number): number {
  return ((n % d) + d) % d;
}

function timeZoneName(parts: Intl.DateTimeFormatPart[]): string | null {
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? null;
}

/**
 * en-US knows the North American abbreviations, en-GB the British and European ones; otherwise
 * both give "GMT+8"-style names, which are still unambiguous. A plain "GMT" away from offset 0
 * would read as UTC, so the en-US "GMT+1"-style name is kept then.
 */
export function abbreviation(offsetMinutes: number, us: string, gb: () => string | null): string {
  if (!us.startsWith('GMT')) return us;
  const gbName = gb() ?? us;
  return gbName === 'GMT' && offsetMinutes !== 0 ? us : gbName;
}
