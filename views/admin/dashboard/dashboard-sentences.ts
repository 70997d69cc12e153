// The dashboard's sentences: who the confirmed registrations come from, and what the timeline shows.
// Every person and every organisation type is accounted for, in the singular or the plural.
import { DateTime } from 'luxon';
import type { TimelineDay } from '../../../src/admin/dashboard.service.js';
import type { ProgrammeCounts } from '../../../src/admin/registrations-admin.service.js';
import { ORGANISATION_TYPES } from '../../../src/registration/registration.validation.js';
import { t } from '../../../src/i18n/catalogue.js';
import { currentLanguage } from '../../../src/i18n/current-language.js';
import { LOCALES } from '../../../src/i18n/languages.js';

/** "a, b and c": the last two joined by `last` ("and", "or") in the current language. */
function listOf(items: readonly string[], last: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/**
 * "7 confirmed registrations from 4 people: 2 from large companies, 1 from a small company or
 * startup and 1 from another kind of organisation; none from universities or research institutes
 * or the public sector." The people per type add up to the people counted, as each person has one
 * organisation type.
 */
export function audienceSentence(totals: ProgrammeCounts): string {
  if (totals.confirmedRegistrations === 0) return t('workspacePages.dashboard.noneYet');
  const counted = ORGANISATION_TYPES.map((type) => ({ type: type.value, people: totals.byOrganisationType[type.value].attendees }));
  const present = counted.filter((c) => c.people > 0).map((c) => t(`workspacePages.dashboard.from.${c.type}`, { count: c.people }));
  const absent = counted.filter((c) => c.people === 0).map((c) => t(`workspacePages.dashboard.noneFrom.${c.type}`));
  const head = t('workspacePages.dashboard.audienceHead', { registrations: totals.confirmedRegistrations, people: totals.distinctAttendees });
  const presentList = listOf(present, t('workspacePages.and'));
  return absent.length > 0
    ? t('workspacePages.dashboard.audienceWithNone', { head, present: presentList, absent: listOf(absent, t('workspacePages.or')) })
    : t('workspacePages.dashboard.audience', { head, present: presentList });
}

export function dayLabel(day: string, withYear = true): string {
  return DateTime.fromISO(day, { zone: 'UTC' })
    .setLocale(LOCALES[currentLanguage()])
    .toFormat(withYear ? 'd LLL yyyy' : 'd LLL');
}

/**
 * What the cumulative chart shows, left to right: the total on its first day against the total on
 * its last. The first day is the first with a confirmation, so one day alone has nothing earlier to
 * be compared with, and a total that did not move since says so rather than "up from".
 */
export function timelineCaption(timeline: readonly TimelineDay[]): string {
  if (timeline.length === 0) return t('workspacePages.dashboard.noneYet');
  const first = timeline[0]!;
  const last = timeline[timeline.length - 1]!;
  if (timeline.length === 1) return t('workspacePages.dashboard.timeline.oneDay', { total: last.total, day: dayLabel(last.day) });
  if (last.total === first.total)
    return t('workspacePages.dashboard.timeline.unchanged', { total: last.total, last: dayLabel(last.day), first: dayLabel(first.day) });
  return t('workspacePages.dashboard.timeline.grew', {
    total: last.total,
    last: dayLabel(last.day),
    firstTotal: first.total,
    first: dayLabel(first.day),
    more: last.total - first.total,
    days: timeline.length - 1,
  });
}
