import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ALL_ZONES, showIn, type ShownTime, zoneCity } from '../../src/time/index.js';

/** What showIn returned before it read zones through its own cached formatters: luxon, call by call. */
function luxonShowIn(instant: DateTime, zone: string): ShownTime {
  const local = instant.setZone(zone).setLocale('en-GB');
  const us = local.setLocale('en-US').offsetNameShort ?? '';
  const gb = local.setLocale('en-GB').offsetNameShort ?? us;
  return {
    datetime: local.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
    date: local.toFormat('ccc d LLL yyyy'),
    isoDate: local.toISODate() ?? '',
    time: local.toFormat('HH:mm'),
    abbreviation: !us.startsWith('GMT') ? us : gb === 'GMT' && local.offset !== 0 ? us : gb,
    offset: `UTC${local.toFormat('ZZ')}`,
    zone,
    city: zoneCity(zone),
  };
}

function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });

describe('showIn gives exactly what luxon gives', () => {
  // luxon's way costs up to a millisecond a call on a busy machine: a few instants per zone here
  // (a run over 300 per zone, outside the suite, found no difference either).
  it('in every IANA zone at 3 instants from 1850 to 2150', () => {
    const next = random(7);
    const from = Date.UTC(1850, 0, 1);
    const span = Date.UTC(2150, 0, 1) - from;
    for (const zone of ALL_ZONES) {
      for (let i = 0; i < 3; i++) {
        const instant = DateTime.fromMillis(from + Math.floor((next(1_000_000) / 1_000_000) * span) + next(3_600_000), { zone: 'UTC' });
        expect(showIn(instant, zone), `${instant.toISO()} in ${zone}`).toEqual(luxonShowIn(instant, zone));
      }
    }
  });

  // The instants (UTC) at which these zones change their clocks in 2027.
  it.each([
    ['Europe/Stockholm', '2027-03-28T01:00:00Z'],
    ['Europe/Oslo', '2027-10-31T01:00:00Z'],
    ['America/New_York', '2027-03-14T07:00:00Z'],
    ['America/New_York', '2027-11-07T06:00:00Z'],
    ['America/Los_Angeles', '2027-11-07T09:00:00Z'],
    ['Australia/Lord_Howe', '2027-10-02T15:30:00Z'], // half an hour forward
  ])('every 10 minutes in the 3 hours around a clock change in %s at %s', (zone, change) => {
    const around = (minutes: number) => at(change).plus({ minutes });
    expect(around(-90).setZone(zone).offset).not.toBe(around(90).setZone(zone).offset);
    for (let minutes = -90; minutes <= 90; minutes += 10) {
      expect(showIn(around(minutes), zone), `${around(minutes).toISO()} in ${zone}`).toEqual(luxonShowIn(around(minutes), zone));
    }
  });

  // Zones whose name changed with no change of offset: a cache keyed on (zone, offset) would mix these up.
  it.each([
    ['2019-07-01T12:00:00Z', 'America/Whitehorse', 'PDT'],
    ['2021-07-01T12:00:00Z', 'America/Whitehorse', 'GMT-7'],
    ['2006-01-10T12:00:00Z', 'America/Indiana/Knox', 'EST'],
    ['2006-05-10T12:00:00Z', 'America/Indiana/Knox', 'CDT'],
    ['1970-01-01T12:00:00Z', 'Europe/London', 'GMT+1'],
    ['2027-07-01T12:00:00Z', 'Europe/London', 'BST'],
  ])('names %s in %s %s, as luxon does', (iso, zone, abbreviation) => {
    expect(showIn(at(iso), zone)).toEqual({ ...luxonShowIn(at(iso), zone), abbreviation });
  });

  it.each([
    ['1930-06-01T12:00:00Z', 'Europe/Amsterdam'], // +00:19:32 local mean time, not whole minutes
    ['2011-12-30T10:00:00Z', 'Pacific/Apia'], // the day Samoa skipped
    ['2027-03-18T14:00:00Z', 'Asia/Kathmandu'],
    ['2027-03-18T14:00:00Z', 'Pacific/Chatham'],
    ['2027-03-18T14:00:00Z', 'UTC'],
    ['2027-03-18T14:00:00Z', 'utc'],
    ['2027-03-18T14:00:00Z', 'GMT'],
    ['2027-03-18T14:00:00Z', 'UTC+3'],
    ['2027-03-18T14:00:00Z', 'Etc/GMT-14'],
    ['2027-03-18T14:00:00Z', 'europe/stockholm'],
    ['2027-03-18T14:00:00Z', 'Mars/Olympus_Mons'],
    ['1000-01-01T12:00:00Z', 'Europe/Stockholm'],
    ['1000-01-02T12:00:00Z', 'America/New_York'],
    ['0099-06-01T00:00:00Z', 'Asia/Shanghai'],
    ['9999-12-31T23:00:00Z', 'Asia/Shanghai'],
    ['+010000-01-01T00:00:00Z', 'Europe/Oslo'],
  ])('at %s in %s', (iso, zone) => {
    expect(showIn(at(iso), zone)).toEqual(luxonShowIn(at(iso), zone));
  });

  it('for an invalid instant', () => {
    const invalid = DateTime.invalid('test');
    expect(showIn(invalid, 'Europe/Stockholm')).toEqual(luxonShowIn(invalid, 'Europe/Stockholm'));
  });

  it('again when asked again, and a changed answer does not change the next one', () => {
    const instant = at('2027-09-02T13:00:00Z');
    const first = showIn(instant, 'Europe/Stockholm');
    expect(first).toEqual({
      datetime: '2027-09-02T15:00:00+02:00',
      date: 'Thu 2 Sept 2027',
      isoDate: '2027-09-02',
      time: '15:00',
      abbreviation: 'CEST',
      offset: 'UTC+02:00',
      zone: 'Europe/Stockholm',
      city: 'Stockholm',
    });
    first.time = 'changed';
    expect(showIn(instant, 'Europe/Stockholm').time).toBe('15:00');
  });
});
