// The workspace's list of webinars: every status, time in the programme's zone, seats.
import { t } from '../../../src/i18n/catalogue.js';
import { TableWrap } from '../../components/table-wrap.js';
import { reflow } from '../../components/reflow-table.js';
import type { Webinar } from '../../../src/programme/programme.types.js';
import { LocalTime } from '../../components/local-time.js';

export type WebinarListProps = { webinars: Webinar[]; programmeZone: string; confirmed: Map<number, number>; waiting: Map<number, number> };

export function WebinarList(props: WebinarListProps) {
  return (
    <TableWrap label={t('workspacePages.webinars.title')}>
      <table {...reflow.table}>
        <thead {...reflow.rowgroup}>
          <tr {...reflow.row}>
            <th {...reflow.columnHeader}>{t('workspacePages.webinars.list.webinar')}</th>
            <th {...reflow.columnHeader}>{t('workspacePages.webinars.list.starts', { zone: props.programmeZone })}</th>
            <th {...reflow.columnHeader}>{t('workspacePages.webinars.list.status')}</th>
            <th {...reflow.columnHeader}>{t('workspacePages.webinars.list.seats')}</th>
            <th {...reflow.columnHeader}>
              <span class="visually-hidden">{t('workspacePages.webinars.list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody {...reflow.rowgroup}>
          {props.webinars.map((w) => (
            <tr {...reflow.row}>
              <td {...reflow.cell(undefined, 'row-head')}>
                <a href={`/admin/webinars/${w.slug}`}>
                  <strong>{w.title}</strong>
                </a>
                <span class="clock-date">{w.speakers.map((s) => s.name).join(', ') || t('workspacePages.webinars.list.noSpeakers')}</span>
              </td>
              <td {...reflow.cell(t('workspacePages.webinars.list.startsLabel'))}>
                <LocalTime instant={w.startsAt} zone={props.programmeZone} />
              </td>
              <td {...reflow.cell(t('workspacePages.webinars.list.status'))}>
                <span class={`tag ${w.status === 'published' ? 'live' : w.status === 'draft' ? 'draft' : 'cancelled'}`}>
                  {t(`workspacePages.webinarStatus.${w.status}`)}
                </span>
              </td>
              <td {...reflow.cell(t('workspacePages.webinars.list.seats'))}>
                {props.confirmed.get(w.id) ?? 0}
                {w.capacity !== null ? ` / ${w.capacity}` : ''}
                {(props.waiting.get(w.id) ?? 0) > 0 ? (
                  <span class="clock-date">{t('workspacePages.webinars.list.waiting', { count: props.waiting.get(w.id) ?? 0 })}</span>
                ) : null}
              </td>
              <td {...reflow.cell()}>
                <a href={`/admin/webinars/${w.slug}/registrations`}>{t('workspacePages.webinars.list.registrations')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
