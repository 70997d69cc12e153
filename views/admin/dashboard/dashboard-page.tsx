// /admin: seats and audience mix per webinar, programme totals, and the two charts.
import { t } from '../../../src/i18n/catalogue.js';
import { TableWrap } from '../../components/table-wrap.js';
import type { Dashboard, DashboardWebinar } from '../../../src/admin/dashboard.service.js';
import { ORGANISATION_TYPES, organisationTypeLabel } from '../../../src/registration/registration.validation.js';
import { LocalTime } from '../../components/local-time.js';
import { AdminLayout, type AdminLayoutProps } from '../admin-layout.js';
import { audienceSentence } from './dashboard-sentences.js';
import { TimelineChart, TimelineTable } from './timeline-chart.js';
import { TypeBarsChart, TypeTotalsTable } from './type-bars-chart.js';

export type DashboardPageProps = Pick<AdminLayoutProps, 'siteTitle' | 'coordinator' | 'csrfToken'> & { dashboard: Dashboard };

function WebinarRows({ rows, zone, caption }: { rows: DashboardWebinar[]; zone: string; caption: string }) {
  if (rows.length === 0) return <p class="muted">{t('workspacePages.none')}</p>;
  return (
    <TableWrap label={t('workspacePages.dashboard.webinars')}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workspacePages.dashboard.webinar')}</th>
            <th scope="col">{t('workspacePages.dashboard.confirmedOfSeats')}</th>
            <th scope="col">{t('workspacePages.dashboard.waiting')}</th>
            {ORGANISATION_TYPES.map((type) => (
              <th scope="col">{organisationTypeLabel(type.value)}</th>
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
                    <span class={`tag ${webinar.status === 'cancelled' ? 'cancelled' : 'draft'}`}>{t(`workspacePages.webinarStatus.${webinar.status}`)}</span>
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
              {ORGANISATION_TYPES.map((type) => (
                <td>{counts.byOrganisationType[type.value].confirmed}</td>
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
    <AdminLayout
      title={t('workspacePages.dashboard.title')}
      siteTitle={props.siteTitle}
      coordinator={props.coordinator}
      csrfToken={props.csrfToken}
      section="dashboard"
    >
      <h1>{t('workspacePages.dashboard.title')}</h1>
      <p class="lead">
        {audienceSentence(totals)} {t('workspacePages.dashboard.zone', { zone })}
      </p>

      <h2>{t('workspacePages.dashboard.upcoming')}</h2>
      <WebinarRows rows={dashboard.upcoming} zone={zone} caption={t('workspacePages.dashboard.upcomingCaption')} />
      <h2>{t('workspacePages.dashboard.past')}</h2>
      <WebinarRows rows={dashboard.past} zone={zone} caption={t('workspacePages.dashboard.pastCaption')} />

      <h2>{t('workspacePages.dashboard.whoRegisters')}</h2>
      <TypeBarsChart totals={totals} />
      <TypeTotalsTable totals={totals} />

      <h2>{t('workspacePages.dashboard.overTime')}</h2>
      <TimelineChart timeline={dashboard.timeline} />
      <TimelineTable timeline={dashboard.timeline} />
    </AdminLayout>
  );
}
