// Confirmed registrations per organisation type as inline SVG horizontal bars, with a table of the
// same numbers: the programme's own measure of success.
import { t } from '../../../src/i18n/catalogue.js';
import { TableWrap } from '../../components/table-wrap.js';
import type { ProgrammeCounts } from '../../../src/admin/registrations-admin.service.js';
import { ORGANISATION_TYPES, organisationTypeLabel } from '../../../src/registration/registration.validation.js';
import { ChartFrame } from './chart-frame.js';
import { round } from './chart-scale.js';

const WIDTH = 360;
const ROW = 44;
// The numbers stand in a column of their own at the right, so that a zero is as easy to read as a ten.
const NUMBER_SPACE = 44;
const TRACK = WIDTH - NUMBER_SPACE;

export function TypeBarsChart({ totals }: { totals: ProgrammeCounts }) {
  const rows = ORGANISATION_TYPES.map((type) => ({
    value: type.value,
    label: organisationTypeLabel(type.value),
    n: totals.byOrganisationType[type.value].registrations,
  }));
  const max = Math.max(1, ...rows.map((row) => row.n));
  const height = rows.length * ROW + 4;
  const scale = TRACK / max;
  const summary = rows.map((row) => `${row.label}: ${row.n}`).join('; ');
  return (
    <ChartFrame
      id="types"
      width={WIDTH}
      height={height}
      title={t('workspacePages.dashboard.types.title')}
      description={t('workspacePages.dashboard.types.description', { summary })}
    >
      {rows.map((row, index) => {
        const top = index * ROW;
        const width = round(row.n * scale);
        return (
          <g>
            <text x="0" y={top + 14} fill="#1c2430">
              {row.label}
            </text>
            {/* The outlined track shows where a bar would be, so that a type nobody came from is a visible empty bar. */}
            <rect x="0.5" y={top + 20.5} width={TRACK - 1} height="15" rx="2" fill="#f4f6f9" stroke="#b8c1cc" class="bar-track" />
            {row.n > 0 ? (
              <rect
                x="0"
                y={top + 20}
                width={width}
                height="16"
                rx="2"
                fill={row.value === 'large-company' || row.value === 'startup' ? '#0b5cad' : '#5a7fae'}
              />
            ) : null}
            <text x={WIDTH} y={top + 33} text-anchor="end" fill="#1c2430" font-weight="600" class="bar-value">
              {row.n}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

export function TypeTotalsTable({ totals }: { totals: ProgrammeCounts }) {
  return (
    <TableWrap label={t('workspacePages.dashboard.types.tableLabel')}>
      <table>
        <caption>{t('workspacePages.dashboard.types.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workspacePages.dashboard.types.type')}</th>
            <th scope="col">{t('workspacePages.dashboard.types.confirmed')}</th>
            <th scope="col">{t('workspacePages.dashboard.types.people')}</th>
          </tr>
        </thead>
        <tbody>
          {ORGANISATION_TYPES.map(({ value }) => (
            <tr>
              <th scope="row">{organisationTypeLabel(value)}</th>
              <td>{totals.byOrganisationType[value].registrations}</td>
              <td>{totals.byOrganisationType[value].attendees}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('workspacePages.dashboard.types.all')}</th>
            <td>
              <strong>{totals.confirmedRegistrations}</strong>
            </td>
            <td>
              <strong>{totals.distinctAttendees}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
