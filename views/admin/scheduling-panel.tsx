// The scheduling assistant on the webinar form: speakers' local times, warnings, offset notes and suggested times.
import { TableWrap } from '../components/table-wrap.js';
import { DateTime } from 'luxon';
import { rangeErrors, type SchedulingAdvice } from '../../src/admin/scheduling.js';
import type { Suggestion, TimeAssessment } from '../../src/admin/scheduling-assistant.js';
import type { AudienceReport } from '../../src/admin/scheduling-audience.js';
import { formatDuration, showIn, type ShownTime } from '../../src/time/index.js';
import type { FieldErrors } from '../../src/errors.js';
import { CsrfField, ErrorSummary, type FormValues, TextField } from '../components/form-kit.js';

export type SchedulingPanelProps = { assessment: TimeAssessment; programmeZone: string };

export function SchedulingPanel({ assessment, programmeZone }: SchedulingPanelProps) {
  const { speakerTimes, offsetNotes } = assessment;
  const warnings = [...speakerTimes.flatMap((t) => t.warnings.map((warning) => `${t.speaker.name}: ${warning}`)), ...assessment.warnings];
  return (
    <>
      <section aria-labelledby="scheduling-heading">
        <h2 id="scheduling-heading">Speakers’ local times</h2>
        {speakerTimes.length === 0 ? (
          <p class="muted">No speakers yet: add speakers to see when the session is for them.</p>
        ) : (
          <TableWrap label="Speakers’ local times">
            <table>
              <thead>
                <tr>
                  <th scope="col">Speaker</th>
                  <th scope="col">Their time</th>
                </tr>
              </thead>
              <tbody>
                {speakerTimes.map((t) => {
                  const programmeDate = showIn(DateTime.fromISO(t.start.datetime, { setZone: true }), programmeZone).isoDate;
                  return (
                    <tr>
                      <td>
                        {t.speaker.name}
                        <span class="clock-date">
                          {t.speaker.city} ({t.start.offset})
                        </span>
                      </td>
                      <td>
                        <span class="clock-time">
                          <ShownRange start={t.start} end={t.end} />
                          {t.start.isoDate === programmeDate ? null : (
                            <span class="day-shift">{t.start.isoDate > programmeDate ? 'next day' : 'day before'}</span>
                          )}
                        </span>
                        <span class="clock-date">{t.start.date}</span>
                        {t.techCheck ? (
                          <span class="clock-date">
                            Technical check{' '}
                            <time datetime={t.techCheck.datetime}>
                              {t.techCheck.time} {t.techCheck.abbreviation}
                            </time>
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
        {warnings.length > 0 ? (
          <div class="notice warn" role="status">
            <strong>Check before you save</strong>
            <ul>
              {warnings.map((warning) => (
                <li>{warning}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="notice ok" role="status">
            {speakerTimes.length > 0 ? 'Every speaker is within 08:00–20:00 on a weekday, and nothing' : 'Nothing'} else is on at that time
            {assessment.audience ? '; it is daytime for most of the audience' : ''}.
          </p>
        )}
        {offsetNotes.length > 0 ? (
          <div class="notice info">
            <strong>Time differences</strong>
            <ul>
              {offsetNotes.map((note) => (
                <li>{note}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      {assessment.audience ? <AudiencePanel audience={assessment.audience} programmeZone={programmeZone} /> : null}
    </>
  );
}

const AUDIENCE_SOURCE: Record<AudienceReport['source'], string> = {
  registrations: 'Registered attendees (confirmed and waiting) by their time zone.',
  setting: 'Nobody has registered yet: the programme’s audience zones.',
  default: 'Nobody has registered yet: the programme’s zone and its speakers’ zones.',
};

/** "12 in Asia/Shanghai (China Standard Time): 00:00–01:00 CST, night", one line per zone, largest first. */
export function AudiencePanel({ audience, programmeZone }: { audience: AudienceReport; programmeZone: string }) {
  const registered = audience.source === 'registrations';
  return (
    <section aria-labelledby="audience-heading" class="audience">
      <h2 id="audience-heading">Where the audience is</h2>
      <p class="small muted">
        {AUDIENCE_SOURCE[audience.source]}
        {registered ? null : (
          <>
            {' '}
            Set them under <a href="/admin/programme#f-audienceZones">Programme settings</a>.
          </>
        )}
      </p>
      <ul class="audience-list">
        {audience.groups.map((group) => {
          const programmeDate = showIn(DateTime.fromISO(group.start.datetime, { setZone: true }), programmeZone).isoDate;
          return (
            <li class={group.atNight ? 'at-night' : undefined}>
              <span class="audience-where">
                {registered ? `${group.count} in ` : ''}
                {group.zone}
                {group.name ? ` (${group.name})` : ''}
              </span>
              <span class="audience-when">
                <ShownRange start={group.start} end={group.end} />
                {group.start.isoDate === programmeDate ? null : (
                  <span class="day-shift">{group.start.isoDate > programmeDate ? 'next day' : 'day before'}</span>
                )}
                {group.atNight ? <strong class="night-flag">night</strong> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "22:00–23:00 CST", each end in its own <time datetime>; the end's date when it falls on the next day. */
function ShownRange({ start, end }: { start: ShownTime; end: ShownTime }) {
  return (
    <>
      <time datetime={start.datetime}>{start.time}</time>–
      <time datetime={end.datetime}>
        {end.isoDate === start.isoDate ? end.time : `${end.date}, ${end.time}`} <abbr title={`${end.zone}, ${end.offset}`}>{end.abbreviation}</abbr>
      </time>
    </>
  );
}

export type SuggestionListProps = {
  suggestions: Suggestion[];
  programmeZone: string;
  /**
   * Where the chosen time is posted, as `start=2027-03-18T15:00` (wall time in the programme zone).
   * Absent inside the new-webinar form, whose buttons post `useStart=` with the rest of the form.
   */
  action?: string;
  csrfToken?: string;
  /** Further fields the receiving route needs, posted unchanged. */
  hidden?: Record<string, string>;
};

export function SuggestionList({ suggestions, programmeZone, action, csrfToken, hidden = {} }: SuggestionListProps) {
  if (suggestions.length === 0) {
    return (
      <p class="notice info" role="status">
        No time in this range keeps every speaker within 08:00–20:00 on a weekday, is daytime for most of the audience and clashes with no other webinar. Try
        other days.
      </p>
    );
  }
  const list = (
    <>
      <p class="small muted">Best first: the fewest of the audience at night, then the least time outside 10:00–16:00 for whoever has it worst.</p>
      <ol style="list-style:none;padding:0;margin:0;display:grid;gap:0.75rem">
        {suggestions.map((suggestion) => {
          const shown = showIn(suggestion.start, programmeZone);
          const detailId = `suggestion-${suggestion.local.replace(':', '')}`;
          return (
            <li>
              <button type="submit" name={action ? 'start' : 'useStart'} value={suggestion.local} class="secondary small" aria-describedby={detailId}>
                <span class="visually-hidden">Use </span>
                <time datetime={shown.datetime}>
                  {shown.date}, {shown.time} <abbr title={`${shown.zone}, ${shown.offset}`}>{shown.abbreviation}</abbr>
                </time>
              </button>
              <span id={detailId} class="small" style="display:block">
                {whyChosen(suggestion)}
                {suggestion.speakerTimes.map((t) => (
                  <>
                    {' · '}
                    {t.speaker.name} <ShownRange start={t.start} end={t.end} />
                  </>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
  if (!action) return <div>{list}</div>;
  return (
    <form method="post" action={action}>
      {csrfToken ? <CsrfField token={csrfToken} /> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {list}
    </form>
  );
}

/** Why a time is suggested, in one sentence: the speakers' (and host's) day, then the audience's night. */
export function whyChosen(suggestion: Suggestion): string {
  const who = suggestion.speakerTimes.length > 0 ? ['the speakers and the host', 'a speaker or the host'] : ['the host', 'the host'];
  const day = suggestion.score === 0 ? `Within 10:00–16:00 for ${who[0]}` : `Up to ${formatDuration(suggestion.score)} outside 10:00–16:00 for ${who[1]}`;
  const audience = suggestion.audience;
  if (!audience) return `${day}.`;
  const registered = audience.source === 'registrations';
  const atNight = audience.groups.filter((group) => group.atNight);
  if (atNight.length === 0) return `${day}; daytime for ${registered ? 'the whole audience' : 'every audience zone'}.`;
  const where = atNight.map((group) => group.start.city).join(', ');
  if (!registered) return `${day}; night only in ${where}.`;
  const count = atNight.reduce((sum, group) => sum + group.count, 0);
  return `${day}; night only for ${count} of ${audience.total} attendees (${where}).`;
}

export type SuggestTimesPanelProps = {
  webinarSlug: string;
  programmeZone: string;
  csrfToken: string;
  /** The range asked for and its answer, when one was asked for. */
  suggestions: SchedulingAdvice['suggestions'];
};

/** The range form's id prefix: its fields are #suggest-suggestFrom and #suggest-suggestTo. */
const SUGGEST_FORM = 'suggest';

/** On an existing webinar, beside its form (forms cannot nest): a date range, and the times found in it. */
export function SuggestTimesPanel({ webinarSlug, programmeZone, csrfToken, suggestions }: SuggestTimesPanelProps) {
  const result = suggestions?.result;
  const values = { suggestFrom: suggestions?.from, suggestTo: suggestions?.to };
  const errors = result && !result.ok ? rangeErrors(result.errors) : {};
  const dateField = { form: SUGGEST_FORM, type: 'date', values, errors, required: true } as const;
  return (
    <section class="panel" aria-labelledby="suggest-heading" id="suggestions">
      <h2 id="suggest-heading" style="margin-top:0">
        Suggest times
      </h2>
      <p class="small">
        Starts when every assigned speaker, technical check included, is within 08:00–20:00 on a weekday, it is daytime for most of the audience, and nothing
        overlaps.
      </p>
      <ErrorSummary form={SUGGEST_FORM} errors={errors} />
      <form method="get" action={`/admin/webinars/${webinarSlug}#suggestions`} class="actions" style="margin-top:0.6rem;align-items:flex-end">
        <TextField {...dateField} name="suggestFrom" label="From" />
        <TextField {...dateField} name="suggestTo" label="To" />
        <button type="submit" class="secondary small">
          Suggest
        </button>
      </form>
      {result?.ok ? (
        <div>
          <SuggestionList
            suggestions={result.suggestions}
            programmeZone={programmeZone}
            action={`/admin/webinars/${webinarSlug}/use-time`}
            csrfToken={csrfToken}
          />
        </div>
      ) : null}
    </section>
  );
}

export type NewFormSuggestTimesProps = {
  values: FormValues;
  errors: FieldErrors;
  programmeZone: string;
  /** The range asked for and its answer, when one was asked for. */
  suggestions: SchedulingAdvice['suggestions'];
};

/**
 * "Suggest times" inside the unsaved new-webinar form: its own button submits the whole form, which
 * comes back with every value kept, and each suggestion is a button of the same form (`useStart`).
 */
export function NewFormSuggestTimes({ values, errors, programmeZone, suggestions }: NewFormSuggestTimesProps) {
  const result = suggestions?.result;
  return (
    <section aria-labelledby="suggest-heading" id="suggestions" class="suggest-inline" data-suggest-answer={result ? '' : undefined}>
      <h2 id="suggest-heading">Suggest times</h2>
      <p class="small">
        For the speakers chosen in this form and the audience: starts when every speaker, technical check included, is within 08:00–20:00 on a weekday, it is
        daytime for most of the audience, and nothing else is on. Nothing is saved.
      </p>
      <div class="actions suggest-range" data-suggest-range="">
        <TextField type="date" name="suggestFrom" label="From" values={values} errors={errors} />
        <TextField type="date" name="suggestTo" label="To" values={values} errors={errors} />
        <button type="submit" name="intent" value="suggest" class="secondary small">
          Suggest times
        </button>
      </div>
      {result?.ok ? <SuggestionList suggestions={result.suggestions} programmeZone={programmeZone} /> : null}
    </section>
  );
}
