// Turns a coordinator's wall-clock time in an IANA zone into the instant it means, refusing the
// local times that do not exist (spring-forward gap) or that occur twice (fall-back overlap).
import { DateTime, IANAZone } from 'luxon';
import { translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import { BoundedCache } from './bounded-cache.js';
import { normalizeZone } from './zones.js';

/** "2027-03-18T15:00": a wall-clock time without a zone or offset. */
export type LocalDateTime = string;

export type ZonedTime = {
  local: LocalDateTime;
  zone: string;
  /** Only needed when the local time occurs twice in the zone. Minutes east of UTC. */
  offsetMinutes: number | null;
};

export type ResolveError =
  | { kind: 'format'; message: string }
  | { kind: 'zone'; message: string }
  | { kind: 'nonexistent'; message: string }
  | { kind: 'ambiguous'; message: string; candidates: string[] }
  | { kind: 'offset'; message: string; candidates: string[] };

export type Resolved = { ok: true; instant: DateTime; offsetMinutes: number; value: ZonedTime } | { ok: false; error: ResolveError };

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;
const OFFSET_PATTERN = /^([+-])(\d{2}):?(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Parses "+02:00", "-0430" or "Z" into minutes east of UTC. */
export function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const match = OFFSET_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, sign, hours, minutes] = match;
  const total = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) >= 60 || total > 18 * 60) return undefined;
  return sign === '-' ? -total : total;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Every instant whose wall-clock time in `zone` is `local`: none in a gap, two in an overlap.
 * Computed directly from the zone's offsets rather than through DateTime.fromObject, because luxon
 * silently moves a nonexistent time forward and picks one side of an overlap without saying so.
 */
function candidateInstants(wallAsUtcMs: number, zone: IANAZone): Array<{ ms: number; offset: number }> {
  const offsets = new Set([zone.offset(wallAsUtcMs - DAY), zone.offset(wallAsUtcMs), zone.offset(wallAsUtcMs + DAY)]);
  const found = new Map<number, number>();
  for (const offset of offsets) {
    const ms = wallAsUtcMs - offset * MINUTE;
    if (zone.offset(ms) === offset) found.set(ms, offset);
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([ms, offset]) => ({ ms, offset }));
}

function describe(local: string): string {
  return local.replace('T', ' ');
}

/** `language`: of the error's message, for the coordinator who typed the time (the request's language). */
export function resolveLocalTime(input: { local: string; zone: string; offset?: string | number | null; language?: Language }): Resolved {
  const language = input.language ?? currentLanguage();
  const local = input.local.trim();
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return { ok: false, error: { kind: 'format', message: translate(language, 'webinarRules.start.format') } };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'UTC' });
  if (!wall.isValid || wall.month !== month || wall.day !== day) {
    return { ok: false, error: { kind: 'format', message: translate(language, 'webinarRules.start.notOnCalendar', { local: describe(local) }) } };
  }
  const zoneName = normalizeZone(input.zone);
  if (!zoneName) return { ok: false, error: { kind: 'zone', message: translate(language, 'webinarRules.start.unknownZone', { zone: input.zone }) } };

  const canonicalLocal = wall.toFormat("yyyy-MM-dd'T'HH:mm");
  const candidates = candidateInstants(wall.toMillis(), IANAZone.create(zoneName));
  const shown = candidates.map((c) => `${canonicalLocal}:00${formatOffset(c.offset)}`);

  if (candidates.length === 0) {
    return {
      ok: false,
      error: {
        kind: 'nonexistent',
        message: translate(language, 'webinarRules.start.gap', { local: describe(canonicalLocal), zone: zoneName }),
      },
    };
  }

  let offsetMinutes: number | null = null;
  if (input.offset !== undefined && input.offset !== null && input.offset !== '') {
    const parsed = typeof input.offset === 'number' ? input.offset : parseOffset(input.offset);
    if (parsed === undefined || !candidates.some((c) => c.offset === parsed)) {
      return {
        ok: false,
        error: {
          kind: 'offset',
          message: translate(language, 'webinarRules.start.wrongOffset', {
            local: describe(canonicalLocal),
            zone: zoneName,
            count: candidates.length,
            first: formatOffset(candidates[0]!.offset),
            second: formatOffset((candidates[1] ?? candidates[0]!).offset),
            given: typeof input.offset === 'number' ? formatOffset(input.offset) : input.offset,
          }),
          candidates: shown,
        },
      };
    }
    offsetMinutes = parsed;
  }

  let chosen = candidates[0]!;
  if (candidates.length > 1) {
    const picked = candidates.find((c) => c.offset === offsetMinutes);
    if (!picked) {
      return {
        ok: false,
        error: {
          kind: 'ambiguous',
          message: translate(language, 'webinarRules.start.twice', {
            local: describe(canonicalLocal),
            zone: zoneName,
            first: formatOffset(candidates[0]!.offset),
            second: formatOffset(candidates[1]!.offset),
          }),
          candidates: shown,
        },
      };
    }
    chosen = picked;
  }

  return {
    ok: true,
    instant: DateTime.fromMillis(chosen.ms, { zone: 'UTC' }),
    offsetMinutes: chosen.offset,
    // The offset is kept only where it is needed to tell the two instants apart.
    value: { local: canonicalLocal, zone: zoneName, offsetMinutes: candidates.length > 1 ? chosen.offset : null },
  };
}

/**
 * Every request that lists webinars reads their stored times, and resolving one takes several Intl
 * calls; the answer only changes with the tz database, that is with a new process. luxon's
 * DateTime is immutable, so one instance can be handed to every caller.
 */
const storedInstants = new BoundedCache<string, DateTime>(10_000);

/** The instant of a stored zoned time. Stored times were validated on the way in. */
export function instantOf(time: ZonedTime): DateTime {
  const key = `${time.local} ${time.zone} ${time.offsetMinutes ?? ''}`;
  return storedInstants.get(key) ?? storedInstants.set(key, resolveStoredTime(time));
}

const storedSpans = new BoundedCache<string, { startsAt: DateTime; endsAt: DateTime }>(10_000);

/** Start and end of something stored as a zoned start and a duration (luxon's plus() was a tenth of a feed). */
export function spanOf(time: ZonedTime, durationMinutes: number): { startsAt: DateTime; endsAt: DateTime } {
  const key = `${time.local} ${time.zone} ${time.offsetMinutes ?? ''} ${durationMinutes}`;
  const known = storedSpans.get(key);
  if (known) return known;
  const startsAt = instantOf(time);
  return storedSpans.set(key, { startsAt, endsAt: startsAt.plus({ minutes: durationMinutes }) });
}

function resolveStoredTime(time: ZonedTime): DateTime {
  const resolved = resolveLocalTime({ local: time.local, zone: time.zone, offset: time.offsetMinutes });
  if (resolved.ok) return resolved.instant;
  // The tz database can change under stored data (a country drops DST); luxon's reading is then
  // the best remaining answer rather than refusing to show the programme.
  return DateTime.fromISO(time.local, { zone: time.zone }).toUTC();
}

/** The wall-clock time of an instant in a zone, as stored by the form ("2027-03-18T15:00"). */
export function localTimeIn(instant: DateTime, zone: string): LocalDateTime {
  return instant.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}
