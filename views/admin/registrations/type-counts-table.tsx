// A webinar's registrations per organisation type and status, with the totals underneath.
import { TableWrap } from '../../components/table-wrap.js';
import type { RegistrationCounts } from '../../../src/admin/registrations-admin.service.js';
import { ORGANISATION_TYPES } from '../../../src/registration/registration.validation.js';

export function TypeCountsTable({ counts, caption }: { counts: RegistrationCounts; caption: string }) {
  return (
    <TableWrap label="Counts by organisation type">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Organisation type</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Waiting list</th>
            <th scope="col">Cancelled</th>
          </tr>
        </thead>
        <tbody>
          {ORGANISATION_TYPES.map(({ value, label }) => {
            const row = counts.byOrganisationType[value];
            return (
              <tr>
                <th scope="row">{label}</th>
                <td>{row.confirmed}</td>
                <td>{row.waitlisted}</td>
                <td>{row.cancelled}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            <td>
              <strong>{counts.byStatus.confirmed}</strong>
            </td>
            <td>
              <strong>{counts.byStatus.waitlisted}</strong>
            </td>
            <td>
              <strong>{counts.byStatus.cancelled}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
