// The scheduling assistant's view of the audience (where it sits, who has the session at night)
// and of the speakers' technical checks: pure functions of a proposed time.
import { t } from '../i18n/catalogue.js';
import type { DateTime } from 'luxon';
import { isNightMinute, showIn, type ShownTime, spansNight, wallMinute, wallSpan, zoneCity, zoneLongName } from '../time/index.js';

/**
 * Warn when at least this share of the audience has the session at night. A quarter is already
 * many people who will watch the recording instead of asking their questions live; a lower share
 * would warn about nearly every time for a programme with a world-wide audience, and a warning
 * that is always there is one nobody reads.
 */
export const NIGHT_SHARE_WARNING = 0.25;

/**
 * Suggested times leave out any time at night for more than this share: never most of the audience.
 */
export const NIGHT_SHARE_LIMIT = 0.5;

/**
 * Where the audience is: registered attendees counted per zone, or, before anyone registers, the
 * programme's audience zones (as set, or by default), each counting once as we know no sizes.
 */
export type AudienceInput = { source: 'registrations' | 'setting' | 'default'; groups: Array<{ zone: string; count: number }> };

export type AudienceGroupTime = { zone: string; name: string | null; count: number; start: ShownTime; end: ShownTime; atNight: boolean };

export type AudienceReport = {
  source: AudienceInput['source'];
  /** Attendees (registrations) or zones (setting, default). */
  total: number;
  groups: AudienceGroupTime[];
  /** The share of `total` that has the session at night, 0 to 1. */
  nightShare: number;
  /** Set when the share reaches NIGHT_SHARE_WARNING: names the zones and their local times. */
  warning: string | null;
};

export function audienceReport(start: DateTime, durationMinutes: number, audience: AudienceInput): AudienceReport {
  const end = start.plus({ minutes: durationMinutes });
  const groups = audience.groups.map((group) => ({
    zone: group.zone,
    name: zoneLongName(group.zone),
    count: group.count,
    start: showIn(start, group.zone),
    end: showIn(end, group.zone),
    atNight: spansNight(wallSpan(start, durationMinutes, group.zone)),
  }));
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const atNight = groups.filter((group) => group.atNight);
  const nightCount = atNight.reduce((sum, group) => sum + group.count, 0);
  const nightShare = total === 0 ? 0 : nightCount / total;
  return {
    source: audience.source,
    total,
    groups,
    nightShare,
    warning: nightShare >= NIGHT_SHARE_WARNING ? nightWarning(audience.source, atNight, nightCount, total) : null,
  };
}

function nightWarning(source: AudienceInput['source'], atNight: AudienceGroupTime[], nightCount: number, total: number): string {
  const percent = Math.round((nightCount / total) * 100);
  const range = (g: AudienceGroupTime) =>
    `${g.start.time}–${g.end.time} ${g.end.abbreviation}${g.end.isoDate === g.start.isoDate ? '' : t('workspacePages.scheduling.audience.intoNextDay')}`;
  if (source === 'registrations') {
    const where = atNight.map((g) => t('workspacePages.scheduling.audience.countIn', { count: g.count, zone: g.zone, range: range(g) })).join(', ');
    return t('workspacePages.scheduling.audience.nightRegistered', { night: nightCount, total, percent: String(percent), where });
  }
  const where = atNight.map((g) => `${g.zone} (${range(g)})`).join(', ');
  return t('workspacePages.scheduling.audience.nightZones', { night: nightCount, total, where });
}

/**
 * A speaker's technical check, which starts `techCheckMinutes` before the session: a warning when
 * it starts at night or outside 08:00–20:00 on the speaker's clock, as the session would get.
 */
export function techCheckWarning(start: DateTime, techCheckMinutes: number, zone: string, city: string): string | null {
  if (techCheckMinutes <= 0) return null;
  const check = start.minus({ minutes: techCheckMinutes });
  const minute = wallMinute(check, zone);
  const time = showIn(check, zone).time;
  const where = city || zoneCity(zone);
  if (isNightMinute(minute)) return t('workspacePages.scheduling.techCheck.night', { time, where });
  if (minute < 8 * 60) return t('workspacePages.scheduling.techCheck.before', { time, where });
  if (minute > 20 * 60) return t('workspacePages.scheduling.techCheck.after', { time, where });
  return null;
}
