// The dashboard's sentences: who the confirmed registrations come from, and what the timeline shows.
// Every person and every organisation type is accounted for, in the singular or the plural.
import { DateTime } from 'luxon';
import type { TimelineDay } from '../../../src/admin/dashboard.service.js';
import type { ProgrammeCounts } from '../../../src/admin/registrations-admin.service.js';
import type { OrganisationType } from '../../../src/db/schema.js';
import { ORGANISATION_TYPES } from '../../../src/registration/registration.validation.js';

/** Where people come from, as in "1 from a large company", "2 from large companies", "none from large companies". */
const FROM: Record<OrganisationType, { one: string; many: string }> = {
  'large-company': { one: 'a large company', many: 'large companies' },
  startup: { one: 'a small company or startup', many: 'small companies or startups' },
  academia: { one: 'a university or research institute', many: 'universities or research institutes' },
  'public-sector': { one: 'the public sector', many: 'the public sector' },
  other: { one: 'another kind of organisation', many: 'other kinds of organisation' },
};

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c" */
function listOf(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/**
 * "7 confirmed registrations from 4 people: 2 from large companies, 1 from a small company or
 * startup and 1 from another kind of organisation; none from universities or research institutes
 * or the public sector." The people per type add up to the people counted, as each person has one
 * organisation type.
 */
export function audienceSentence(totals: ProgrammeCounts): string {
  if (totals.confirmedRegistrations === 0) return 'No confirmed registrations yet.';
  const counted = ORGANISATION_TYPES.map((t) => ({ type: t.value, people: totals.byOrganisationType[t.value].attendees }));
  const present = counted.filter((c) => c.people > 0).map((c) => `${c.people} from ${c.people === 1 ? FROM[c.type].one : FROM[c.type].many}`);
  const absent = counted.filter((c) => c.people === 0).map((c) => FROM[c.type].many);
  const head = `${plural(totals.confirmedRegistrations, 'confirmed registration', 'confirmed registrations')} from ${plural(totals.distinctAttendees, 'person', 'people')}`;
  return `${head}: ${listOf(present)}${absent.length > 0 ? `; none from ${listOf(absent, 'or')}` : ''}.`;
}

export function dayLabel(day: string, withYear = true): string {
  return DateTime.fromISO(day, { zone: 'UTC' })
    .setLocale('en-GB')
    .toFormat(withYear ? 'd LLL yyyy' : 'd LLL');
}

/**
 * What the cumulative chart shows, left to right: the total on its first day against the total on
 * its last. The first day is the first with a confirmation, so one day alone has nothing earlier to
 * be compared with, and a total that did not move since says so rather than "up from".
 */
export function timelineCaption(timeline: readonly TimelineDay[]): string {
  if (timeline.length === 0) return 'No confirmed registrations yet.';
  const first = timeline[0]!;
  const last = timeline[timeline.length - 1]!;
  const registrations = (n: number) => plural(n, 'confirmed registration', 'confirmed registrations');
  if (timeline.length === 1)
    return `${registrations(last.total)}, all on ${dayLabel(last.day)}, the first day with any: there is no earlier day to compare with.`;
  if (last.total === first.total) return `${registrations(last.total)} by ${dayLabel(last.day)}, all on ${dayLabel(first.day)}: none since.`;
  const days = timeline.length - 1;
  return `${registrations(last.total)} by ${dayLabel(last.day)}, up from ${first.total} on ${dayLabel(first.day)}, the first day with any: ${last.total - first.total} more in ${plural(days, 'day', 'days')}.`;
}
