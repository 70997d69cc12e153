// The outbox as coordinators see it: counts per status, each message with its error, its next try and a retry.
import { t } from '../../src/i18n/catalogue.js';
import type { DateTime } from 'luxon';
import { TableWrap } from '../components/table-wrap.js';
import { reflow } from '../components/reflow-table.js';
import type { OutboxMessage, OutboxStatus } from '../../src/mail/outbox.mappers.js';
import { zoneCityIn } from '../../src/time/index.js';
import { currentLanguage } from '../../src/i18n/current-language.js';
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

const STATUSES: readonly OutboxStatus[] = ['pending', 'held', 'sending', 'sent', 'failed'];

/** A status's name in the language being rendered. */
const label = (status: OutboxStatus) => t(`workspacePages.outbox.status.${status}`);

/** The messages that wait for a try: the worker sends them once their next try is due. */
function waiting(status: OutboxStatus): boolean {
  return status === 'pending' || status === 'held';
}

function attemptsSoFar(attempts: number): string {
  return attempts === 0 ? t('workspacePages.outbox.notTried') : t('workspacePages.outbox.attemptsSoFar', { count: attempts });
}

/** The outbox page's content; without a mail server, it says that messages are held. */
export function OutboxPage(props: OutboxTableProps & { mailConfigured: boolean }) {
  return (
    <>
      <h1>{t('workspacePages.outbox.title')}</h1>
      {props.mailConfigured ? null : <p class="notice warn">{t('workspacePages.outbox.noSmtp')}</p>}
      <OutboxTable {...props} />
    </>
  );
}

export function OutboxTable(props: OutboxTableProps) {
  return (
    <>
      <nav aria-label={t('workspacePages.outbox.filterLabel')} class="actions" style="margin-bottom:1rem">
        <a class={`button small ${props.status ? 'secondary' : ''}`} href="/admin/outbox" aria-current={props.status ? undefined : 'page'}>
          {t('workspacePages.outbox.all')}
        </a>
        {STATUSES.map((status) => (
          <a
            class={`button small ${props.status === status ? '' : 'secondary'}`}
            href={`/admin/outbox?status=${status}`}
            aria-current={props.status === status ? 'page' : undefined}
          >
            {label(status)} ({props.summary[status]})
          </a>
        ))}
      </nav>
      {props.messages.length === 0 ? (
        <p class="muted">{props.status ? t('workspacePages.outbox.noneWithStatus', { status: label(props.status) }) : t('workspacePages.outbox.none')}</p>
      ) : (
        <TableWrap label={t('workspacePages.outbox.tableLabel')}>
          <table {...reflow.table}>
            <thead {...reflow.rowgroup}>
              <tr {...reflow.row}>
                <th {...reflow.columnHeader}>{t('workspacePages.outbox.column.message')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.outbox.column.to')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.outbox.column.status')}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.outbox.column.queued', { city: zoneCityIn(props.zone, currentLanguage()) })}</th>
                <th {...reflow.columnHeader}>{t('workspacePages.outbox.column.nextTry', { city: zoneCityIn(props.zone, currentLanguage()) })}</th>
                <th {...reflow.columnHeader}>
                  <span class="visually-hidden">{t('workspacePages.outbox.column.actions')}</span>
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
                      {m.icsMethod ? t('workspacePages.outbox.invite', { method: m.icsMethod }) : ''}
                    </span>
                  </td>
                  <td {...reflow.cell(t('workspacePages.outbox.column.to'))}>{m.toAddress}</td>
                  <td {...reflow.cell(t('workspacePages.outbox.column.status'))}>
                    <span class={`tag ${m.status === 'sent' ? 'live' : m.status === 'failed' ? 'cancelled' : 'draft'}`}>{label(m.status)}</span>
                    {m.attempts > 0 && !waiting(m.status) ? <span class="clock-date">{t('workspacePages.outbox.attempts', { count: m.attempts })}</span> : null}
                    {m.lastError ? (
                      <span class="clock-date" style="color:var(--bad)">
                        {m.lastError}
                      </span>
                    ) : null}
                  </td>
                  <td {...reflow.cell(t('workspacePages.outbox.column.queuedLabel'))}>
                    <LocalTime instant={m.createdAt} zone={props.zone} />
                  </td>
                  <td {...reflow.cell(t('workspacePages.outbox.column.nextTryLabel'))}>
                    {waiting(m.status) ? (
                      <>
                        <LocalTime instant={m.nextAttemptAt} zone={props.zone} />
                        {m.nextAttemptAt <= props.now ? <span class="clock-date">{t('workspacePages.outbox.dueNow')}</span> : null}
                        <span class="clock-date">{attemptsSoFar(m.attempts)}</span>
                        {m.status === 'held' ? <span class="clock-date">{t('workspacePages.outbox.heldUntil')}</span> : null}
                      </>
                    ) : null}
                  </td>
                  <td {...reflow.cell()}>
                    {m.status === 'failed' || m.status === 'held' || m.status === 'pending' ? (
                      <form method="post" action={`/admin/outbox/${m.id}/retry`} class="inline-form">
                        <CsrfField token={props.csrfToken} />
                        <button type="submit" class="secondary small">
                          {m.status === 'pending' ? t('workspacePages.outbox.sendNow') : t('workspacePages.outbox.retry')}
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
