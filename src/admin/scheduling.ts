// Connects the pure scheduling assistant to the database: the assigned speakers and the other
// webinars, for the entered time and, on an existing webinar, for the "suggest times" range.
import type { Db } from '../db/connection.js';
import { ALL_STATUSES, listSpeakers, listWebinars } from '../programme/programme.service.js';
import { instantOf, type ZonedTime } from '../time/index.js';
import { assessTime, suggestTimes, type SuggestTimesResult, type TimeAssessment } from './scheduling-assistant.js';

export type AssistantRequest = { start: ZonedTime; durationMinutes: number; speakerSlugs: string[]; excludeWebinarId?: number };

/** What the webinar page shows: the entered time assessed and, when a range was asked for, suggested times. */
export type SchedulingAdvice = {
  assessment: TimeAssessment;
  /** The range asked for (`?suggestFrom=&suggestTo=`) and its answer; absent when none was asked. */
  suggestions?: { from: string; to: string; result: SuggestTimesResult };
};

export async function schedulingAdvice(
  db: Db,
  programmeZone: string,
  request: AssistantRequest,
  suggest?: { from: string; to: string },
): Promise<SchedulingAdvice> {
  const speakers = (await listSpeakers(db))
    .filter((s) => request.speakerSlugs.includes(s.slug))
    .map((s) => ({ id: s.id, name: s.name, city: s.city, zone: s.zone }));
  const others = (await listWebinars(db, { statuses: ALL_STATUSES })).map((w) => ({
    id: w.id,
    slug: w.slug,
    title: w.title,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    status: w.status,
    speakerIds: w.speakers.map((s) => s.id),
  }));
  const assessment = assessTime({
    start: instantOf(request.start),
    durationMinutes: request.durationMinutes,
    programmeZone,
    speakers,
    others,
    excludeWebinarId: request.excludeWebinarId,
  });
  if (!suggest) return { assessment };
  const result = suggestTimes({
    fromDate: suggest.from,
    toDate: suggest.to,
    programmeZone,
    durationMinutes: request.durationMinutes,
    speakers,
    others,
    excludeWebinarId: request.excludeWebinarId,
    limit: 8,
  });
  return { assessment, suggestions: { ...suggest, result } };
}
