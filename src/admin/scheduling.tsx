// Connects the pure scheduling assistant to the database: the assigned speakers, the other
// webinars, and the "suggest times" form on a webinar's edit page.
import type { Child } from 'hono/jsx';
import { SchedulingPanel, SuggestionList } from '../../views/admin/scheduling-panel.js';
import type { Db } from '../db/connection.js';
import { ALL_STATUSES, listSpeakers, listWebinars } from '../programme/programme.service.js';
import { instantOf, type ZonedTime } from '../time/index.js';
import { assessTime, suggestTimes } from './scheduling-assistant.js';

export type AssistantRequest = { start: ZonedTime; durationMinutes: number; speakerSlugs: string[]; excludeWebinarId?: number };

/**
 * The assistant's two parts: the panel for the entered time (inside the webinar form) and, on an
 * existing webinar, the "suggest times" forms, which must sit outside it (forms cannot nest).
 */
export async function schedulingAssistant(
  db: Db,
  programmeZone: string,
  request: AssistantRequest,
  edit?: { slug: string; csrfToken: string; suggest?: { from: string; to: string } },
): Promise<{ panel: Child; suggestions: Child }> {
  const speakers = (await listSpeakers(db)).filter((s) => request.speakerSlugs.includes(s.slug));
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
    speakers: speakers.map((s) => ({ id: s.id, name: s.name, city: s.city, zone: s.zone })),
    others,
    excludeWebinarId: request.excludeWebinarId,
  });
  let suggestions: Child = null;
  if (edit?.suggest) {
    const result = suggestTimes({
      fromDate: edit.suggest.from,
      toDate: edit.suggest.to,
      programmeZone,
      durationMinutes: request.durationMinutes,
      speakers: speakers.map((s) => ({ id: s.id, name: s.name, city: s.city, zone: s.zone })),
      others,
      excludeWebinarId: request.excludeWebinarId,
      limit: 8,
    });
    suggestions = result.ok ? (
      <SuggestionList suggestions={result.suggestions} programmeZone={programmeZone} action={`/admin/webinars/${edit.slug}/use-time`} csrfToken={edit.csrfToken} />
    ) : (
      <div class="notice error" role="alert">
        {Object.values(result.errors).join(' ')}
      </div>
    );
  }
  return {
    panel: <SchedulingPanel assessment={assessment} programmeZone={programmeZone} />,
    suggestions: edit ? (
      <section class="panel" aria-labelledby="suggest-heading" id="suggestions">
        <h2 id="suggest-heading" style="margin-top:0">
          Suggest times
        </h2>
        <p class="small">Starts when every assigned speaker is within 08:00–20:00 on a weekday and nothing overlaps.</p>
        <form method="get" action={`/admin/webinars/${edit.slug}#suggestions`} class="actions" style="margin-top:0.6rem">
          <label for="suggest-from">From</label>
          <input id="suggest-from" type="date" name="suggestFrom" value={edit.suggest?.from} required style="width:auto" />
          <label for="suggest-to">to</label>
          <input id="suggest-to" type="date" name="suggestTo" value={edit.suggest?.to} required style="width:auto" />
          <button type="submit" class="secondary small">
            Suggest
          </button>
        </form>
        <div>{suggestions}</div>
      </section>
    ) : null,
  };
}
