// The scheduling assistant: pure checks of a proposed webinar time (speakers' hours and technical
// checks, the audience's nights, clashes, unusual offsets) and suggested times.
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/current-language.js';
import { LOCALES } from '../i18n/languages.js';
import { DateTime, IANAZone } from 'luxon';
import type { Speaker, Webinar } from '../programme/programme.types.js';
import { NIGHT_ENDS_MINUTE, NIGHT_STARTS_MINUTE, normalizeZone, resolveLocalTime, showIn, type ShownTime, zoneCity } from '../time/index.js';
import { type AudienceInput, type AudienceReport, audienceReport, NIGHT_SHARE_LIMIT, techCheckWarning } from './scheduling-audience.js';

export type SchedulingSpeaker = Pick<Speaker, 'id' | 'name' | 'city' | 'zone'>;
export type OtherWebinar = Pick<Webinar, 'id' | 'slug' | 'title' | 'startsAt' | 'endsAt' | 'status'> & { speakerIds: number[] };
export type SpeakerTime = {
  speaker: SchedulingSpeaker;
  start: ShownTime;
  end: ShownTime;
  /** When the speaker's technical check starts; null without one. */
  techCheck: ShownTime | null;
  warnings: string[];
};

export type AssessTimeInput = {
  start: DateTime;
  durationMinutes: number;
  programmeZone: string;
  speakers: SchedulingSpeaker[];
  others: OtherWebinar[];
  excludeWebinarId?: number | undefined;
  /** Minutes before the start that the speakers' technical check begins; 0 or absent: none. */
  techCheckMinutes?: number | undefined;
  audience?: AudienceInput | undefined;
};
export type TimeAssessment = {
  speakerTimes: SpeakerTime[];
  warnings: string[];
  offsetNotes: string[];
  /** Where the audience is and who has the session at night; absent when no audience was given. */
  audience?: AudienceReport;
};

export type SuggestTimesInput = {
  fromDate: string;
  toDate: string;
  programmeZone: string;
  durationMinutes: number;
  speakers: SchedulingSpeaker[];
  others: OtherWebinar[];
  excludeWebinarId?: number | undefined;
  limit?: number | undefined;
  techCheckMinutes?: number | undefined;
  audience?: AudienceInput | undefined;
};
export type Suggestion = {
  start: DateTime;
  local: string;
  /** The most minutes outside 10:00–16:00 for a speaker (or the programme zone). */
  score: number;
  speakerTimes: SpeakerTime[];
  /** The audience at this time; absent when no audience was given. */
  audience?: AudienceReport;
};
export type SuggestTimesResult = { ok: true; suggestions: Suggestion[] } | { ok: false; errors: Record<string, string> };

export const MAX_RANGE_DAYS = 62;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WORK_START = 8 * 60;
const WORK_END = 20 * 60;
const IDEAL_START = 10 * 60;
const IDEAL_END = 16 * 60;

export function assessTime(input: AssessTimeInput): TimeAssessment {
  const start = input.start.toMillis();
  const end = start + input.durationMinutes * MINUTE;
  const audience = input.audience ? audienceReport(input.start, input.durationMinutes, input.audience) : undefined;
  return {
    speakerTimes: speakerTimesOf(input.start, input.durationMinutes, input.speakers, input.programmeZone, input.techCheckMinutes ?? 0),
    warnings: [...conflictWarnings(start, end, input), ...(audience?.warning ? [audience.warning] : [])],
    offsetNotes: [...new Set(input.speakers.map((s) => s.zone))]
      .filter((zone) => zone !== input.programmeZone)
      .flatMap((zone) => offsetNote(zone, input.programmeZone, start) ?? []),
    ...(audience ? { audience } : {}),
  };
}

function speakerTimesOf(
  start: DateTime,
  durationMinutes: number,
  speakers: SchedulingSpeaker[],
  programmeZone: string,
  techCheckMinutes: number,
): SpeakerTime[] {
  const end = start.plus({ minutes: durationMinutes });
  return speakers.map((speaker) => {
    const check = techCheckWarning(start, techCheckMinutes, speaker.zone, speaker.city);
    return {
      speaker,
      start: showIn(start, speaker.zone),
      end: showIn(end, speaker.zone),
      techCheck: techCheckMinutes > 0 ? showIn(start.minus({ minutes: techCheckMinutes }), speaker.zone) : null,
      warnings: [...speakerWarnings(speaker, start, end, programmeZone), ...(check ? [check] : [])],
    };
  });
}

function speakerWarnings(speaker: SchedulingSpeaker, start: DateTime, end: DateTime, programmeZone: string): string[] {
  const city = speaker.city || zoneCity(speaker.zone);
  const from = start.setZone(speaker.zone);
  const to = end.setZone(speaker.zone);
  const startMinute = from.hour * 60 + from.minute;
  // Minutes from the start day's midnight, so that an end after midnight counts as later than 20:00.
  const endMinute = Math.round(to.diff(from.startOf('day'), 'minutes').minutes);
  const warnings: string[] = [];
  if (startMinute < WORK_START) warnings.push(t('workspacePages.scheduling.startsBefore', { time: from.toFormat('HH:mm'), city }));
  // A session that starts after 20:00 is wholly outside the day; saying when it ends adds nothing.
  if (startMinute > WORK_END) warnings.push(t('workspacePages.scheduling.startsAfter', { time: from.toFormat('HH:mm'), city }));
  else if (endMinute > 24 * 60) warnings.push(t('workspacePages.scheduling.endsNextDay', { time: to.toFormat('HH:mm'), city }));
  else if (endMinute > WORK_END) warnings.push(t('workspacePages.scheduling.endsAfter', { time: to.toFormat('HH:mm'), city }));

  // The last minute of the session, so that one ending at 00:00 on Saturday does not count as Saturday.
  const last = to.minus({ minutes: Math.min(1, to.diff(from, 'minutes').minutes) });
  // Day names in the language being rendered: "Saturday", "lördag".
  const dayName = (local: DateTime) => local.setLocale(LOCALES[currentLanguage()]).toFormat('cccc');
  const programmeDay = dayName(start.setZone(programmeZone));
  if (isWeekend(from)) {
    const day = dayName(from);
    warnings.push(
      day === programmeDay
        ? t('workspacePages.scheduling.weekend', { day, city })
        : t('workspacePages.scheduling.weekendElsewhere', { day, city, programmeDay, home: zoneCity(programmeZone) }),
    );
  } else if (isWeekend(last)) {
    warnings.push(t('workspacePages.scheduling.runsIntoWeekend', { day: dayName(last), city }));
  }
  return warnings;
}

function isWeekend(local: DateTime): boolean {
  return local.weekday >= 6;
}

function activeOthers(input: { others: OtherWebinar[]; excludeWebinarId?: number | undefined }): OtherWebinar[] {
  return input.others.filter((other) => other.status !== 'cancelled' && other.id !== input.excludeWebinarId);
}

function overlaps(start: number, end: number, other: OtherWebinar): boolean {
  // Back-to-back sessions (one ends as the next starts) do not clash.
  return other.startsAt.toMillis() < end && other.endsAt.toMillis() > start;
}

function conflictWarnings(start: number, end: number, input: AssessTimeInput): string[] {
  const sessionDate = showIn(input.start, input.programmeZone).isoDate;
  const clashing = activeOthers(input)
    .filter((other) => overlaps(start, end, other))
    .sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis() || a.id - b.id);
  return clashing.flatMap((other) => {
    const from = showIn(other.startsAt, input.programmeZone);
    const to = showIn(other.endsAt, input.programmeZone);
    const when = `${from.isoDate === sessionDate ? '' : `${from.date}, `}${from.time}–${to.isoDate === from.isoDate ? '' : `${to.date}, `}${to.time} ${to.abbreviation}`;
    const sameSpeakers = input.speakers.filter((speaker) => other.speakerIds.includes(speaker.id));
    return [
      t(other.status === 'draft' ? 'workspacePages.scheduling.overlapsDraft' : 'workspacePages.scheduling.overlaps', { title: other.title, when }),
      ...sameSpeakers.map((speaker) => t('workspacePages.scheduling.alsoSpeaks', { name: speaker.name, title: other.title })),
    ];
  });
}

// ---- Offset notes ----------------------------------------------------------------------------

function offsetAt(zone: string, ms: number): number {
  return IANAZone.create(zone).offset(ms);
}

/**
 * A note when the difference between a speaker's zone and the programme zone at the session is
 * not the usual one. "Usual" is the most frequent difference on the 15th of each month of that
 * year, which is the summer difference for zones whose DST seasons differ (Shanghai is usually 6
 * hours ahead of Stockholm: 7 months against 5). With no single most frequent value there is no
 * usual difference to depart from, so no note.
 */
function offsetNote(zone: string, programmeZone: string, at: number): string | undefined {
  const diffAt = (ms: number) => offsetAt(zone, ms) - offsetAt(programmeZone, ms);
  const now = diffAt(at);
  const year = DateTime.fromMillis(at, { zone: programmeZone }).year;
  const samples = Array.from({ length: 12 }, (_, month) => Date.UTC(year, month, 15, 12));
  const counts = new Map<number, number>();
  for (const ms of samples) counts.set(diffAt(ms), (counts.get(diffAt(ms)) ?? 0) + 1);
  const most = Math.max(...counts.values());
  const usual = [...counts].filter(([, count]) => count === most).map(([diff]) => diff);
  if (usual.length !== 1 || usual[0] === now) return undefined;
  const usualDiff = usual[0]!;

  const city = zoneCity(zone);
  const home = zoneCity(programmeZone);
  const difference = t('workspacePages.scheduling.offset.difference', {
    difference: describeDifference(now, home),
    period: periodOf(diffAt, at, programmeZone),
    notUsual: notUsual(now, usualDiff),
  });
  const cause = causeOf(zone, programmeZone, at, samples, diffAt, usualDiff);
  if (!cause) return t('workspacePages.scheduling.offset.note', { city, difference });
  return cause.speakerFirst
    ? t('workspacePages.scheduling.offset.causeFirst', { cause: cause.text, difference })
    : t('workspacePages.scheduling.offset.causeThenCity', { cause: cause.text, city, difference });
}

type Season = { observesDst: false } | { observesDst: true; summer: boolean };

/**
 * Whether a zone changes its clocks seasonally that year, and which side it is on at `at`.
 * Undefined for anything irregular (a permanent change of offset, Morocco's Ramadan hour), where
 * "summer time" would be the wrong explanation.
 */
function seasonOf(zone: string, samples: number[], at: number): Season | undefined {
  const offsets = samples.map((ms) => offsetAt(zone, ms));
  const values = [...new Set(offsets)];
  const now = offsetAt(zone, at);
  if (values.length === 1) return now === values[0] ? { observesDst: false } : undefined;
  if (values.length > 2 || !values.includes(now) || offsets[0] !== offsets[11]) return undefined;
  if (values.some((value) => offsets.filter((offset) => offset === value).length < 3)) return undefined;
  return { observesDst: true, summer: now === Math.max(...values) };
}

function causeOf(
  zone: string,
  programmeZone: string,
  at: number,
  samples: number[],
  diffAt: (ms: number) => number,
  usual: number,
): { text: string; speakerFirst: boolean } | undefined {
  const speaker = seasonOf(zone, samples, at);
  const programme = seasonOf(programmeZone, samples, at);
  if (!speaker || !programme) return undefined;
  const city = zoneCity(zone);
  const home = zoneCity(programmeZone);
  const side = (season: { summer: boolean }) => (season.summer ? 'summer' : 'winter');
  if (!speaker.observesDst) {
    return programme.observesDst
      ? { text: t('workspacePages.scheduling.offset.noSummerTime', { city, home, homeSide: side(programme) }), speakerFirst: true }
      : undefined;
  }
  if (!programme.observesDst) return { text: t('workspacePages.scheduling.offset.homeNoSummerTime', { city, home, side: side(speaker) }), speakerFirst: true };
  if (speaker.summer === programme.summer) {
    return { text: t('workspacePages.scheduling.offset.bothOn', { city, home, side: side(speaker) }), speakerFirst: true };
  }
  // Out of step: if the most recent clock change broke the usual difference, one zone has simply
  // changed before the other ("already"). Otherwise (seasons in opposite hemispheres) say the sides.
  const speakerChange = previousChange((ms) => offsetAt(zone, ms), at);
  const programmeChange = previousChange((ms) => offsetAt(programmeZone, ms), at);
  if (speakerChange && programmeChange) {
    const speakerLater = speakerChange.at > programmeChange.at;
    const change = speakerLater ? speakerChange : programmeChange;
    if (diffAt(change.before) === usual) {
      const [moved, other, season] = speakerLater ? [city, home, speaker] : [home, city, programme];
      const text = season.summer
        ? t('workspacePages.scheduling.offset.alreadySummer', { moved })
        : t('workspacePages.scheduling.offset.alreadyWinter', { moved, other });
      return { text, speakerFirst: speakerLater };
    }
  }
  return { text: t('workspacePages.scheduling.offset.sides', { city, home, side: side(speaker), homeSide: side(programme) }), speakerFirst: true };
}

/** "5 hours behind Stockholm", "4 hours 30 minutes ahead of Stockholm", "on the same time as Stockholm". */
function describeDifference(diff: number, home: string): string {
  if (diff === 0) return t('workspacePages.scheduling.offset.same', { home });
  return diff > 0
    ? t('workspacePages.scheduling.offset.ahead', { amount: amount(diff), home })
    : t('workspacePages.scheduling.offset.behind', { amount: amount(-diff), home });
}

/** "not 6" when the direction is the same and both are whole hours, otherwise spelled out. */
function notUsual(now: number, usual: number): string {
  if (usual === 0) return t('workspacePages.scheduling.offset.notSame');
  if (Math.sign(now) !== Math.sign(usual))
    return t(usual > 0 ? 'workspacePages.scheduling.offset.notAhead' : 'workspacePages.scheduling.offset.notBehind', { amount: amount(Math.abs(usual)) });
  if (now % 60 === 0 && usual % 60 === 0) return t('workspacePages.scheduling.offset.not', { amount: String(Math.abs(usual) / 60) });
  return t('workspacePages.scheduling.offset.not', { amount: amount(Math.abs(usual)) });
}

function amount(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return t('workspacePages.scheduling.offset.hours', { hours });
  return hours === 0
    ? t('workspacePages.scheduling.offset.minutes', { minutes: rest })
    : t('workspacePages.scheduling.offset.hoursMinutes', { hours, minutes: rest });
}

/**
 * "this week" only when the difference holds for the whole week (Monday to Sunday in the programme
 * zone); around a clock change it says until or since which day, so the note is never wrong.
 */
function periodOf(diffAt: (ms: number) => number, at: number, programmeZone: string): string {
  const week = DateTime.fromMillis(at, { zone: programmeZone }).startOf('week');
  const weekStart = week.toMillis();
  const weekEnd = week.plus({ weeks: 1 }).toMillis();
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: programmeZone }).setLocale(LOCALES[currentLanguage()]).toFormat('ccc d LLL');
  const next = findChange(diffAt, at, weekEnd - MINUTE, HOUR);
  if (next) return t('workspacePages.scheduling.offset.until', { day: day(next.after) });
  const previous = findChange(diffAt, at, weekStart, -HOUR);
  if (previous) return t('workspacePages.scheduling.offset.since', { day: day(previous.after) });
  return t('workspacePages.scheduling.offset.thisWeek');
}

/** The latest clock change of `offset` before `at`, looking back up to 400 days. */
function previousChange(offset: (ms: number) => number, at: number): { at: number; before: number } | undefined {
  const found = findChange(offset, at, at - 400 * DAY, -DAY);
  return found && { at: found.after, before: found.before };
}

/**
 * Walks from `from` towards `to` in steps of `step` until `f` changes, then narrows the change down
 * to the minute. `before` and `after` are instants just before and just after the change.
 */
function findChange(f: (ms: number) => number, from: number, to: number, step: number): { before: number; after: number } | undefined {
  const value = f(from);
  const forward = step > 0;
  let same = from;
  for (let ms = from + step; forward ? ms <= to + step : ms >= to + step; ms += step) {
    const probe = forward ? Math.min(ms, to) : Math.max(ms, to);
    if (f(probe) !== value) {
      let changed = probe;
      while (Math.abs(changed - same) > MINUTE) {
        const middle = Math.round((same + changed) / 2);
        if (f(middle) === value) same = middle;
        else changed = middle;
      }
      return forward ? { before: same, after: changed } : { before: changed, after: same };
    }
    same = probe;
    if (probe === to) break;
  }
  return undefined;
}

// ---- Suggestions -----------------------------------------------------------------------------

/**
 * Candidate starts on every quarter hour of the range, whose days are the programme zone's: from
 * 00:00 on the first day to 24:00 on the last day there. Quarter hours of UTC are quarter hours in
 * every zone in use (offsets are whole quarter hours), so a speaker in Kathmandu gets them too. A
 * candidate is kept when every speaker has the whole session within 08:00-20:00 on one of their
 * weekdays and nothing else (not cancelled) is on at the same time. The programme zone is no limit
 * here, so a time at night for the host is suggested when it is the only one that suits the
 * speakers; it only ranks lower. With no speakers the programme zone takes their place, so that
 * 03:00 or a Sunday there is never suggested.
 *
 * Best first: a participant's discomfort is how many minutes the session sticks out of 10:00-16:00
 * in their zone (before 10:00 plus after 16:00). The programme zone counts as a participant too,
 * since the host is there. The score is the worst discomfort of anyone (0 is perfect), so that
 * nobody is sacrificed for the others; ties go to the lower total discomfort, then the earlier start.
 *
 * The speakers' technical check counts as part of their session for the 08:00-20:00 rule. The
 * audience, when given, ranks before the speakers' comfort: the share of it that has any of the
 * session at night (22:00-07:00) comes first, since the speakers are already within their working
 * day and the audience are the many. A time at night for more than NIGHT_SHARE_LIMIT of the
 * audience is never suggested.
 *
 * A suggestion's `local` is its wall time in the programme zone, which the form posts back as the
 * start. A start whose wall time occurs twice there (the hour the clocks go back) is left out,
 * since that wall time alone would not say which of the two instants is meant.
 */
export function suggestTimes(input: SuggestTimesInput): SuggestTimesResult {
  const checked = checkSuggestInput(input);
  if (!checked.ok) return checked;
  const { programmeZone, firstDay, dayCount, limit } = checked;
  const duration = input.durationMinutes * MINUTE;
  const lastDayEnd = firstDay + dayCount * DAY;
  // Offsets lie between -12:00 and +14:00, so a day's instants lie within a day either side of it.
  const scanFrom = firstDay - DAY;
  const scanTo = lastDayEnd + DAY;
  const audienceGroups = (input.audience?.groups ?? []).filter((group) => group.count > 0);
  const everyZone = [programmeZone, ...input.speakers.map((s) => s.zone), ...audienceGroups.map((group) => group.zone)];
  const zones = new Map(everyZone.map((zone) => [zone, offsetsBetween(zone, scanFrom, scanTo + duration)]));
  const programme = zones.get(programmeZone)!;
  const speakerOffsets = input.speakers.map((s) => zones.get(s.zone)!);
  const techCheck = speakerOffsets.length > 0 ? (input.techCheckMinutes ?? 0) * MINUTE : 0;
  const constraints = speakerOffsets.length > 0 ? speakerOffsets : [programme];
  const audience = audienceGroups.map((group) => ({ weight: group.count, offsetOf: zones.get(group.zone)! }));
  const audienceTotal = audience.reduce((sum, group) => sum + group.weight, 0);
  const busy = activeOthers(input)
    .map((other) => [other.startsAt.toMillis(), other.endsAt.toMillis()] as const)
    .filter(([from, to]) => from < scanTo + duration && to > scanFrom);

  const candidates: Array<{ start: number; local: number; night: number; score: number; total: number }> = [];
  for (let start = scanFrom; start < scanTo; start += 15 * MINUTE) {
    const local = start + programme(start) * MINUTE;
    if (local < firstDay || local >= lastDayEnd) continue;
    const end = start + duration;
    if (busy.some(([from, to]) => from < end && to > start)) continue;
    if (!constraints.every((offsetOf) => workingDay(offsetOf, start - techCheck, end).inside)) continue;
    const nightWeight = audience.reduce((sum, group) => (atNight(group.offsetOf, start, end) ? sum + group.weight : sum), 0);
    const night = audienceTotal === 0 ? 0 : nightWeight / audienceTotal;
    if (night > NIGHT_SHARE_LIMIT) continue;
    const discomforts = [programme, ...speakerOffsets].map((offsetOf) => workingDay(offsetOf, start, end).discomfort);
    candidates.push({ start, local, night, score: Math.max(...discomforts), total: discomforts.reduce((a, b) => a + b, 0) });
  }
  candidates.sort((a, b) => a.night - b.night || a.score - b.score || a.total - b.total || a.start - b.start);

  const suggestions: Suggestion[] = [];
  for (const candidate of candidates) {
    if (suggestions.length === limit) break;
    const local = new Date(candidate.local).toISOString().slice(0, 16);
    // Checked only for the few shown, as it is slow: the wall time must lead back to this instant.
    const resolved = resolveLocalTime({ local, zone: programmeZone });
    if (!resolved.ok || resolved.instant.toMillis() !== candidate.start) continue;
    suggestions.push({
      start: resolved.instant,
      local,
      score: candidate.score,
      speakerTimes: speakerTimesOf(resolved.instant, input.durationMinutes, input.speakers, programmeZone, input.techCheckMinutes ?? 0),
      ...(input.audience ? { audience: audienceReport(resolved.instant, input.durationMinutes, input.audience) } : {}),
    });
  }
  return { ok: true, suggestions };
}

/** Where a session falls in one zone's day, given that zone's offsets. */
function workingDay(offsetOf: (ms: number) => number, start: number, end: number): { inside: boolean; discomfort: number } {
  const localStart = start + offsetOf(start) * MINUTE;
  const localEnd = end + offsetOf(end) * MINUTE;
  const midnight = Math.floor(localStart / DAY) * DAY;
  const startMinute = (localStart - midnight) / MINUTE;
  const endMinute = (localEnd - midnight) / MINUTE;
  const weekday = new Date(midnight).getUTCDay();
  const inside = weekday !== 0 && weekday !== 6 && startMinute >= WORK_START && endMinute <= WORK_END;
  return { inside, discomfort: Math.max(0, IDEAL_START - startMinute) + Math.max(0, endMinute - IDEAL_END) };
}

/** Whether any of the session is at night (22:00-07:00) in one zone, given that zone's offsets. */
function atNight(offsetOf: (ms: number) => number, start: number, end: number): boolean {
  const localStart = start + offsetOf(start) * MINUTE;
  const localEnd = end + offsetOf(end) * MINUTE;
  const midnight = Math.floor(localStart / DAY) * DAY;
  return (localStart - midnight) / MINUTE < NIGHT_ENDS_MINUTE || (localEnd - midnight) / MINUTE > NIGHT_STARTS_MINUTE;
}

/**
 * A zone's offset at any instant from `from` to `to`, from the few clock changes in between. Each
 * offset lookup in luxon costs about 15 µs and a range has thousands of candidates, so the zone is
 * sampled every 6 hours and each change narrowed down to the millisecond: clock changes are weeks
 * apart, never two within 6 hours.
 */
function offsetsBetween(zone: string, from: number, to: number): (ms: number) => number {
  const offsetOf = (ms: number) => offsetAt(zone, ms);
  const changes = [{ at: -Infinity, offset: offsetOf(from) }];
  for (let previous = from; previous < to; ) {
    const probe = Math.min(previous + 6 * HOUR, to);
    let before = previous;
    let after = probe;
    const offset = offsetOf(probe);
    if (offset !== changes[changes.length - 1]!.offset) {
      while (after - before > 1) {
        const middle = Math.floor((before + after) / 2);
        if (offsetOf(middle) === offset) after = middle;
        else before = middle;
      }
      changes.push({ at: after, offset });
    }
    previous = probe;
  }
  return (ms) => {
    let offset = changes[0]!.offset;
    for (const change of changes) if (ms >= change.at) offset = change.offset;
    return offset;
  };
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function checkSuggestInput(
  input: SuggestTimesInput,
): { ok: true; programmeZone: string; firstDay: number; dayCount: number; limit: number } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const parseDate = (text: string) => {
    const date = DATE_PATTERN.test(text) ? DateTime.fromISO(text, { zone: 'UTC' }) : undefined;
    return date?.isValid ? date : undefined;
  };
  const from = parseDate(input.fromDate);
  const to = parseDate(input.toDate);
  if (!from) errors.fromDate = t('workspacePages.scheduling.range.from');
  if (!to) errors.toDate = t('workspacePages.scheduling.range.to');
  const dayCount = from && to ? Math.round(to.diff(from, 'days').days) + 1 : 0;
  if (from && to && dayCount < 1) errors.toDate = t('workspacePages.scheduling.range.order');
  if (dayCount > MAX_RANGE_DAYS) errors.toDate = t('workspacePages.scheduling.range.tooLong', { max: MAX_RANGE_DAYS, count: dayCount });
  const programmeZone = normalizeZone(input.programmeZone);
  if (!programmeZone) errors.programmeZone = t('workspacePages.scheduling.range.zone', { zone: input.programmeZone });
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > WORK_END - WORK_START) {
    errors.durationMinutes = t('workspacePages.scheduling.range.duration');
  }
  const badZones = input.speakers.filter((s) => !normalizeZone(s.zone));
  if (badZones.length > 0) errors.speakers = badZones.map((s) => t('workspacePages.scheduling.range.speakerZone', { name: s.name, zone: s.zone })).join(' ');
  const badAudience = (input.audience?.groups ?? []).filter((group) => !normalizeZone(group.zone));
  if (badAudience.length > 0)
    errors.audience = t('workspacePages.scheduling.range.audience', { zones: badAudience.map((group) => `"${group.zone}"`).join(', ') });
  const limit = input.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.limit = t('workspacePages.scheduling.range.limit');
  if (Object.keys(errors).length > 0 || !from || !programmeZone) return { ok: false, errors };
  // The first day's midnight as if it were UTC: a wall date, placed in the programme zone by the caller.
  return { ok: true, programmeZone, firstDay: from.toMillis(), dayCount, limit };
}
