// GET /webinars/:slug: one webinar with its speakers and a world clock.
import type { ShareMeta } from '../../src/previews/share-meta.js';
import { reflow } from '../components/reflow-table.js';
import { TableWrap } from '../components/table-wrap.js';
import type { Child } from 'hono/jsx';
import type { DateTime } from 'luxon';
import type { Programme, Webinar } from '../../src/programme/programme.types.js';
import type { WorldClockRow } from '../../src/programme/world-clock.js';
import { formatDuration, type ShownTime } from '../../src/time/index.js';
import { LocalTime, TimeRange } from '../components/local-time.js';
import { StatusTag } from '../components/status-tag.js';
import { SpeakerAvatar } from '../components/speaker-avatar.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { t } from '../../src/i18n/catalogue.js';

export type WebinarPageProps = {
  programme: Programme;
  webinar: Webinar;
  worldClock: WorldClockRow[];
  viewer: ViewerZoneProps;
  now: DateTime;
  /** Slots that later features fill: registration, add to calendar, recordings and slides. */
  register?: Child;
  addToCalendar?: Child;
  materials?: Child;
  notice?: Child;
  share?: ShareMeta;
  /** schema.org Event data for search engines (serialised JSON-LD). */
  structuredData?: string;
};

export function WebinarPage(props: WebinarPageProps) {
  const { webinar, viewer, now } = props;
  return (
    <Layout
      title={webinar.title}
      siteTitle={props.programme.title}
      viewer={viewer}
      nav="programme"
      description={webinar.abstract}
      share={props.share}
      structuredData={props.structuredData}
    >
      <p class="small">
        <a href="/">{t('public.backToProgramme')}</a>
        {webinar.area ? (
          <>
            {' '}
            · <a href={`/areas/${webinar.area.slug}`}>{webinar.area.name}</a>
          </>
        ) : null}
      </p>
      {props.notice}
      <div class="layout-2">
        <article>
          <div class="actions">
            <StatusTag webinar={webinar} now={now} />
          </div>
          <h1>{webinar.status === 'cancelled' ? t('public.webinar.cancelledTitle', { title: webinar.title }) : webinar.title}</h1>
          <p class="lead when">
            <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={viewer.zone} />
            <span class="muted small"> · {formatDuration(webinar.durationMinutes)}</span>
          </p>
          {webinar.status === 'cancelled' ? <p class="notice error">{t('public.webinar.cancelledNotice')}</p> : null}
          <p class="prose">{webinar.abstract}</p>

          {props.materials}

          <h2 id="world-clock">{t('public.webinar.worldClock')}</h2>
          <TableWrap label={t('public.webinar.worldClock')}>
            {/* .reflow: one block per place on a phone; the roles keep the table semantics then. */}
            <table {...reflow.table} aria-describedby="world-clock">
              <thead {...reflow.rowgroup}>
                <tr {...reflow.row}>
                  <th {...reflow.columnHeader}>{t('public.webinar.whoAndWhere')}</th>
                  <th {...reflow.columnHeader}>{t('public.webinar.starts')}</th>
                  <th {...reflow.columnHeader}>{t('public.webinar.ends')}</th>
                </tr>
              </thead>
              <tbody {...reflow.rowgroup}>
                {props.worldClock.map((row) => (
                  <tr {...reflow.row}>
                    <td {...reflow.cell(undefined, 'row-head')}>
                      {row.who.join('; ')}
                      <span class="clock-date">
                        {row.zone.replaceAll('_', ' ')} ({row.start.offset})
                      </span>
                    </td>
                    <td {...reflow.cell(t('public.webinar.starts'))}>
                      <span>
                        <ClockTime shown={row.start} withDate />
                        {row.dayShift !== 0 ? (
                          <span class="day-shift">{t('public.webinar.dayShift', { shift: row.dayShift > 0 ? `+${row.dayShift}` : String(row.dayShift) })}</span>
                        ) : null}
                      </span>
                    </td>
                    <td {...reflow.cell(t('public.webinar.ends'))}>
                      <ClockTime shown={row.end} withDate={row.end.isoDate !== row.start.isoDate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="small muted">
            {t('public.webinar.dayMarkers')} <a href={`/timezone?return=${encodeURIComponent(viewer.returnTo)}`}>{t('public.webinar.changeZone')}</a>.
          </p>
        </article>

        <aside>
          {props.register}
          {props.addToCalendar}
          <section class="panel" aria-labelledby="speakers">
            <h2 id="speakers" style="margin-top:0">
              {t('public.webinar.speakers')}
            </h2>
            <ul class="speakers">
              {webinar.speakers.map((speaker) => (
                <li class="speaker">
                  <SpeakerAvatar speaker={speaker} size={56} lazy />
                  <div>
                    <a href={`/speakers/${speaker.slug}`}>
                      <strong>{speaker.name}</strong>
                    </a>
                    {speaker.role !== 'speaker' ? <span class="muted small"> · {t('public.role', { role: speaker.role })}</span> : null}
                    <br />
                    <span class="small">
                      {speaker.title}
                      {speaker.organisation ? `, ${speaker.organisation}` : ''}
                    </span>
                    <br />
                    <span class="small muted">
                      {speaker.city}, {speaker.country} · {t('public.webinar.speakerLocal.before')}{' '}
                      <LocalTime instant={webinar.startsAt} zone={speaker.zone} format="time" /> {t('public.webinar.speakerLocal.after')}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </Layout>
  );
}

/** A world-clock cell's time: large, with the zone's abbreviation, and the date below when asked. */
function ClockTime({ shown, withDate }: { shown: ShownTime; withDate: boolean }) {
  return (
    <time datetime={shown.datetime}>
      <span class="clock-time">
        {shown.time} <abbr title={`${shown.zone}, ${shown.offset}`}>{shown.abbreviation}</abbr>
      </span>
      {withDate ? <span class="clock-date">{shown.date}</span> : null}
    </time>
  );
}

/** Why the webinar takes no registration, where the form would be; an alert right after a refused attempt. */
export function RegistrationClosedNotice({ reason, alert }: { reason: string; alert: boolean }) {
  return (
    <p class="notice warn" role={alert ? 'alert' : undefined}>
      {reason}
    </p>
  );
}
