// GET /: the programme, upcoming webinars first, then past ones.
import type { Child } from 'hono/jsx';
import type { DateTime } from 'luxon';
import type { Area, Programme, Webinar } from '../../src/programme/programme.types.js';
import { WebinarCard } from '../components/webinar-card.js';
import { Layout, type ViewerZoneProps } from '../layout.js';
import { webinarListHref } from './webinar-list-page.js';

export type ProgrammePageProps = {
  programme: Programme;
  areas: Area[];
  /** The first upcoming webinars, and how many there are in all (the rest are on /webinars). */
  upcoming: Webinar[];
  upcomingTotal: number;
  /** The most recent past webinars, and how many there are in all. */
  past: Webinar[];
  pastTotal: number;
  viewer: ViewerZoneProps;
  now: DateTime;
  /** Slots later features fill (subscribe box, series registration). */
  aside?: Child;
  afterUpcoming?: Child;
};

export function ProgrammePage(props: ProgrammePageProps) {
  const { programme, viewer, now } = props;
  return (
    <Layout title={programme.title} siteTitle={programme.title} viewer={viewer} nav="programme" description={programme.tagline}>
      <section class="layout-2">
        <div>
          <h1>{programme.title}</h1>
          <p class="lead">{programme.tagline}</p>
          <p class="prose">{programme.description}</p>
          <p class="small muted">Organised by {programme.organiserName}.</p>
        </div>
        <aside>
          <div class="panel">
            <h2 style="margin-top:0">Knowledge areas</h2>
            <ul>
              {props.areas.map((area) => (
                <li>
                  <a href={`/areas/${area.slug}`}>{area.name}</a>
                </li>
              ))}
            </ul>
          </div>
          {props.aside}
        </aside>
      </section>

      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming webinars</h2>
        {props.upcoming.length === 0 ? (
          <p class="muted">No upcoming webinars are scheduled at the moment.</p>
        ) : (
          <ul class="cards">
            {props.upcoming.map((webinar) => (
              <WebinarCard webinar={webinar} zone={viewer.zone} now={now} />
            ))}
          </ul>
        )}
        {props.upcomingTotal > props.upcoming.length ? (
          <p>
            <a href={webinarListHref('upcoming')}>All {props.upcomingTotal} upcoming webinars →</a>
          </p>
        ) : null}
        {props.afterUpcoming}
      </section>

      <section aria-labelledby="past">
        <h2 id="past">Past webinars</h2>
        {props.past.length === 0 ? (
          <p class="muted">None yet: recordings appear here after each webinar.</p>
        ) : (
          <ul class="cards">
            {props.past.map((webinar) => (
              <WebinarCard webinar={webinar} zone={viewer.zone} now={now} />
            ))}
          </ul>
        )}
        {props.pastTotal > props.past.length ? (
          <p>
            <a href={webinarListHref('past')}>All {props.pastTotal} past webinars →</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
}
