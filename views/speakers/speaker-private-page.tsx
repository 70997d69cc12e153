// /speaker/:token: a speaker's own page: when they are on, in their time; links; the audience.
import type { DateTime } from 'luxon';
import type { SpeakerPrivatePage as SpeakerPrivatePageData } from '../../src/speakers/speaker-pages.service.js';
import { showIn } from '../../src/time/index.js';
import { CalendarSubscription } from '../calendar/subscribe-box.js';
import { LocalTime } from '../components/local-time.js';
import { reflow } from '../components/reflow-table.js';
import { TableWrap } from '../components/table-wrap.js';
import { Layout } from '../layout.js';
import { ZoneForm } from '../components/zone-form.js';

export type SpeakerPrivatePageProps = SpeakerPrivatePageData;

function Moment({ label, instant, zone, programmeZone }: { label: string; instant: DateTime; zone: string; programmeZone: string }) {
  return (
    <tr {...reflow.row}>
      <th {...reflow.rowHeader}>{label}</th>
      <td {...reflow.cell('Your time')}>
        <strong>
          <LocalTime instant={instant} zone={zone} />
        </strong>
      </td>
      <td {...reflow.cell('Programme', 'muted')}>{zone === programmeZone ? '' : <LocalTime instant={instant} zone={programmeZone} withCity />}</td>
    </tr>
  );
}

export function SpeakerPrivatePage(props: SpeakerPrivatePageProps) {
  const { speaker, programme, now } = props;
  const zone = speaker.zone;
  const upcoming = props.sessions.filter((s) => s.webinar.endsAt > now);
  const past = props.sessions.filter((s) => s.webinar.endsAt <= now);
  return (
    <Layout title="Your sessions" siteTitle={programme.title} nav="none" privatePage>
      {props.zoneSaved ? (
        <p class="notice ok" role="status">
          Your time zone is saved; the page and your calendar follow it.
        </p>
      ) : null}
      <h1>Your sessions, {speaker.name}</h1>
      <p class="lead">
        Times are shown in your zone, <strong>{zone}</strong>, and beside them in the programme’s ({programme.defaultZone}).
      </p>
      {upcoming.length === 0 ? <p class="muted">You have no upcoming sessions.</p> : null}
      {upcoming.map((session) => {
        const w = session.webinar;
        const start = showIn(w.startsAt, zone);
        return (
          <section class="panel" aria-labelledby={`session-${w.id}`}>
            <h2 id={`session-${w.id}`} style="margin-top:0">
              {w.status === 'cancelled' ? 'Cancelled: ' : ''}
              {w.title}
            </h2>
            <p class="small muted">
              Your role: {session.role} · {session.confirmed} registered{session.waitlisted > 0 ? `, ${session.waitlisted} on the waiting list` : ''}
            </p>
            <TableWrap label="Session times">
              {/* .reflow: one block per moment on a phone; the roles keep the table semantics then. */}
              <table {...reflow.table}>
                <thead {...reflow.rowgroup}>
                  <tr {...reflow.row}>
                    <th {...reflow.columnHeader}>
                      <span class="visually-hidden">Moment</span>
                    </th>
                    <th {...reflow.columnHeader}>Your time ({zone})</th>
                    <th {...reflow.columnHeader}>Programme time</th>
                  </tr>
                </thead>
                <tbody {...reflow.rowgroup}>
                  {w.techCheckMinutes > 0 ? (
                    <Moment
                      label="Technical check"
                      instant={w.startsAt.minus({ minutes: w.techCheckMinutes })}
                      zone={zone}
                      programmeZone={programme.defaultZone}
                    />
                  ) : null}
                  <Moment label="Start" instant={w.startsAt} zone={zone} programmeZone={programme.defaultZone} />
                  <Moment label="End" instant={w.endsAt} zone={zone} programmeZone={programme.defaultZone} />
                </tbody>
              </table>
            </TableWrap>
            {w.status === 'published' ? (
              <dl class="facts" style="margin-top:1rem">
                <dt>Your speaker link</dt>
                <dd>
                  <JoinLink url={w.speakerJoinUrl} />
                </dd>
                <dt>Attendees’ link</dt>
                <dd>
                  <JoinLink url={w.joinUrl} />
                </dd>
              </dl>
            ) : null}
            <h3 style="margin-top:1.2rem">Your audience’s clocks</h3>
            {session.audience.length === 0 ? (
              <p class="muted small">Nobody has registered yet.</p>
            ) : (
              <>
                <p class="small">
                  When you start at{' '}
                  <time datetime={start.datetime}>
                    {start.time} {start.abbreviation}
                  </time>
                  , it is:
                </p>
                <ul>
                  {session.audience.map((a) => (
                    <li>
                      <time datetime={a.start.datetime}>
                        {a.start.time} {a.start.abbreviation}
                      </time>
                      {a.start.isoDate !== start.isoDate ? ` (${a.start.date})` : ''} for {a.count} {a.count === 1 ? 'attendee' : 'attendees'} in {a.start.city}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>Questions from attendees</h3>
            {session.questions.length === 0 ? (
              <p class="muted small">No questions yet.</p>
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
          <h2>Past sessions</h2>
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
          heading="Your calendar"
          calendarName={`${programme.title}: your sessions`}
          intro="Each session and its technical check, with your speaker link. Keep this address private."
          privateAddress
        />
        <section class="panel" aria-labelledby="speaker-zone">
          <h2 id="speaker-zone" style="margin-top:0">
            Travelling?
          </h2>
          <ZoneForm
            action={`/speaker/${speaker.token}/zone`}
            zone={zone}
            label="Show my times in"
            hint="Where you will be: a city or country (Beijing, India, New York) or an IANA name such as Asia/Shanghai."
            submitLabel="Save my time zone"
            error={props.zoneError}
            typed={props.zoneTyped}
            now={props.now}
          />
        </section>
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
    <span class="muted">Not set yet</span>
  );
}
