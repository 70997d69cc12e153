// The outbox as coordinators see it: counts per status, each message with its error, its next try and a retry.
import type { DateTime } from 'luxon';
import { TableWrap } from '../components/table-wrap.js';
import { reflow } from '../components/reflow-table.js';
import type { OutboxMessage, OutboxStatus } from '../../src/mail/outbox.mappers.js';
import { zoneCity } from '../../src/time/index.js';
import { LocalTime } from '../components/local-time.js';
import { CsrfField } from '../components/form-kit.js';

export type OutboxTableProps = {
  summary: Record<OutboxStatus, number>;
  messages: OutboxMessage[];
  status?: OutboxStatus;
  csrfToken: string;
  /** To tell a next try that is due already from one still to come. */
  now: DateTime;
  /** The programme's zone: the workspace shows every time in it. */
  zone: string;
};

const LABEL: Record<OutboxStatus, string> = { pending: 'Pending', held: 'Held', sending: 'Sending', sent: 'Sent', failed: 'Failed' };

/** The messages that wait for a try: the worker sends them once their next try is due. */
function waiting(status: OutboxStatus): boolean {
  return status === 'pending' || status === 'held';
}

function attemptsSoFar(attempts: number): string {
  return attempts === 0 ? 'not tried yet' : `${attempts} attempt${attempts === 1 ? '' : 's'} so far`;
}

/** The outbox page's content; without a mail server, it says that messages are held. */
export function OutboxPage(props: OutboxTableProps & { mailConfigured: boolean }) {
  return (
    <>
      <h1>Outbox</h1>
      {props.mailConfigured ? null : <p class="notice warn">No SMTP_URL is configured: messages are held here, safe, and go out once a mail server is set.</p>}
      <OutboxTable {...props} />
    </>
  );
}

export function OutboxTable(props: OutboxTableProps) {
  return (
    <>
      <nav aria-label="Filter by status" class="actions" style="margin-bottom:1rem">
        <a class={`button small ${props.status ? 'secondary' : ''}`} href="/admin/outbox" aria-current={props.status ? undefined : 'page'}>
          All
        </a>
        {(Object.keys(LABEL) as OutboxStatus[]).map((status) => (
          <a
            class={`button small ${props.status === status ? '' : 'secondary'}`}
            href={`/admin/outbox?status=${status}`}
            aria-current={props.status === status ? 'page' : undefined}
          >
            {LABEL[status]} ({props.summary[status]})
          </a>
        ))}
      </nav>
      {props.messages.length === 0 ? (
        <p class="muted">No messages{props.status ? ` with status “${LABEL[props.status]}”` : ''}.</p>
      ) : (
        <TableWrap label="Outbox messages">
          <table {...reflow.table}>
            <thead {...reflow.rowgroup}>
              <tr {...reflow.row}>
                <th {...reflow.columnHeader}>Message</th>
                <th {...reflow.columnHeader}>To</th>
                <th {...reflow.columnHeader}>Status</th>
                <th {...reflow.columnHeader}>Queued ({zoneCity(props.zone)})</th>
                <th {...reflow.columnHeader}>Next try ({zoneCity(props.zone)})</th>
                <th {...reflow.columnHeader}>
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody {...reflow.rowgroup}>
              {props.messages.map((m) => (
                <tr {...reflow.row}>
                  <td {...reflow.cell(undefined, 'row-head')}>
                    {m.subject}
                    <span class="clock-date">
                      {m.kind}
                      {m.icsMethod ? ` · invite ${m.icsMethod}` : ''}
                    </span>
                  </td>
                  <td {...reflow.cell('To')}>{m.toAddress}</td>
                  <td {...reflow.cell('Status')}>
                    <span class={`tag ${m.status === 'sent' ? 'live' : m.status === 'failed' ? 'cancelled' : 'draft'}`}>{LABEL[m.status]}</span>
                    {m.attempts > 0 && !waiting(m.status) ? <span class="clock-date">{m.attempts} attempt(s)</span> : null}
                    {m.lastError ? (
                      <span class="clock-date" style="color:var(--bad)">
                        {m.lastError}
                      </span>
                    ) : null}
                  </td>
                  <td {...reflow.cell('Queued')}>
                    <LocalTime instant={m.createdAt} zone={props.zone} />
                  </td>
                  <td {...reflow.cell('Next try')}>
                    {waiting(m.status) ? (
                      <>
                        <LocalTime instant={m.nextAttemptAt} zone={props.zone} />
                        {m.nextAttemptAt <= props.now ? <span class="clock-date">due now</span> : null}
                        <span class="clock-date">{attemptsSoFar(m.attempts)}</span>
                        {m.status === 'held' ? <span class="clock-date">held until a mail server is configured (SMTP_URL)</span> : null}
                      </>
                    ) : null}
                  </td>
                  <td {...reflow.cell()}>
                    {m.status === 'failed' || m.status === 'held' || m.status === 'pending' ? (
                      <form method="post" action={`/admin/outbox/${m.id}/retry`} class="inline-form">
                        <CsrfField token={props.csrfToken} />
                        <button type="submit" class="secondary small">
                          {m.status === 'pending' ? 'Send now' : 'Retry'}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
