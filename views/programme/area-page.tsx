// GET /areas/:slug: the webinars of one knowledge area.
import type { Child } from 'hono/jsx';
import type { DateTime } from 'luxon';
import type { Area, Programme, Webinar } from '../../src/programme/programme.types.js';
import { WebinarCard } from '../components/webinar-card.js';
import { Layout, type ViewerZoneProps } from '../layout.js';

export type AreaPageProps = {
  programme: Programme;
  area: Area;
  upcoming: Webinar[];
  past: Webinar[];
  viewer: ViewerZoneProps;
  now: DateTime;
  aside?: Child;
};

export function AreaPage(props: AreaPageProps) {
  const { area, viewer, now } = props;
  return (
    <Layout title={area.name} siteTitle={props.programme.title} viewer={viewer} nav="programme" description={area.description}>
      <p class="small">
        <a href="/">← Programme</a>
      </p>
      <div class="layout-2">
        <div>
          <p class="tag">Knowledge area</p>
          <h1>{area.name}</h1>
          <p class="lead">{area.description}</p>
        </div>
        <aside>{props.aside}</aside>
      </div>
      <h2>Upcoming</h2>
      {props.upcoming.length === 0 ? (
        <p class="muted">No upcoming webinars in this area.</p>
      ) : (
        <ul class="cards">
          {props.upcoming.map((webinar) => (
            <WebinarCard webinar={webinar} zone={viewer.zone} now={now} />
          ))}
        </ul>
      )}
      <h2>Past</h2>
      {props.past.length === 0 ? (
        <p class="muted">No past webinars in this area yet.</p>
      ) : (
        <ul class="cards">
          {props.past.map((webinar) => (
            <WebinarCard webinar={webinar} zone={viewer.zone} now={now} />
          ))}
        </ul>
      )}
    </Layout>
  );
}
