// Connects the pure scheduling assistant to the database: the chosen speakers, the other webinars
// and the audience (registered attendees' zones, else the programme's audience zones), for the
// entered time and, when a range is asked for, the "suggest times" answer.
import { withLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import type { Db } from '../db/connection.js';
import type { FieldErrors } from '../errors.js';
import { getAudienceZones } from '../programme/programme-admin.service.js';
import { ALL_STATUSES, listSpeakers, listWebinars } from '../programme/programme.service.js';
import { countAudienceByZone } from '../registration/registration.service.js';
import { instantOf, normalizeZone, type ZonedTime } from '../time/index.js';
import { assessTime, suggestTimes, type SuggestTimesResult, type TimeAssessment } from './scheduling-assistant.js';
import type { AudienceInput } from './scheduling-audience.js';

export type AssistantRequest = {
  /** The entered start; absent on a new webinar whose start is not filled in yet (suggestions only). */
  start?: ZonedTime | undefined;
  durationMinutes: number;
  techCheckMinutes: number;
  speakerSlugs: string[];
  /** The webinar being edited: not a clash with itself, and its registrations are its audience. */
  excludeWebinarId?: number | undefined;
};

/** What the webinar page shows: the entered time assessed and, when a range was asked for, suggested times. */
export type SchedulingAdvice = {
  /** Absent when no start was entered. */
  assessment?: TimeAssessment;
  /** The range asked for (`suggestFrom`, `suggestTo`) and its answer; absent when none was asked. */
  suggestions?: { from: string; to: string; result: SuggestTimesResult };
};

export async function schedulingAdvice(
  db: Db,
  programmeZone: string,
  request: AssistantRequest,
  suggest: { from: string; to: string } | undefined,
  /** The coordinator's: the assistant's sentences and day names are written in it. */
  language: Language,
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
  const audience = await audienceOf(db, request.excludeWebinarId);
  const common = {
    durationMinutes: request.durationMinutes,
    techCheckMinutes: request.techCheckMinutes,
    programmeZone,
    speakers,
    others,
    excludeWebinarId: request.excludeWebinarId,
    audience,
  };
  return withLanguage(language, () => {
    const assessment = request.start ? assessTime({ ...common, start: instantOf(request.start) }) : undefined;
    const advice: SchedulingAdvice = assessment ? { assessment } : {};
    if (!suggest) return advice;
    const result = suggestTimes({ ...common, fromDate: suggest.from, toDate: suggest.to, limit: 8 });
    return { ...advice, suggestions: { ...suggest, result } };
  });
}

/**
 * A saved webinar's registered audience (confirmed and waiting) by zone; before anyone registers,
 * and for a new webinar, the programme's audience zones, each counting once.
 */
async function audienceOf(db: Db, webinarId: number | undefined): Promise<AudienceInput> {
  if (webinarId !== undefined) {
    // Attendees' zones were checked when they registered; one the zone list no longer knows is left out rather than failing the page.
    const groups = (await countAudienceByZone(db, webinarId)).filter((group) => normalizeZone(group.zone));
    if (groups.length > 0) return { source: 'registrations', groups };
  }
  const { zones, isDefault } = await getAudienceZones(db);
  return { source: isDefault ? 'default' : 'setting', groups: zones.map((zone) => ({ zone, count: 1 })) };
}

/**
 * The assistant's messages under the form's field names; the rest (zones, duration, speakers) are
 * the form's, except the duration on the new-webinar form, which has that field right there.
 */
export function rangeErrors(errors: Record<string, string>, options: { durationField?: boolean } = {}): FieldErrors {
  const { fromDate, toDate, durationMinutes, ...rest } = errors;
  const duration: FieldErrors = options.durationField && durationMinutes ? { durationMinutes } : {};
  const others = Object.values(options.durationField ? rest : { durationMinutes, ...rest })
    .filter(Boolean)
    .join(' ');
  return {
    ...(fromDate ? { suggestFrom: fromDate } : {}),
    ...(toDate ? { suggestTo: toDate } : {}),
    ...duration,
    ...(others ? { form: others } : {}),
  };
}
