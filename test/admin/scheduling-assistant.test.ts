// The scheduling assistant: speakers' hours, clashes, offset notes and suggested times, with fixed 2027 dates.
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { assessTime, type OtherWebinar, type SchedulingSpeaker, suggestTimes } from '../../src/admin/scheduling-assistant.js';
import { localTimeIn, resolveLocalTime } from '../../src/time/index.js';
import { AudiencePanel, SchedulingPanel, SuggestionList, whyChosen } from '../../views/admin/scheduling-panel.js';
import { attrs, parse, texts } from '../helpers/dom.js';

const STOCKHOLM = 'Europe/Stockholm';
const wei: SchedulingSpeaker = { id: 1, name: 'Wei Chen', city: 'Shanghai', zone: 'Asia/Shanghai' };
const ingrid: SchedulingSpeaker = { id: 2, name: 'Ingrid Haugen', city: 'Oslo', zone: 'Europe/Oslo' };
const dana: SchedulingSpeaker = { id: 3, name: 'Dana Brooks', city: 'New York', zone: 'America/New_York' };
const luis: SchedulingSpeaker = { id: 4, name: 'Luis Ortega', city: 'Los Angeles', zone: 'America/Los_Angeles' };

function at(local: string, zone = STOCKHOLM): DateTime {
  const resolved = resolveLocalTime({ local, zone });
  if (!resolved.ok) throw new Error(resolved.error.message);
  return resolved.instant;
}

function assess(
  local: string,
  speakers: SchedulingSpeaker[],
  extra: { durationMinutes?: number; programmeZone?: string; others?: OtherWebinar[]; excludeWebinarId?: number } = {},
) {
  const programmeZone = extra.programmeZone ?? STOCKHOLM;
  return assessTime({
    start: at(local, programmeZone),
    durationMinutes: extra.durationMinutes ?? 60,
    programmeZone,
    speakers,
    others: extra.others ?? [],
    excludeWebinarId: extra.excludeWebinarId,
  });
}

/** The speakers' rule, checked with luxon rather than the assistant's own arithmetic. */
function inWorkingWeekday(start: DateTime, durationMinutes: number, zone: string): boolean {
  const from = start.setZone(zone);
  const to = start.plus({ minutes: durationMinutes }).setZone(zone);
  return from.weekday <= 5 && from.hour >= 8 && to.hasSame(from, 'day') && to.hour * 60 + to.minute <= 20 * 60;
}

function other(id: number, title: string, from: string, to: string, status: OtherWebinar['status'] = 'published', speakerIds: number[] = []): OtherWebinar {
  return { id, slug: `webinar-${id}`, title, startsAt: at(from), endsAt: at(to), status, speakerIds };
}

describe('assessTime: speakers’ local times and working hours', () => {
  it('shows 15:00 Stockholm on 2027-03-18 as 10:00 EDT in New York, with the US already on summer time', () => {
    const result = assess('2027-03-18T15:00', [dana]);
    expect(result.speakerTimes).toEqual([
      {
        speaker: dana,
        start: {
          datetime: '2027-03-18T10:00:00-04:00',
          date: 'Thu 18 Mar 2027',
          isoDate: '2027-03-18',
          time: '10:00',
          abbreviation: 'EDT',
          offset: 'UTC-04:00',
          zone: 'America/New_York',
          city: 'New York',
        },
        end: {
          datetime: '2027-03-18T11:00:00-04:00',
          date: 'Thu 18 Mar 2027',
          isoDate: '2027-03-18',
          time: '11:00',
          abbreviation: 'EDT',
          offset: 'UTC-04:00',
          zone: 'America/New_York',
          city: 'New York',
        },
        techCheck: null,
        warnings: [],
      },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.offsetNotes).toEqual(['New York is already on summer time: 5 hours behind Stockholm this week, not 6.']);
  });

  it('gives no offset note for New York on 2027-04-15, when both are on summer time', () => {
    const result = assess('2027-04-15T15:00', [dana]);
    expect(result.speakerTimes[0]?.start.time).toBe('09:00');
    expect(result.speakerTimes[0]?.warnings).toEqual([]);
    expect(result.offsetNotes).toEqual([]);
  });

  it('explains 2027-11-02: Stockholm is back on winter time, New York not until Sunday 7 November', () => {
    const result = assess('2027-11-02T15:00', [dana]);
    expect(result.speakerTimes[0]?.start.datetime).toBe('2027-11-02T10:00:00-04:00');
    expect(result.offsetNotes).toEqual([
      'Stockholm has already moved to winter time but New York has not: New York is 5 hours behind Stockholm until Sun 7 Nov, not 6.',
    ]);
  });

  it('says "since" when the clocks changed earlier in the same week', () => {
    expect(assess('2027-10-31T15:00', [dana]).offsetNotes).toEqual([
      'Stockholm has already moved to winter time but New York has not: New York is 5 hours behind Stockholm since Sun 31 Oct, not 6.',
    ]);
  });

  it('warns that 15:00 Stockholm in March starts at 22:00 in Shanghai, and why Shanghai is 7 hours ahead', () => {
    const result = assess('2027-03-18T15:00', [wei]);
    expect(result.speakerTimes[0]?.start.datetime).toBe('2027-03-18T22:00:00+08:00');
    expect(result.speakerTimes[0]?.warnings).toEqual(['starts at 22:00 in Shanghai, after 20:00']);
    expect(result.offsetNotes).toEqual(['Shanghai has no summer time and Stockholm is on winter time: 7 hours ahead of Stockholm this week, not 6.']);
  });

  it('warns when a session that starts in working hours ends after 20:00 in Shanghai', () => {
    const result = assess('2027-03-18T13:00', [wei], { durationMinutes: 90 });
    expect(result.speakerTimes[0]?.warnings).toEqual(['ends at 21:30 in Shanghai, after 20:00']);
  });

  it('gives no note for Shanghai in summer, when 6 hours ahead is the usual difference', () => {
    const result = assess('2027-06-10T12:00', [wei]);
    expect(result.speakerTimes[0]?.start.time).toBe('18:00');
    expect(result.speakerTimes[0]?.warnings).toEqual([]);
    expect(result.offsetNotes).toEqual([]);
  });

  it('warns that 15:00 Stockholm on 2027-04-15 starts at 06:00 in Los Angeles', () => {
    const result = assess('2027-04-15T15:00', [luis]);
    expect(result.speakerTimes[0]?.start.datetime).toBe('2027-04-15T06:00:00-07:00');
    expect(result.speakerTimes[0]?.warnings).toEqual(['starts at 06:00 in Los Angeles, before 08:00']);
    expect(result.offsetNotes).toEqual([]);
  });

  it('warns that Friday 20:00 in Stockholm is Saturday 03:00 in Shanghai', () => {
    const result = assess('2027-11-19T20:00', [wei, ingrid]);
    expect(result.speakerTimes.map((t) => [t.start.date, t.start.time, t.warnings])).toEqual([
      ['Sat 20 Nov 2027', '03:00', ['starts at 03:00 in Shanghai, before 08:00', 'is on Saturday in Shanghai, a weekend day (Friday in Stockholm)']],
      ['Fri 19 Nov 2027', '20:00', ['ends at 21:00 in Oslo, after 20:00']],
    ]);
  });

  it('warns when a Friday session runs past midnight into Saturday', () => {
    const result = assess('2027-11-19T16:30', [wei]);
    expect(result.speakerTimes[0]?.warnings).toEqual(['starts at 23:30 in Shanghai, after 20:00', 'runs into Saturday in Shanghai, a weekend day']);
  });

  it('warns about a Saturday session in the speaker’s own zone without naming another day', () => {
    expect(assess('2027-04-17T17:00', [luis]).speakerTimes[0]?.warnings).toEqual(['is on Saturday in Los Angeles, a weekend day']);
  });
});

describe('assessTime: clashes with other webinars', () => {
  const others = [
    other(7, 'Scaling pilots with large buyers', '2027-03-18T15:30', '2027-03-18T16:30', 'published', [ingrid.id]),
    other(8, 'Back to back', '2027-03-18T16:00', '2027-03-18T17:00', 'published', [ingrid.id]),
    other(9, 'Called off', '2027-03-18T15:00', '2027-03-18T16:00', 'cancelled', [ingrid.id]),
    other(10, 'Procurement as innovation', '2027-03-18T14:00', '2027-03-18T15:15', 'draft'),
    other(11, 'This webinar itself', '2027-03-18T15:00', '2027-03-18T16:00', 'published', [ingrid.id]),
  ];

  it('names overlapping webinars and the same speaker’s other session, ignoring cancelled, back-to-back and the edited one', () => {
    const result = assess('2027-03-18T15:00', [ingrid, dana], { others, excludeWebinarId: 11 });
    expect(result.warnings).toEqual([
      'Overlaps with “Procurement as innovation” (14:00–15:15 CET, draft)',
      'Overlaps with “Scaling pilots with large buyers” (15:30–16:30 CET)',
      'Ingrid Haugen also speaks in “Scaling pilots with large buyers” at that time',
    ]);
  });

  it('counts the edited webinar as a clash when it is not excluded', () => {
    const result = assess('2027-03-18T15:00', [ingrid], { others: others.slice(2, 3).concat(others.slice(4)) });
    expect(result.warnings).toEqual([
      'Overlaps with “This webinar itself” (15:00–16:00 CET)',
      'Ingrid Haugen also speaks in “This webinar itself” at that time',
    ]);
  });

  it('dates an overlapping webinar that started the day before', () => {
    const result = assess('2027-03-18T00:30', [], { others: [other(12, 'Night session', '2027-03-17T23:30', '2027-03-18T01:00')] });
    expect(result.warnings).toEqual(['Overlaps with “Night session” (Wed 17 Mar 2027, 23:30–Thu 18 Mar 2027, 01:00 CET)']);
  });
});

describe('assessTime: offset notes', () => {
  it('gives no note for Oslo, which changes its clocks with Stockholm, nor for a speaker in the programme zone', () => {
    const stockholmer: SchedulingSpeaker = { id: 5, name: 'Sara Lind', city: 'Stockholm', zone: STOCKHOLM };
    expect(assess('2027-03-18T15:00', [ingrid, stockholmer]).offsetNotes).toEqual([]);
  });

  it('writes one note per zone, in the order of the speakers', () => {
    const colleague: SchedulingSpeaker = { id: 6, name: 'Jamie Fox', city: 'Boston', zone: 'America/New_York' };
    expect(assess('2027-03-18T15:00', [dana, luis, colleague]).offsetNotes).toEqual([
      'New York is already on summer time: 5 hours behind Stockholm this week, not 6.',
      'Los Angeles is already on summer time: 8 hours behind Stockholm this week, not 9.',
    ]);
  });

  it('handles half-hour and 45-minute zones, with and without summer time', () => {
    const speakers: SchedulingSpeaker[] = [
      { id: 7, name: 'Priya Nair', city: 'Bengaluru', zone: 'Asia/Kolkata' },
      { id: 8, name: 'Jo Walsh', city: 'St. John’s', zone: 'America/St_Johns' },
      { id: 9, name: 'Ram Thapa', city: 'Kathmandu', zone: 'Asia/Kathmandu' },
    ];
    expect(assess('2027-03-18T15:00', speakers).offsetNotes).toEqual([
      'Kolkata has no summer time and Stockholm is on winter time: 4 hours 30 minutes ahead of Stockholm this week, not 3 hours 30 minutes.',
      'St Johns is already on summer time: 3 hours 30 minutes behind Stockholm this week, not 4 hours 30 minutes.',
      'Kathmandu has no summer time and Stockholm is on winter time: 4 hours 45 minutes ahead of Stockholm this week, not 3 hours 45 minutes.',
    ]);
    expect(assess('2027-04-15T15:00', speakers).offsetNotes).toEqual([]);
  });

  it('explains the southern hemisphere by saying which side of the year each zone is on', () => {
    const kate: SchedulingSpeaker = { id: 10, name: 'Kate Moore', city: 'Sydney', zone: 'Australia/Sydney' };
    expect(assess('2027-01-14T09:00', [kate]).offsetNotes).toEqual([
      'Sydney is on summer time and Stockholm on winter time: 10 hours ahead of Stockholm this week, not 8.',
    ]);
    expect(assess('2027-10-12T09:00', [kate]).offsetNotes).toEqual([
      'Sydney and Stockholm are both on summer time: 9 hours ahead of Stockholm this week, not 8.',
    ]);
    expect(assess('2027-06-10T09:00', [kate]).offsetNotes).toEqual([]);
  });

  it('explains a programme zone without summer time', () => {
    expect(assess('2027-03-18T15:00', [ingrid], { programmeZone: 'Asia/Shanghai' }).offsetNotes).toEqual([
      'Oslo is on winter time and Shanghai has no summer time: 7 hours behind Shanghai this week, not 6.',
    ]);
  });
});

describe('suggestTimes', () => {
  const base = { programmeZone: STOCKHOLM, durationMinutes: 60, others: [] as OtherWebinar[] };

  it('finds nothing for Shanghai and New York in March, when their working days do not overlap', () => {
    // New York (summer time) starting at 08:00 or later is 12:00 UTC or later; Shanghai ending by 20:00 is by 12:00 UTC.
    expect(suggestTimes({ ...base, fromDate: '2027-03-15', toDate: '2027-03-21', speakers: [wei, dana] })).toEqual({ ok: true, suggestions: [] });
  });

  it('in January finds 19:00 New York = 08:00 Shanghai although it is 01:00 in Stockholm: the programme zone only ranks', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-01-11', toDate: '2027-01-17', speakers: [wei, dana] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions.map((s) => [s.local, s.score, s.start.toISO()])).toEqual([
      ['2027-01-12T01:00', 540, '2027-01-12T00:00:00.000Z'],
      ['2027-01-13T01:00', 540, '2027-01-13T00:00:00.000Z'],
      ['2027-01-14T01:00', 540, '2027-01-14T00:00:00.000Z'],
      ['2027-01-15T01:00', 540, '2027-01-15T00:00:00.000Z'],
    ]);
  });

  it('suggests 03:00 Stockholm = 10:00 Shanghai = 19:00 Los Angeles first, and only times that suit both speakers', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-03-15', toDate: '2027-03-19', speakers: [wei, luis], limit: 100 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The host's night decides the order: 03:00 is 7 hours before 10:00 in Stockholm, 01:00 is 9.
    expect(result.suggestions.slice(0, 5).map((s) => [s.local, s.score, s.start.toISO()])).toEqual([
      ['2027-03-16T03:00', 420, '2027-03-16T02:00:00.000Z'],
      ['2027-03-17T03:00', 420, '2027-03-17T02:00:00.000Z'],
      ['2027-03-18T03:00', 420, '2027-03-18T02:00:00.000Z'],
      ['2027-03-19T03:00', 420, '2027-03-19T02:00:00.000Z'],
      ['2027-03-16T02:45', 435, '2027-03-16T01:45:00.000Z'],
    ]);
    expect(result.suggestions[0]?.speakerTimes.map((t) => `${t.start.date} ${t.start.time}–${t.end.time} ${t.end.abbreviation}`)).toEqual([
      'Tue 16 Mar 2027 10:00–11:00 GMT+8',
      'Mon 15 Mar 2027 19:00–20:00 PDT',
    ]);
    // 00:00 to 02:00 UTC, Tuesday to Friday in Shanghai (Monday to Thursday in Los Angeles).
    expect(result.suggestions).toHaveLength(36);
    expect(result.suggestions.find((s) => s.start.toISO() === '2027-03-16T00:00:00.000Z')).toMatchObject({ local: '2027-03-16T01:00', score: 540 });
    for (const s of result.suggestions) {
      expect([s.local, inWorkingWeekday(s.start, 60, wei.zone), inWorkingWeekday(s.start, 60, luis.zone)]).toEqual([s.local, true, true]);
      expect(localTimeIn(s.start, STOCKHOLM)).toBe(s.local);
      expect(s.speakerTimes.flatMap((t) => t.warnings)).toEqual([]);
    }
  });

  it('finds the one-hour window 19:00 New York = 08:00 Shanghai next morning in winter, Monday to Thursday', () => {
    const result = suggestTimes({ ...base, programmeZone: 'America/New_York', fromDate: '2027-01-11', toDate: '2027-01-17', speakers: [wei, dana] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions.map((s) => [s.local, s.score, s.start.toISO()])).toEqual([
      ['2027-01-11T19:00', 240, '2027-01-12T00:00:00.000Z'],
      ['2027-01-12T19:00', 240, '2027-01-13T00:00:00.000Z'],
      ['2027-01-13T19:00', 240, '2027-01-14T00:00:00.000Z'],
      ['2027-01-14T19:00', 240, '2027-01-15T00:00:00.000Z'],
    ]);
    expect(result.suggestions[0]?.speakerTimes.map((t) => `${t.start.date} ${t.start.time}–${t.end.time} ${t.end.abbreviation}`)).toEqual([
      'Tue 12 Jan 2027 08:00–09:00 GMT+8',
      'Mon 11 Jan 2027 19:00–20:00 EST',
    ]);
    // With New York on summer time the window closes: 08:00 in New York is already 20:00 in Shanghai.
    expect(suggestTimes({ ...base, programmeZone: 'America/New_York', fromDate: '2027-03-15', toDate: '2027-03-21', speakers: [wei, dana] })).toEqual({
      ok: true,
      suggestions: [],
    });
  });

  it('suggests 17:00 Oslo = 08:00 Los Angeles first, every weekday, then 17:15', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-04-19', toDate: '2027-04-25', speakers: [ingrid, luis] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions.map((s) => [s.local, s.score])).toEqual([
      ['2027-04-19T17:00', 120],
      ['2027-04-20T17:00', 120],
      ['2027-04-21T17:00', 120],
      ['2027-04-22T17:00', 120],
      ['2027-04-23T17:00', 120],
      ['2027-04-19T17:15', 135],
      ['2027-04-20T17:15', 135],
      ['2027-04-21T17:15', 135],
      ['2027-04-22T17:15', 135],
      ['2027-04-23T17:15', 135],
    ]);
    expect(result.suggestions[0]?.speakerTimes.map((t) => [t.start.time, t.end.time, t.warnings])).toEqual([
      ['17:00', '18:00', []],
      ['08:00', '09:00', []],
    ]);
  });

  it('keeps only starts inside everyone’s 08:00–20:00 weekday: 17:00 to 19:00 for Oslo and Los Angeles', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-04-19', toDate: '2027-04-25', speakers: [ingrid, luis], limit: 100 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions).toHaveLength(45);
    expect(new Set(result.suggestions.map((s) => s.local.slice(11)))).toEqual(
      new Set(['17:00', '17:15', '17:30', '17:45', '18:00', '18:15', '18:30', '18:45', '19:00']),
    );
    expect(result.suggestions.at(-1)?.local).toBe('2027-04-23T19:00');
  });

  it('skips times that overlap another webinar, ignores cancelled ones and the webinar being edited', () => {
    const others = [
      other(20, 'Monday session', '2027-04-19T16:30', '2027-04-19T17:30'),
      other(21, 'Cancelled Tuesday', '2027-04-20T17:00', '2027-04-20T18:00', 'cancelled', [ingrid.id]),
      other(22, 'Ingrid on Wednesday', '2027-04-21T17:00', '2027-04-21T18:00', 'draft', [ingrid.id]),
      other(23, 'The one being edited', '2027-04-22T17:00', '2027-04-22T18:00', 'published', [ingrid.id, luis.id]),
    ];
    const result = suggestTimes({ ...base, fromDate: '2027-04-19', toDate: '2027-04-25', speakers: [ingrid, luis], others, excludeWebinarId: 23 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions.map((s) => s.local)).toEqual([
      '2027-04-20T17:00',
      '2027-04-22T17:00',
      '2027-04-23T17:00',
      '2027-04-20T17:15',
      '2027-04-22T17:15',
      '2027-04-23T17:15',
      '2027-04-19T17:30',
      '2027-04-20T17:30',
      '2027-04-22T17:30',
      '2027-04-23T17:30',
    ]);
  });

  it('in the week New York moves to summer time, suggests real quarter hours, the perfect 15:00 first', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-03-10', toDate: '2027-03-17', speakers: [dana], limit: 100 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions.slice(0, 6).map((s) => [s.local, s.score, s.start.toISO()])).toEqual([
      ['2027-03-15T15:00', 0, '2027-03-15T14:00:00.000Z'],
      ['2027-03-16T15:00', 0, '2027-03-16T14:00:00.000Z'],
      ['2027-03-17T15:00', 0, '2027-03-17T14:00:00.000Z'],
      ['2027-03-15T14:45', 15, '2027-03-15T13:45:00.000Z'],
      ['2027-03-15T15:15', 15, '2027-03-15T14:15:00.000Z'],
      ['2027-03-16T14:45', 15, '2027-03-16T13:45:00.000Z'],
    ]);
    // Before the change New York is 6 hours behind, so the best that week is 15:30 (09:30 in New York).
    expect(result.suggestions.find((s) => s.local.startsWith('2027-03-12'))?.local).toBe('2027-03-12T15:30');
    for (const s of result.suggestions) {
      expect(localTimeIn(s.start, STOCKHOLM)).toBe(s.local);
      expect(s.start.setZone(STOCKHOLM).minute % 15).toBe(0);
      expect(s.speakerTimes[0]?.start.time.slice(3)).toMatch(/^(00|15|30|45)$/);
    }
    const scores = result.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('in the week Europe moves to summer time, Monday’s best time shifts from 15:00 to 15:30', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-03-26', toDate: '2027-03-29', speakers: [dana], limit: 100 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions[0]).toMatchObject({ local: '2027-03-26T15:00', score: 0 });
    const monday = result.suggestions.find((s) => s.local.startsWith('2027-03-29'));
    expect(monday && [monday.local, monday.score, monday.start.toISO(), monday.speakerTimes[0]?.start.time]).toEqual([
      '2027-03-29T15:30',
      30,
      '2027-03-29T13:30:00.000Z',
      '09:30',
    ]);
    // Saturday 00:00 in Stockholm is Friday 19:00 in New York, so the weekend there is no limit.
    const days = new Map<string, string[]>();
    for (const s of result.suggestions) days.set(s.local.slice(0, 10), [...(days.get(s.local.slice(0, 10)) ?? []), s.local.slice(11)]);
    expect([...days].map(([day, times]) => [day, times.length]).sort()).toEqual([
      ['2027-03-26', 45],
      ['2027-03-27', 1],
      ['2027-03-29', 40],
    ]);
    expect(days.get('2027-03-27')).toEqual(['00:00']);
    expect(result.suggestions.every((s) => inWorkingWeekday(s.start, 60, dana.zone))).toBe(true);
  });

  it('leaves out a start whose wall time occurs twice in the programme zone, as the form could not say which', () => {
    // Cairo's clocks go back at 24:00 on Thursday 28 October 2027, 13:00 in Los Angeles: 23:00–23:59 happens twice.
    const ambiguous = resolveLocalTime({ local: '2027-10-28T23:30', zone: 'Africa/Cairo' });
    expect(ambiguous.ok ? undefined : ambiguous.error.kind).toBe('ambiguous');
    const result = suggestTimes({ ...base, programmeZone: 'Africa/Cairo', fromDate: '2027-10-28', toDate: '2027-10-28', speakers: [luis], limit: 100 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const starts = result.suggestions.map((s) => s.start.toISO() ?? '').sort();
    // Los Angeles' Wednesday 14:00–19:00 and Thursday 08:00–14:45 starts, less the 8 twice-occurring quarter hours.
    expect(starts).toHaveLength(41);
    expect(starts.filter((iso) => iso >= '2027-10-28T19:45' && iso <= '2027-10-28T22:00')).toEqual(['2027-10-28T19:45:00.000Z']);
    for (const s of result.suggestions) {
      const back = resolveLocalTime({ local: s.local, zone: 'Africa/Cairo' });
      expect([s.local, back.ok && back.instant.toISO()]).toEqual([s.local, s.start.toISO()]);
    }
  });

  it('without speakers only the programme zone counts: 10:00–15:00 starts are perfect', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-03-19', toDate: '2027-03-19', speakers: [], limit: 3 });
    expect(result).toMatchObject({
      ok: true,
      suggestions: [
        { local: '2027-03-19T10:00', score: 0 },
        { local: '2027-03-19T10:15', score: 0 },
        { local: '2027-03-19T10:30', score: 0 },
      ],
    });
  });

  it('without speakers keeps to 08:00–20:00 on weekdays in the programme zone, and suggests no night when the day is taken', () => {
    const result = suggestTimes({ ...base, fromDate: '2027-03-19', toDate: '2027-03-21', speakers: [], limit: 100 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const quarterHours = Array.from(
      { length: 45 },
      (_, i) => `2027-03-19T${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
    );
    expect(result.suggestions.map((s) => s.local).sort()).toEqual(quarterHours);
    expect(result.suggestions.every((s) => inWorkingWeekday(s.start, 60, STOCKHOLM))).toBe(true);

    const others = [other(30, 'All day Friday', '2027-03-19T08:00', '2027-03-19T20:00')];
    expect(suggestTimes({ ...base, fromDate: '2027-03-19', toDate: '2027-03-21', speakers: [], others })).toEqual({ ok: true, suggestions: [] });
  });

  it('refuses a range longer than 62 days and accepts exactly 62', () => {
    expect(suggestTimes({ ...base, fromDate: '2027-03-01', toDate: '2027-05-02', speakers: [dana] })).toEqual({
      ok: false,
      errors: { toDate: 'Choose at most 62 days; this range has 63.' },
    });
    expect(suggestTimes({ ...base, fromDate: '2027-03-01', toDate: '2027-05-01', speakers: [wei, ingrid, dana, luis] }).ok).toBe(true);
  });

  it('refuses bad input with one message per field', () => {
    expect(suggestTimes({ ...base, fromDate: '2027-02-30', toDate: '18/03/2027', speakers: [] })).toEqual({
      ok: false,
      errors: {
        fromDate: 'Enter the first day as YYYY-MM-DD, for example 2027-03-15.',
        toDate: 'Enter the last day as YYYY-MM-DD, for example 2027-03-19.',
      },
    });
    expect(
      suggestTimes({
        programmeZone: 'CET',
        durationMinutes: 0,
        fromDate: '2027-03-19',
        toDate: '2027-03-18',
        speakers: [{ ...wei, zone: 'Mars/Base' }],
        others: [],
        limit: 0,
      }),
    ).toEqual({
      ok: false,
      errors: {
        toDate: 'The last day must be on or after the first day.',
        programmeZone: '"CET" is not an IANA time zone such as Europe/Stockholm.',
        durationMinutes: 'Enter a duration between 1 and 720 minutes: a session must fit in a 08:00–20:00 day.',
        speakers: 'Wei Chen has no valid time zone ("Mars/Base").',
        limit: 'Ask for between 1 and 100 suggestions.',
      },
    });
  });
});

describe('scheduling panel views', () => {
  it('renders speakers’ times in <time datetime> with offsets, warnings as a status, and offset notes', async () => {
    const assessment = assess('2027-03-18T15:00', [wei, dana], { others: [other(7, 'Scaling pilots', '2027-03-18T15:30', '2027-03-18T16:30')] });
    const html = String(await SchedulingPanel({ assessment, programmeZone: STOCKHOLM }));
    expect(html).toContain(
      '<time datetime="2027-03-18T22:00:00+08:00">22:00</time>–<time datetime="2027-03-18T23:00:00+08:00">23:00 <abbr title="Asia/Shanghai, UTC+08:00">GMT+8</abbr></time>',
    );
    expect(html).toContain('<time datetime="2027-03-18T10:00:00-04:00">10:00</time>');
    expect(html).toContain(
      '<div class="notice warn" role="status"><strong>Check before you save</strong><ul><li>Wei Chen: starts at 22:00 in Shanghai, after 20:00</li><li>Overlaps with “Scaling pilots” (15:30–16:30 CET)</li></ul></div>',
    );
    expect(html).toContain('<li>New York is already on summer time: 5 hours behind Stockholm this week, not 6.</li>');
  });

  it('renders each suggestion as a submit button posting the local start time', async () => {
    const result = suggestTimes({ ...base(), fromDate: '2027-04-19', toDate: '2027-04-19', speakers: [ingrid, luis], limit: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const html = String(
      await SuggestionList({ suggestions: result.suggestions, programmeZone: STOCKHOLM, action: '/admin/webinars/x/use-time', csrfToken: 'tok' }),
    );
    expect(html).toContain('<form method="post" action="/admin/webinars/x/use-time"><input type="hidden" name="_csrf" value="tok"/>');
    expect(html).toContain(
      '<button type="submit" name="start" value="2027-04-19T17:00" class="secondary small" aria-describedby="suggestion-2027-04-19T1700"><span class="visually-hidden">Use </span><time datetime="2027-04-19T17:00:00+02:00">Mon 19 Apr 2027, 17:00 <abbr title="Europe/Stockholm, UTC+02:00">CEST</abbr></time></button>',
    );
    expect(html).toContain('Up to 2 h outside 10:00–16:00');
    const empty = String(await SuggestionList({ suggestions: [], programmeZone: STOCKHOLM, action: '/x' }));
    expect(empty).toContain('role="status"');
  });

  function base() {
    return { programmeZone: STOCKHOLM, durationMinutes: 60, others: [] as OtherWebinar[] };
  }
});

describe('the audience and the technical check (issue 13, item 6)', () => {
  const SHANGHAI = 'Asia/Shanghai';
  const registered = (groups: Array<[string, number]>) => ({ source: 'registrations' as const, groups: groups.map(([zone, count]) => ({ zone, count })) });
  const zones = (...list: string[]) => ({ source: 'setting' as const, groups: list.map((zone) => ({ zone, count: 1 })) });

  it('flags 17:00 Stockholm as midnight in Shanghai when most of the registered audience is there', () => {
    const result = assessTime({
      start: at('2027-03-18T17:00'),
      durationMinutes: 60,
      programmeZone: STOCKHOLM,
      speakers: [],
      others: [],
      audience: registered([
        [SHANGHAI, 12],
        [STOCKHOLM, 5],
      ]),
    });
    expect(result.audience?.groups.map((g) => [g.zone, g.name, g.count, g.start.datetime, g.end.time, g.atNight])).toEqual([
      [SHANGHAI, 'China Standard Time', 12, '2027-03-19T00:00:00+08:00', '01:00', true],
      [STOCKHOLM, 'Central European Time', 5, '2027-03-18T17:00:00+01:00', '18:00', false],
    ]);
    expect(result.audience?.nightShare).toBeCloseTo(12 / 17);
    expect(result.warnings).toEqual(['At night (22:00–07:00) for 12 of 17 registered attendees (71 %): 12 in Asia/Shanghai (00:00–01:00 GMT+8)']);
  });

  it('does not warn when the night is below a quarter of the audience, and counts a session ending after 22:00 as night', () => {
    const fewAtNight = assess('2027-03-18T17:00', [], {});
    expect(fewAtNight.audience).toBeUndefined();
    const quarter = (shanghai: number) =>
      assessTime({
        start: at('2027-03-18T14:30'),
        durationMinutes: 60,
        programmeZone: STOCKHOLM,
        speakers: [],
        others: [],
        audience: registered([
          [SHANGHAI, shanghai],
          [STOCKHOLM, 4],
        ]),
      });
    // 14:30–15:30 Stockholm is 21:30–22:30 in Shanghai: it runs into the night there.
    expect(quarter(1).audience?.groups[0]?.atNight).toBe(true);
    expect(quarter(1).warnings).toEqual([]);
    expect(quarter(2).warnings).toEqual(['At night (22:00–07:00) for 2 of 6 registered attendees (33 %): 2 in Asia/Shanghai (21:30–22:30 GMT+8)']);
  });

  it('counts each of the programme’s audience zones once before anyone registers: 1 of 5 at night is no warning, 2 of 5 is', () => {
    const assessWith = (list: string[]) =>
      assessTime({ start: at('2027-03-18T17:00'), durationMinutes: 60, programmeZone: STOCKHOLM, speakers: [], others: [], audience: zones(...list) });
    expect(assessWith([STOCKHOLM, SHANGHAI, 'Europe/Oslo', 'America/New_York', 'America/Los_Angeles']).warnings).toEqual([]);
    expect(assessWith([STOCKHOLM, SHANGHAI, 'Asia/Tokyo', 'America/New_York', 'America/Los_Angeles']).warnings).toEqual([
      'At night (22:00–07:00) in 2 of the 5 audience zones: Asia/Shanghai (00:00–01:00 GMT+8), Asia/Tokyo (01:00–02:00 GMT+9)',
    ]);
  });

  it('warns about a technical check at 07:30 in Los Angeles although the session itself starts at 08:00 there', () => {
    const result = assessTime({
      start: at('2027-04-15T17:00'),
      durationMinutes: 60,
      programmeZone: STOCKHOLM,
      speakers: [luis],
      others: [],
      techCheckMinutes: 30,
    });
    expect(result.speakerTimes[0]?.start.time).toBe('08:00');
    expect(result.speakerTimes[0]?.techCheck?.datetime).toBe('2027-04-15T07:30:00-07:00');
    expect(result.speakerTimes[0]?.warnings).toEqual(['technical check at 07:30 in Los Angeles, before 08:00']);
    const earlier = assessTime({
      start: at('2027-04-15T15:00'),
      durationMinutes: 60,
      programmeZone: STOCKHOLM,
      speakers: [luis],
      others: [],
      techCheckMinutes: 30,
    });
    expect(earlier.speakerTimes[0]?.warnings).toEqual(['starts at 06:00 in Los Angeles, before 08:00', 'technical check at 05:30 in Los Angeles, at night']);
    const none = assessTime({
      start: at('2027-04-15T17:00'),
      durationMinutes: 60,
      programmeZone: STOCKHOLM,
      speakers: [luis],
      others: [],
      techCheckMinutes: 0,
    });
    expect(none.speakerTimes[0]).toMatchObject({ techCheck: null, warnings: [] });
  });

  it('suggests only times that are not night for most of the audience: 09:00 New York = 21:00 Shanghai first, not 10:00–15:00 New York', () => {
    const input = {
      programmeZone: STOCKHOLM,
      durationMinutes: 60,
      others: [] as OtherWebinar[],
      fromDate: '2027-03-15',
      toDate: '2027-03-15',
      speakers: [dana],
      limit: 100,
    };
    const speakersOnly = suggestTimes(input);
    expect(speakersOnly.ok && speakersOnly.suggestions[0]?.local).toBe('2027-03-15T15:00');
    const result = suggestTimes({
      ...input,
      audience: registered([
        [SHANGHAI, 12],
        [STOCKHOLM, 5],
      ]),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Checked with luxon: each suggestion's hour in Shanghai is outside 22:00–07:00 for the whole session.
    for (const suggestion of result.suggestions) {
      const from = suggestion.start.setZone(SHANGHAI);
      const to = suggestion.start.plus({ minutes: 60 }).setZone(SHANGHAI);
      expect(from.hour >= 7 && to.hasSame(from, 'day') && to.hour * 60 + to.minute <= 22 * 60).toBe(true);
      expect(suggestion.audience?.nightShare).toBe(0);
    }
    expect(result.suggestions.map((s) => s.start.setZone('America/New_York').toFormat('HH:mm'))).toEqual(['09:00', '08:45', '08:30', '08:15', '08:00']);
    expect(whyChosen(result.suggestions[0]!)).toBe('Up to 1 h outside 10:00–16:00 for a speaker or the host; daytime for the whole audience.');
  });

  it('may suggest a time at night for a minority, and says so, but never for most of the audience', () => {
    const result = suggestTimes({
      programmeZone: STOCKHOLM,
      durationMinutes: 60,
      others: [],
      fromDate: '2027-03-15',
      toDate: '2027-03-15',
      speakers: [dana],
      limit: 100,
      audience: registered([
        [SHANGHAI, 3],
        [STOCKHOLM, 5],
      ]),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.suggestions.every((s) => (s.audience?.nightShare ?? 1) <= 0.5)).toBe(true);
    const nightly = result.suggestions.find((s) => (s.audience?.nightShare ?? 0) > 0)!;
    expect(whyChosen(nightly)).toMatch(/; night only for 3 of 8 attendees \(Shanghai\)\.$/);
  });

  it('keeps a speaker’s technical check within 08:00–20:00 in suggestions', () => {
    const input = {
      programmeZone: STOCKHOLM,
      durationMinutes: 60,
      others: [] as OtherWebinar[],
      fromDate: '2027-04-15',
      toDate: '2027-04-15',
      speakers: [luis],
      limit: 100,
    };
    const without = suggestTimes(input);
    const withCheck = suggestTimes({ ...input, techCheckMinutes: 30 });
    // Los Angeles's morning of Thursday 15 April: 08:00 PDT is 17:00 in Stockholm.
    const morning = (r: typeof without) =>
      r.ok
        ? r.suggestions
            .map((s) => s.local)
            .filter((local) => local >= '2027-04-15T12:00')
            .sort()[0]
        : undefined;
    expect(morning(without)).toBe('2027-04-15T17:00');
    expect(morning(withCheck)).toBe('2027-04-15T17:30');
  });

  it('renders where the audience is, each group’s local time in <time datetime>, and flags the night', async () => {
    const assessment = assessTime({
      start: at('2027-03-18T17:00'),
      durationMinutes: 60,
      programmeZone: STOCKHOLM,
      speakers: [],
      others: [],
      audience: registered([
        [SHANGHAI, 12],
        [STOCKHOLM, 5],
      ]),
    });
    const html = String(await AudiencePanel({ audience: assessment.audience!, programmeZone: STOCKHOLM }));
    const doc = parse(html);
    expect(texts(doc, 'h2')).toEqual(['Where the audience is']);
    expect(texts(doc, '.audience-where')).toEqual(['12 in Asia/Shanghai (China Standard Time)', '5 in Europe/Stockholm (Central European Time)']);
    expect(attrs(doc, 'li:first-child time', 'datetime')).toEqual(['2027-03-19T00:00:00+08:00', '2027-03-19T01:00:00+08:00']);
    expect(texts(doc, 'li.at-night .night-flag')).toEqual(['night']);
    expect(texts(doc, 'li:first-child .day-shift')).toEqual(['next day']);
  });
});
