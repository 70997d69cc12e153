// The workspace's list of webinars: every status, time in the programme's zone, seats.
import { TableWrap } from '../../components/table-wrap.js';
import type { Webinar } from '../../../src/programme/programme.types.js';
import { LocalTime } from '../../components/local-time.js';

export type WebinarListProps = { webinars: Webinar[]; programmeZone: string; confirmed: Map<number, number>; waiting: Map<number, number> };

export function WebinarList(props: WebinarListProps) {
  return (
    <TableWrap label="Webinars">
      <table>
        <thead>
          <tr>
            <th scope="col">Webinar</th>
            <th scope="col">Starts ({props.programmeZone})</th>
            <th scope="col">Status</th>
            <th scope="col">Seats</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.webinars.map((w) => (
            <tr>
              <td>
                <a href={`/admin/webinars/${w.slug}`}>
                  <strong>{w.title}</strong>
                </a>
                <span class="clock-date">{w.speakers.map((s) => s.name).join(', ') || 'No speakers yet'}</span>
              </td>
              <td>
                <LocalTime instant={w.startsAt} zone={props.programmeZone} />
              </td>
              <td>
                <span class={`tag ${w.status === 'published' ? 'live' : w.status === 'draft' ? 'draft' : 'cancelled'}`}>{w.status}</span>
              </td>
              <td>
                {props.confirmed.get(w.id) ?? 0}
                {w.capacity !== null ? ` / ${w.capacity}` : ''}
                {(props.waiting.get(w.id) ?? 0) > 0 ? <span class="clock-date">{props.waiting.get(w.id)} waiting</span> : null}
              </td>
              <td>
                <a href={`/admin/webinars/${w.slug}/registrations`}>Registrations</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
