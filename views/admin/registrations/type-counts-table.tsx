// A webinar's registrations per organisation type and status, with the totals underneath.
import { t } from '../../../src/i18n/catalogue.js';
import { TableWrap } from '../../components/table-wrap.js';
import type { RegistrationCounts } from '../../../src/admin/registrations-admin.service.js';
import { ORGANISATION_TYPES, organisationTypeLabel } from '../../../src/registration/registration.validation.js';

export function TypeCountsTable({ counts, caption }: { counts: RegistrationCounts; caption: string }) {
  return (
    <TableWrap label={t('workspacePages.registrations.types.label')}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workspacePages.registrations.types.type')}</th>
            <th scope="col">{t('workspacePages.registrations.types.confirmed')}</th>
            <th scope="col">{t('workspacePages.registrations.types.waiting')}</th>
            <th scope="col">{t('workspacePages.registrations.types.cancelled')}</th>
          </tr>
        </thead>
        <tbody>
          {ORGANISATION_TYPES.map(({ value }) => {
            const row = counts.byOrganisationType[value];
            return (
              <tr>
                <th scope="row">{organisationTypeLabel(value)}</th>
                <td>{row.confirmed}</td>
                <td>{row.waitlisted}</td>
                <td>{row.cancelled}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('workspacePages.registrations.types.all')}</th>
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
