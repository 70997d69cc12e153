// The workspace's outbox over HTTP: the messages by status, and a retry.
import { inRequestLanguage } from '../http/language.js';
import { t } from '../i18n/catalogue.js';
import { message } from '../i18n/message.js';
import { Hono } from 'hono';
import { OutboxPage } from '../../views/admin/outbox-table.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { AppEnv } from '../http/env.js';
import type { OutboxStatus } from '../mail/outbox.mappers.js';
import { listOutbox, outboxSummary, OUTBOX_STATUSES, retryMessage } from '../mail/outbox.service.js';
import { getProgramme } from '../programme/programme.service.js';
import { doneMessage, renderAdminPage } from './admin-page.js';

export type OutboxAdminDeps = {
  db: Db;
  clock: Clock;
  /** Whether an SMTP server is configured: without one, the outbox holds messages. */
  mailConfigured: boolean;
};

/** The message for `?done=` after a redirect, in the language being rendered. */
const doneMessages = () => ({ retried: message('workspacePages.outbox.flash.retried') });

function statusFilter(requested: string | undefined): OutboxStatus | undefined {
  if (requested === undefined || requested === '') return undefined;
  if (!OUTBOX_STATUSES.includes(requested as OutboxStatus))
    throw new ValidationError({ status: t('workspacePages.outbox.error.status', { statuses: OUTBOX_STATUSES.join(', ') }) }, 400);
  return requested as OutboxStatus;
}

export function outboxAdminRoutes(deps: OutboxAdminDeps) {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  app.get('/admin/outbox', async (c) => {
    const status = inRequestLanguage(c, () => statusFilter(c.req.query('status')));
    const [summary, messages, programme] = await Promise.all([outboxSummary(db), listOutbox(db, { status, limit: 200 }), getProgramme(db)]);
    return renderAdminPage(c, db, () => ({
      section: 'outbox',
      title: t('workspacePages.outbox.title'),
      body: (
        <OutboxPage
          summary={summary}
          messages={messages}
          status={status}
          csrfToken={c.get('csrfToken')}
          now={clock.now()}
          zone={programme.defaultZone}
          mailConfigured={deps.mailConfigured}
        />
      ),
      flash: doneMessage(c, doneMessages()),
    }));
  });

  app.post('/admin/outbox/:id/retry', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(message('workspacePages.outbox.error.noSuchMessage'));
    await retryMessage(db, clock, id);
    return c.redirect('/admin/outbox?done=retried', 303);
  });

  return app;
}
