// /admin: seats and audience mix per webinar, programme totals, and the two charts.
import { TableWrap } from '../../components/table-wrap.js';
import type { Dashboard, DashboardWebinar } from '../../../src/admin/dashboard.service.js';
import { ORGANISATION_TYPES } from '../../../src/registration/registration.validation.js';
import { LocalTime } from '../../components/local-time.js';
import { AdminLayout, type AdminLayoutProps } from '../admin-layout.js';
import { audienceSentence } from './dashboard-sentences.js';
import { TimelineChart, TimelineTable } from './timeline-chart.js';
import { TypeBarsChart, TypeTotalsTable } from './type-bars-chart.js';

export type DashboardPageProps = Pick<AdminLayoutProps, 'siteTitle' | 'coordinator' | 'csrfToken'> & { dashboard: Dashboard };

function WebinarRows({ rows, zone, caption }: { rows: DashboardWebinar[]; zone: string; caption: string }) {
  if (rows.length === 0) return <p class="muted">None.</p>;
  return (
    <TableWrap label="Webinars">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Webinar</th>
            <th scope="col">Confirmed / seats</th>
            <th scope="col">Waiting</th>
            {ORGANISATION_TYPES.map((t) => (
              <th scope="col">{t.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ webinar, counts }) => (
            <tr>
              <th scope="row">
                <a href={`/admin/webinars/${webinar.slug}/registrations`}>{webinar.title}</a>
                {webinar.status !== 'published' ? (
                  <>
                    {' '}
                    <span class={`tag ${webinar.status === 'cancelled' ? 'cancelled' : 'draft'}`}>{webinar.status}</span>
                  </>
                ) : null}
                <br />
                <span class="small muted">
                  <LocalTime instant={webinar.startsAt} zone={zone} />
                </span>
              </th>
              <td>
                {counts.byStatus.confirmed} / {webinar.capacity ?? '∞'}
              </td>
              <td>{counts.byStatus.waitlisted}</td>
              {ORGANISATION_TYPES.map((t) => (
                <td>{counts.byOrganisationType[t.value].confirmed}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function DashboardPage(props: DashboardPageProps) {
  const { dashboard } = props;
  const { totals } = dashboard;
  const zone = dashboard.programme.defaultZone;
  return (
    <AdminLayout title="Dashboard" siteTitle={props.siteTitle} coordinator={props.coordinator} csrfToken={props.csrfToken} section="dashboard">
      <h1>Dashboard</h1>
      <p class="lead">
        {audienceSentence(totals)} Times and days are shown for {zone}.
      </p>

      <h2>Upcoming webinars</h2>
      <WebinarRows rows={dashboard.upcoming} zone={zone} caption="Upcoming webinars: seats, waiting list and confirmed registrations by organisation type" />
      <h2>Past webinars</h2>
      <WebinarRows rows={dashboard.past} zone={zone} caption="Past webinars: seats, waiting list and confirmed registrations by organisation type" />

      <h2>Who registers</h2>
      <TypeBarsChart totals={totals} />
      <TypeTotalsTable totals={totals} />

      <h2>Registrations over time</h2>
      <TimelineChart timeline={dashboard.timeline} />
      <TimelineTable timeline={dashboard.timeline} />
    </AdminLayout>
  );
}
