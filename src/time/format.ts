// Shows instants to people: every rendered time carries the offset of the zone it is shown in.
import { DateTime, Settings } from 'luxon';
import { BoundedCache } from './bounded-cache.js';
import { formatOffset } from './local-time.js';
import { abbreviation, zoneClock, type ZoneReading } from './zone-clock.js';
import { zoneCity } from './zones.js';
import { currentLanguage } from '../i18n/current-language.js';
import { LOCALES, type Language } from '../i18n/languages.js';

// Nothing may depend on the process's TZ or locale: a DateTime created without an explicit zone
// is UTC, and text is in the language being rendered (English unless a request or an email says
// otherwise; see src/i18n/current-language.ts) with a 24-hour clock.
Settings.defaultZone = 'UTC';
Settings.defaultLocale = 'en-GB';

export type ShownTime = {
  /** ISO 8601 with the offset of the zone it is shown in, for <time datetime>. */
  datetime: string;
  /** "Thu 18 Mar 2027" in English, "tors 18 mars 2027" in Swedish. */
  date: string;
  /** "2027-03-18", to compare calendar days between zones. */
  isoDate: string;
  /** "15:00" */
  time: string;
  /** "CET", "EDT"; "GMT+8" where the zone has no common abbreviation. */
  abbreviation: string;
  /** "UTC+01:00" */
  offset: string;
  zone: string;
  city: string;
};

/**
 * A page or feed shows the same few instants (webinars' starts and ends) in the same few zones
 * again and again; what a zone's clocks show at an instant never changes, so it is kept. 10,000
 * entries (1,000 webinars' starts and ends in five zones) take about 4 MB.
 */
const shownTimes = new BoundedCache<string, ShownTime>(10_000);

/**
 * The instant as `zone`'s clocks show it, its date in the current language. Only the words of the
 * date differ between languages: the instant, its offset and its time are the same.
 */
export function showIn(instant: DateTime, zone: string): ShownTime {
  const language = currentLanguage();
  const clock = instant.isValid ? zoneClock(zone) : undefined;
  if (!clock) return showWithLuxon(instant, zone, language);
  const ms = instant.toMillis();
  const key = `${ms} ${zone} ${language}`;
  const shown = shownTimes.get(key) ?? shownTimes.set(key, showReading(ms, zone, clock(ms), language) ?? showWithLuxon(instant, zone, language));
  // A copy: a caller may change what it gets, and the cached value must stay as it is.
  return { ...shown };
}

/**
 * Short day and month names as luxon writes them (its en-GB names are Intl's, "Sept", not "Sep"),
 * taken from luxon once per language: "Thu", "Mar"; "tors", "mars".
 */
function namesIn(locale: string) {
  return {
    weekdays: Array.from({ length: 7 }, (_, sunday0) =>
      DateTime.utc(2001, 1, 7 + sunday0)
        .setLocale(locale)
        .toFormat('ccc'),
    ),
    months: Array.from({ length: 12 }, (_, january0) =>
      DateTime.utc(2001, january0 + 1, 1)
        .setLocale(locale)
        .toFormat('LLL'),
    ),
  };
}
const NAMES: Record<Language, ReturnType<typeof namesIn>> = { en: namesIn(LOCALES.en), sv: namesIn(LOCALES.sv) };

/** The short day names (Sunday first) and month names that dates are shown with: "tors", "mars". */
export function shortDayAndMonthNames(language: Language): { weekdays: readonly string[]; months: readonly string[] } {
  return NAMES[language];
}

/** The same text as showWithLuxon, written from the wall clock: a Date shifted by the offset, read in UTC. */
function showReading(ms: number, zone: string, reading: ZoneReading | undefined, language: Language): ShownTime | undefined {
  if (!reading) return undefined;
  const wall = new Date(ms + reading.offsetMinutes * 60_000);
  const year = String(wall.getUTCFullYear());
  const isoDate = `${year}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
  const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
  const offset = formatOffset(reading.offsetMinutes);
  return {
    datetime: `${isoDate}T${time}:${pad2(wall.getUTCSeconds())}${offset}`,
    date: `${NAMES[language].weekdays[wall.getUTCDay()]} ${wall.getUTCDate()} ${NAMES[language].months[wall.getUTCMonth()]} ${year}`,
    isoDate,
    time,
    abbreviation: reading.abbreviation,
    offset: `UTC${offset}`,
    zone,
    city: zoneCity(zone),
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * luxon's reading, for what the fast path leaves alone: invalid instants, years outside 1000–9999,
 * offsets with seconds (local mean time), and zones whose meaning depends on the process.
 */
function showWithLuxon(instant: DateTime, zone: string, language: Language): ShownTime {
  const local = instant.setZone(zone).setLocale('en-GB');
  return {
    datetime: local.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
    date: local.setLocale(LOCALES[language]).toFormat('ccc d LLL yyyy'),
    isoDate: local.toISODate() ?? '',
    time: local.toFormat('HH:mm'),
    abbreviation: abbreviationOf(local),
    offset: `UTC${local.toFormat('ZZ')}`,
    zone,
    city: zoneCity(zone),
  };
}

function abbreviationOf(local: DateTime): string {
  return abbreviation(local.offset, local.setLocale('en-US').offsetNameShort ?? '', () => local.setLocale('en-GB').offsetNameShort);
}

/** "60 min", "1 h 30 min" */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Difference in calendar days between the same instant shown in two zones: -1, 0 or +1. */
export function dayShift(base: ShownTime, other: ShownTime): number {
  // Date.parse reads a date-only ISO string as UTC midnight: no zone, no DST in between.
  return Math.round((Date.parse(other.isoDate) - Date.parse(base.isoDate)) / 86_400_000);
}
