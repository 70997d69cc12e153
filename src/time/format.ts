// Shows instants to people: every rendered time carries the offset of the zone it is shown in.
import { DateTime, Settings } from 'luxon';
import { zoneCity } from './zones.js';

// Nothing may depend on the process's TZ or locale: a DateTime created without an explicit zone
// is UTC, and all text is English with a 24-hour clock.
Settings.defaultZone = 'UTC';
Settings.defaultLocale = 'en-GB';

export type ShownTime = {
  /** ISO 8601 with the offset of the zone it is shown in, for <time datetime>. */
  datetime: string;
  /** "Thu 18 Mar 2027" */
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

export function showIn(instant: DateTime, zone: string): ShownTime {
  const local = instant.setZone(zone).setLocale('en-GB');
  return {
    datetime: local.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
    date: local.toFormat('ccc d LLL yyyy'),
    isoDate: local.toISODate() ?? '',
    time: local.toFormat('HH:mm'),
    abbreviation: abbreviationOf(local),
    offset: `UTC${local.toFormat('ZZ')}`,
    zone,
    city: zoneCity(zone),
  };
}

function abbreviationOf(local: DateTime): string {
  // en-US knows the North American abbreviations, en-GB the British and European ones; otherwise
  // both give "GMT+8"-style names, which are still unambiguous.
  const us = local.setLocale('en-US').offsetNameShort ?? '';
  if (!us.startsWith('GMT')) return us;
  const gb = local.setLocale('en-GB').offsetNameShort ?? us;
  return gb === 'GMT' && local.offset !== 0 ? us : gb;
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
  return Math.round(
    DateTime.fromISO(other.isoDate, { zone: 'UTC' }).diff(DateTime.fromISO(base.isoDate, { zone: 'UTC' }), 'days').days,
  );
}
