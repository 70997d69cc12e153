// The workspace's list of webinars: every status, time in the programme's zone, seats.
import { TableWrap } from '../../components/table-wrap.js';
import { reflow } from '../../components/reflow-table.js';
import type { Webinar } from '../../../src/programme/programme.types.js';
import { LocalTime } from '../../components/local-time.js';

export type WebinarListProps = { webinars: Webinar[]; programmeZone: string; confirmed: Map<number, number>; waiting: Map<number, number> };

export function WebinarList(props: WebinarListProps) {
  return (
    <TableWrap label="Webinars">
      <table {...reflow.table}>
        <thead {...reflow.rowgroup}>
          <tr {...reflow.row}>
            <th {...reflow.columnHeader}>Webinar</th>
            <th {...reflow.columnHeader}>Starts ({props.programmeZone})</th>
            <th {...reflow.columnHeader}>Status</th>
            <th {...reflow.columnHeader}>Seats</th>
            <th {...reflow.columnHeader}>
              <span class="visually-hidden">Actions</span>
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
                <span class="clock-date">{w.speakers.map((s) => s.name).join(', ') || 'No speakers yet'}</span>
              </td>
              <td {...reflow.cell('Starts')}>
                <LocalTime instant={w.startsAt} zone={props.programmeZone} />
              </td>
              <td {...reflow.cell('Status')}>
                <span class={`tag ${w.status === 'published' ? 'live' : w.status === 'draft' ? 'draft' : 'cancelled'}`}>{w.status}</span>
              </td>
              <td {...reflow.cell('Seats')}>
                {props.confirmed.get(w.id) ?? 0}
                {w.capacity !== null ? ` / ${w.capacity}` : ''}
                {(props.waiting.get(w.id) ?? 0) > 0 ? <span class="clock-date">{props.waiting.get(w.id)} waiting</span> : null}
              </td>
              <td {...reflow.cell()}>
                <a href={`/admin/webinars/${w.slug}/registrations`}>Registrations</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
