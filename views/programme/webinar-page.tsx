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
        <a href="/">← Programme</a>
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
          <h1>{webinar.status === 'cancelled' ? <>Cancelled: {webinar.title}</> : webinar.title}</h1>
          <p class="lead when">
            <TimeRange start={webinar.startsAt} end={webinar.endsAt} zone={viewer.zone} />
            <span class="muted small"> · {formatDuration(webinar.durationMinutes)}</span>
          </p>
          {webinar.status === 'cancelled' ? <p class="notice error">This webinar has been cancelled. Registered attendees have been told by email.</p> : null}
          <p class="prose">{webinar.abstract}</p>

          {props.materials}

          <h2 id="world-clock">When is it where?</h2>
          <TableWrap label="When is it where?">
            {/* .reflow: one block per place on a phone; the roles keep the table semantics then. */}
            <table {...reflow.table} aria-describedby="world-clock">
              <thead {...reflow.rowgroup}>
                <tr {...reflow.row}>
                  <th {...reflow.columnHeader}>Who and where</th>
                  <th {...reflow.columnHeader}>Starts</th>
                  <th {...reflow.columnHeader}>Ends</th>
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
                    <td {...reflow.cell('Starts')}>
                      <span>
                        <ClockTime shown={row.start} withDate />
                        {row.dayShift !== 0 ? <span class="day-shift">{row.dayShift > 0 ? `+${row.dayShift} day` : `${row.dayShift} day`}</span> : null}
                      </span>
                    </td>
                    <td {...reflow.cell('Ends')}>
                      <ClockTime shown={row.end} withDate={row.end.isoDate !== row.start.isoDate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="small muted">
            Day markers compare with your own date. <a href={`/timezone?return=${encodeURIComponent(viewer.returnTo)}`}>Change your time zone</a>.
          </p>
        </article>

        <aside>
          {props.register}
          {props.addToCalendar}
          <section class="panel" aria-labelledby="speakers">
            <h2 id="speakers" style="margin-top:0">
              Speakers
            </h2>
            <ul class="speakers">
              {webinar.speakers.map((speaker) => (
                <li class="speaker">
                  <SpeakerAvatar speaker={speaker} size={56} lazy />
                  <div>
                    <a href={`/speakers/${speaker.slug}`}>
                      <strong>{speaker.name}</strong>
                    </a>
                    {speaker.role !== 'speaker' ? <span class="muted small"> · {speaker.role}</span> : null}
                    <br />
                    <span class="small">
                      {speaker.title}
                      {speaker.organisation ? `, ${speaker.organisation}` : ''}
                    </span>
                    <br />
                    <span class="small muted">
                      {speaker.city}, {speaker.country} · on at <LocalTime instant={webinar.startsAt} zone={speaker.zone} format="time" /> local time
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
