// The scheduling assistant on the webinar form: speakers' local times, warnings, offset notes and suggested times.
import { t, type MessageKey } from '../../src/i18n/catalogue.js';
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
  const warnings = [...speakerTimes.flatMap((time) => time.warnings.map((warning) => `${time.speaker.name}: ${warning}`)), ...assessment.warnings];
  return (
    <>
      <section aria-labelledby="scheduling-heading">
        <h2 id="scheduling-heading">{t('workspacePages.scheduling.panel.heading')}</h2>
        {speakerTimes.length === 0 ? (
          <p class="muted">{t('workspacePages.scheduling.panel.noSpeakers')}</p>
        ) : (
          <TableWrap label={t('workspacePages.scheduling.panel.heading')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('workspacePages.scheduling.panel.speaker')}</th>
                  <th scope="col">{t('workspacePages.scheduling.panel.theirTime')}</th>
                </tr>
              </thead>
              <tbody>
                {speakerTimes.map((time) => {
                  const programmeDate = showIn(DateTime.fromISO(time.start.datetime, { setZone: true }), programmeZone).isoDate;
                  return (
                    <tr>
                      <td>
                        {time.speaker.name}
                        <span class="clock-date">
                          {time.speaker.city} ({time.start.offset})
                        </span>
                      </td>
                      <td>
                        <span class="clock-time">
                          <ShownRange start={time.start} end={time.end} />
                          {time.start.isoDate === programmeDate ? null : (
                            <span class="day-shift">
                              {time.start.isoDate > programmeDate
                                ? t('workspacePages.scheduling.panel.nextDay')
                                : t('workspacePages.scheduling.panel.dayBefore')}
                            </span>
                          )}
                        </span>
                        <span class="clock-date">{time.start.date}</span>
                        {time.techCheck ? (
                          <span class="clock-date">
                            {t('workspacePages.scheduling.panel.techCheck')}{' '}
                            <time datetime={time.techCheck.datetime}>
                              {time.techCheck.time} {time.techCheck.abbreviation}
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
            <strong>{t('workspacePages.scheduling.panel.checkFirst')}</strong>
            <ul>
              {warnings.map((warning) => (
                <li>{warning}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="notice ok" role="status">
            {t(
              speakerTimes.length > 0
                ? assessment.audience
                  ? 'workspacePages.scheduling.panel.ok.speakersAudience'
                  : 'workspacePages.scheduling.panel.ok.speakers'
                : assessment.audience
                  ? 'workspacePages.scheduling.panel.ok.audience'
                  : 'workspacePages.scheduling.panel.ok.none',
            )}
          </p>
        )}
        {offsetNotes.length > 0 ? (
          <div class="notice info">
            <strong>{t('workspacePages.scheduling.panel.timeDifferences')}</strong>
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

const AUDIENCE_SOURCE: Record<AudienceReport['source'], MessageKey> = {
  registrations: 'workspacePages.scheduling.panel.source.registrations',
  setting: 'workspacePages.scheduling.panel.source.setting',
  default: 'workspacePages.scheduling.panel.source.default',
};

/** "12 in Asia/Shanghai (China Standard Time): 00:00–01:00 CST, night", one line per zone, largest first. */
export function AudiencePanel({ audience, programmeZone }: { audience: AudienceReport; programmeZone: string }) {
  const registered = audience.source === 'registrations';
  return (
    <section aria-labelledby="audience-heading" class="audience">
      <h2 id="audience-heading">{t('workspacePages.scheduling.panel.audienceHeading')}</h2>
      <p class="small muted">
        {t(AUDIENCE_SOURCE[audience.source])}
        {registered ? null : (
          <>
            {' '}
            {t('workspacePages.scheduling.panel.setUnder')}{' '}
            <a href="/admin/programme#f-audienceZones">{t('workspacePages.scheduling.panel.programmeSettings')}</a>.
          </>
        )}
      </p>
      <ul class="audience-list">
        {audience.groups.map((group) => {
          const programmeDate = showIn(DateTime.fromISO(group.start.datetime, { setZone: true }), programmeZone).isoDate;
          return (
            <li class={group.atNight ? 'at-night' : undefined}>
              <span class="audience-where">
                {registered ? t('workspacePages.scheduling.panel.countIn', { count: group.count }) : ''}
                {group.zone}
                {group.name ? ` (${group.name})` : ''}
              </span>
              <span class="audience-when">
                <ShownRange start={group.start} end={group.end} />
                {group.start.isoDate === programmeDate ? null : (
                  <span class="day-shift">
                    {group.start.isoDate > programmeDate ? t('workspacePages.scheduling.panel.nextDay') : t('workspacePages.scheduling.panel.dayBefore')}
                  </span>
                )}
                {group.atNight ? <strong class="night-flag">{t('workspacePages.scheduling.panel.night')}</strong> : null}
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
        {t('workspacePages.scheduling.suggest.none')}
      </p>
    );
  }
  const list = (
    <>
      <p class="small muted">{t('workspacePages.scheduling.suggest.order')}</p>
      <ol style="list-style:none;padding:0;margin:0;display:grid;gap:0.75rem">
        {suggestions.map((suggestion) => {
          const shown = showIn(suggestion.start, programmeZone);
          const detailId = `suggestion-${suggestion.local.replace(':', '')}`;
          return (
            <li>
              <button type="submit" name={action ? 'start' : 'useStart'} value={suggestion.local} class="secondary small" aria-describedby={detailId}>
                <span class="visually-hidden">{t('workspacePages.scheduling.suggest.use')}</span>
                <time datetime={shown.datetime}>
                  {shown.date}, {shown.time} <abbr title={`${shown.zone}, ${shown.offset}`}>{shown.abbreviation}</abbr>
                </time>
              </button>
              <span id={detailId} class="small" style="display:block">
                {whyChosen(suggestion)}
                {suggestion.speakerTimes.map((time) => (
                  <>
                    {' · '}
                    {time.speaker.name} <ShownRange start={time.start} end={time.end} />
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
  const speakers = suggestion.speakerTimes.length > 0;
  const day =
    suggestion.score === 0
      ? t(speakers ? 'workspacePages.scheduling.why.withinAll' : 'workspacePages.scheduling.why.withinHost')
      : t(speakers ? 'workspacePages.scheduling.why.outsideAll' : 'workspacePages.scheduling.why.outsideHost', { duration: formatDuration(suggestion.score) });
  const audience = suggestion.audience;
  if (!audience) return t('workspacePages.scheduling.why.only', { day });
  const registered = audience.source === 'registrations';
  const atNight = audience.groups.filter((group) => group.atNight);
  if (atNight.length === 0) return t(registered ? 'workspacePages.scheduling.why.dayAudience' : 'workspacePages.scheduling.why.dayZones', { day });
  const where = atNight.map((group) => group.start.city).join(', ');
  if (!registered) return t('workspacePages.scheduling.why.nightIn', { day, where });
  const count = atNight.reduce((sum, group) => sum + group.count, 0);
  return t('workspacePages.scheduling.why.nightFor', { day, count, total: audience.total, where });
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
        {t('workspacePages.scheduling.suggest.heading')}
      </h2>
      <p class="small">{t('workspacePages.scheduling.suggest.lead')}</p>
      <ErrorSummary form={SUGGEST_FORM} errors={errors} />
      <form method="get" action={`/admin/webinars/${webinarSlug}#suggestions`} class="actions" style="margin-top:0.6rem;align-items:flex-end">
        <TextField {...dateField} name="suggestFrom" label={t('workspacePages.scheduling.suggest.from')} />
        <TextField {...dateField} name="suggestTo" label={t('workspacePages.scheduling.suggest.to')} />
        <button type="submit" class="secondary small">
          {t('workspacePages.scheduling.suggest.submit')}
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
      <h2 id="suggest-heading">{t('workspacePages.scheduling.suggest.heading')}</h2>
      <p class="small">{t('workspacePages.scheduling.suggest.leadNew')}</p>
      <div class="actions suggest-range" data-suggest-range="">
        <TextField type="date" name="suggestFrom" label={t('workspacePages.scheduling.suggest.from')} values={values} errors={errors} />
        <TextField type="date" name="suggestTo" label={t('workspacePages.scheduling.suggest.to')} values={values} errors={errors} />
        <button type="submit" name="intent" value="suggest" class="secondary small">
          {t('workspacePages.scheduling.suggest.heading')}
        </button>
      </div>
      {result?.ok ? <SuggestionList suggestions={result.suggestions} programmeZone={programmeZone} /> : null}
    </section>
  );
}
