// What the coordinators' dashboard shows: every webinar's seats and audience mix, programme totals,
// and how confirmed registrations grew day by day.
import { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { utc } from '../time/index.js';
import { ALL_STATUSES, getProgramme, listWebinars, splitByTime } from '../programme/programme.service.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import { listConfirmedInstants } from './registrations-admin.repository.js';
import { countProgrammeRegistrations, countRegistrationsByWebinar, type ProgrammeCounts, type RegistrationCounts } from './registrations-admin.service.js';

export type DashboardWebinar = { webinar: Webinar; counts: RegistrationCounts };

/** One calendar day in the programme's zone: confirmations that day and the running total. */
export type TimelineDay = { day: string; added: number; total: number };

export type Dashboard = {
  programme: Programme;
  now: DateTime;
  upcoming: DashboardWebinar[];
  past: DashboardWebinar[];
  totals: ProgrammeCounts;
  timeline: TimelineDay[];
};

/**
 * Every day from the first confirmation to today, so that quiet days show as flat steps rather than
 * being skipped. Empty when nothing is confirmed yet.
 */
export function cumulativeByDay(instants: readonly DateTime[], zone: string, today: DateTime): TimelineDay[] {
  if (instants.length === 0) return [];
  const perDay = new Map<string, number>();
  for (const instant of instants) {
    const day = instant.setZone(zone).toISODate() ?? '';
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const days = [...perDay.keys()].sort();
  const first = utc(days[0]!);
  const lastSeen = utc(days[days.length - 1]!);
  const todayDay = utc(today.setZone(zone).toISODate() ?? '');
  const last = DateTime.max(todayDay, lastSeen);
  const timeline: TimelineDay[] = [];
  let total = 0;
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    const key = day.toISODate() ?? '';
    const added = perDay.get(key) ?? 0;
    total += added;
    timeline.push({ day: key, added, total });
  }
  return timeline;
}

export async function getDashboard(deps: { db: Db; clock: Clock }): Promise<Dashboard> {
  const { db, clock } = deps;
  const now = clock.now();
  const programme = await getProgramme(db);
  const webinars = await listWebinars(db, { statuses: ALL_STATUSES });
  const counts = await countRegistrationsByWebinar(
    db,
    webinars.map((w) => w.id),
  );
  const { upcoming, past } = splitByTime(webinars, now);
  const withCounts = (list: Webinar[]) => list.map((webinar) => ({ webinar, counts: counts.get(webinar.id)! }));
  const instants = (await listConfirmedInstants(db, ['published'])).map(utc);
  return {
    programme,
    now,
    upcoming: withCounts(upcoming),
    past: withCounts(past),
    totals: await countProgrammeRegistrations(db),
    timeline: cumulativeByDay(instants, programme.defaultZone, now),
  };
}
