// /speaker/:token: a speaker's own page: when they are on, in their time; links; the audience.
import { LanguageChoice } from '../components/language-choice.js';
import type { DateTime } from 'luxon';
import type { SpeakerPrivatePage as SpeakerPrivatePageData } from '../../src/speakers/speaker-pages.service.js';
import { showIn } from '../../src/time/index.js';
import { CalendarSubscription } from '../calendar/subscribe-box.js';
import { LocalTime } from '../components/local-time.js';
import { reflow } from '../components/reflow-table.js';
import { TableWrap } from '../components/table-wrap.js';
import { Layout } from '../layout.js';
import { ZoneForm } from '../components/zone-form.js';
import { t } from '../../src/i18n/catalogue.js';

export type SpeakerPrivatePageProps = SpeakerPrivatePageData;

function Moment({ label, instant, zone, programmeZone }: { label: string; instant: DateTime; zone: string; programmeZone: string }) {
  return (
    <tr {...reflow.row}>
      <th {...reflow.rowHeader}>{label}</th>
      <td {...reflow.cell(t('speakers.private.yourTime'))}>
        <strong>
          <LocalTime instant={instant} zone={zone} />
        </strong>
      </td>
      <td {...reflow.cell(t('speakers.private.programme'), 'muted')}>
        {zone === programmeZone ? '' : <LocalTime instant={instant} zone={programmeZone} withCity />}
      </td>
    </tr>
  );
}

export function SpeakerPrivatePage(props: SpeakerPrivatePageProps) {
  const { speaker, programme, now } = props;
  const zone = speaker.zone;
  const upcoming = props.sessions.filter((s) => s.webinar.endsAt > now);
  const past = props.sessions.filter((s) => s.webinar.endsAt <= now);
  return (
    <Layout title={t('speakers.private.title')} siteTitle={programme.title} nav="none" privatePage>
      {props.zoneSaved ? (
        <p class="notice ok" role="status">
          {t('speakers.private.zoneSaved')}
        </p>
      ) : null}
      {props.languageSaved ? (
        <p class="notice ok" role="status">
          {t('speakers.private.languageSaved', { language: speaker.language })}
        </p>
      ) : null}
      <h1>{t('speakers.private.heading', { name: speaker.name })}</h1>
      <p class="lead">{t('speakers.private.lead', { zone, programmeZone: programme.defaultZone })}</p>
      {upcoming.length === 0 ? <p class="muted">{t('speakers.private.noUpcoming')}</p> : null}
      {upcoming.map((session) => {
        const w = session.webinar;
        const start = showIn(w.startsAt, zone);
        return (
          <section class="panel" aria-labelledby={`session-${w.id}`}>
            <h2 id={`session-${w.id}`} style="margin-top:0">
              {w.status === 'cancelled' ? t('speakers.private.cancelledPrefix') : ''}
              {w.title}
            </h2>
            <p class="small muted">{t('speakers.private.role', { role: session.role, confirmed: session.confirmed, waitlisted: session.waitlisted })}</p>
            <TableWrap label={t('speakers.private.timesLabel')}>
              {/* .reflow: one block per moment on a phone; the roles keep the table semantics then. */}
              <table {...reflow.table}>
                <thead {...reflow.rowgroup}>
                  <tr {...reflow.row}>
                    <th {...reflow.columnHeader}>
                      <span class="visually-hidden">{t('speakers.private.moment')}</span>
                    </th>
                    <th {...reflow.columnHeader}>{t('speakers.private.yourTimeIn', { zone })}</th>
                    <th {...reflow.columnHeader}>{t('speakers.private.programmeTime')}</th>
                  </tr>
                </thead>
                <tbody {...reflow.rowgroup}>
                  {w.techCheckMinutes > 0 ? (
                    <Moment
                      label={t('speakers.private.techCheck')}
                      instant={w.startsAt.minus({ minutes: w.techCheckMinutes })}
                      zone={zone}
                      programmeZone={programme.defaultZone}
                    />
                  ) : null}
                  <Moment label={t('speakers.private.start')} instant={w.startsAt} zone={zone} programmeZone={programme.defaultZone} />
                  <Moment label={t('speakers.private.end')} instant={w.endsAt} zone={zone} programmeZone={programme.defaultZone} />
                </tbody>
              </table>
            </TableWrap>
            {w.status === 'published' ? (
              <dl class="facts" style="margin-top:1rem">
                <dt>{t('speakers.private.speakerLink')}</dt>
                <dd>
                  <JoinLink url={w.speakerJoinUrl} />
                </dd>
                <dt>{t('speakers.private.attendeeLink')}</dt>
                <dd>
                  <JoinLink url={w.joinUrl} />
                </dd>
              </dl>
            ) : null}
            <h3 style="margin-top:1.2rem">{t('speakers.private.audienceHeading')}</h3>
            {session.audience.length === 0 ? (
              <p class="muted small">{t('speakers.private.nobodyYet')}</p>
            ) : (
              <>
                <p class="small">
                  {t('speakers.private.whenYouStart')}{' '}
                  <time datetime={start.datetime}>
                    {start.time} {start.abbreviation}
                  </time>
                  {t('speakers.private.itIs')}
                </p>
                <ul>
                  {session.audience.map((a) => {
                    // Shown here, in the page's language (the service's copy serves the order).
                    const at = showIn(session.webinar.startsAt, a.zone);
                    return (
                      <li>
                        <time datetime={at.datetime}>
                          {at.time} {at.abbreviation}
                        </time>
                        {at.isoDate !== start.isoDate ? ` (${at.date})` : ''} {t('speakers.private.audienceCount', { count: a.count, city: at.city })}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            <h3>{t('speakers.private.questions')}</h3>
            {session.questions.length === 0 ? (
              <p class="muted small">{t('speakers.private.noQuestions')}</p>
            ) : (
              <ol>
                {session.questions.map((q) => (
                  <li class="prose">{q}</li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      {past.length > 0 ? (
        <>
          <h2>{t('speakers.private.past')}</h2>
          <ul>
            {past.map((s) => (
              <li>
                <a href={`/webinars/${s.webinar.slug}`}>{s.webinar.title}</a>, <LocalTime instant={s.webinar.startsAt} zone={zone} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div class="layout-2" style="margin-top:1.5rem">
        <CalendarSubscription
          feedUrl={props.feedUrl}
          id="speaker-feed"
          heading={t('speakers.private.calendarHeading')}
          calendarName={t('speakers.private.calendarName', { programme: programme.title })}
          intro={t('speakers.private.calendarIntro')}
          privateAddress
        />
        <section class="panel" aria-labelledby="speaker-zone">
          <h2 id="speaker-zone" style="margin-top:0">
            {t('speakers.private.travelling')}
          </h2>
          <ZoneForm
            action={`/speaker/${speaker.token}/zone`}
            zone={zone}
            label={t('speakers.private.zoneLabel')}
            hint={t('speakers.private.zoneHint')}
            submitLabel={t('speakers.private.zoneSubmit')}
            error={props.zoneError}
            typed={props.zoneTyped}
            now={props.now}
          />
        </section>
        <LanguageChoice
          id="speaker-language"
          heading={t('speakers.private.language')}
          legend={t('speakers.private.languageField')}
          submitLabel={t('speakers.private.languageSubmit')}
          action={`/speaker/${speaker.token}/language`}
          language={speaker.language}
          error={props.languageError}
          secondary
        />
      </div>
    </Layout>
  );
}

/** A join link as a link, or a note that the coordinators have not set it yet. */
function JoinLink({ url }: { url: string | null }) {
  return url ? (
    <a href={url} rel="noopener noreferrer">
      {url}
    </a>
  ) : (
    <span class="muted">{t('speakers.private.notSet')}</span>
  );
}
