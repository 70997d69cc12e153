// Queues emails in the outbox, and the coordinator's view of it: list, counts per status, retry.
import type { DateTime } from 'luxon';
import { message } from '../i18n/message.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { IcsMethod, OutboxRow, OutboxStatus } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { storedInstantAt } from '../time/index.js';
import { toOutboxMessage, type OutboxMessage } from './outbox.mappers.js';
import {
  countOutboxByStatus,
  deleteUnsentMessage,
  findOutboxMessage,
  lockUnsentMessages,
  insertOutboxMessage,
  moveExpiryOfWebinarMail,
  listOutboxMessages,
  resetForRetry,
  rewriteUnsentMessage,
} from './outbox.repository.js';

export type OutgoingEmail = {
  /** What the message is about: 'registration-confirmed', 'waitlisted', 'reminder-24h', ... */
  kind: string;
  to: { address: string; name: string };
  subject: string;
  /** Plain-text body, always present. */
  text: string;
  html?: string | null;
  /** An iCalendar invite, sent as a text/calendar alternative so mail clients show an invitation. */
  ics?: { method: IcsMethod; content: string } | null;
  /** A second enqueue with the same key is silently ignored (exactly-once reminders). */
  dedupeKey?: string | null;
  webinarId?: number | null;
  attendeeId?: number | null;
  /** Not sent after this instant: a reminder that arrives after the start is worse than none. */
  notAfter?: DateTime | null;
  /** Not sent before this instant (an announcement gathering what is added meanwhile); now when absent. */
  notBefore?: DateTime | null;
};

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'held', 'sending', 'sent', 'failed'];

/**
 * Outbox instants are whole seconds: the worker compares them as text in SQL, and "12:00:00.5Z"
 * sorts before "12:00:00Z".
 */
/**
 * The unsent emails of one kind about a webinar, held for the caller's transaction: a worker's claim
 * passes them by until it ends (see lockUnsentMessages). For features that rewrite what is queued.
 */
export function lockUnsentEmails(trx: Db, webinarId: number, kind: string) {
  return lockUnsentMessages(trx, webinarId, kind);
}

/** Drops an email that no worker has claimed yet (nothing left to say); false when it was claimed. */
export function deleteUnsentEmail(trx: Db, id: number): Promise<boolean> {
  return deleteUnsentMessage(trx, id);
}

export function outboxTimestamp(instant: DateTime): string {
  // The whole second, in milliseconds: every queued email asks (luxon's startOf made a DateTime).
  return storedInstantAt(Math.floor(instant.toMillis() / 1000) * 1000);
}

/**
 * Queues a message with the db it is given: pass the caller's transaction so that the email is
 * written together with the change that causes it, or not at all. False when a message with the
 * same dedupe key was queued before.
 */
/** What a message says and to whom, as the outbox stores it (queued, or rewritten while unsent). */
function contentColumns(message: OutgoingEmail) {
  return {
    to_address: message.to.address,
    to_name: message.to.name,
    subject: message.subject,
    text_body: message.text,
    html_body: message.html ?? null,
    ics_content: message.ics?.content ?? null,
    ics_method: message.ics?.method ?? null,
    dedupe_key: message.dedupeKey ?? null,
  };
}

export async function enqueueEmail(db: Db, clock: Clock, message: OutgoingEmail): Promise<boolean> {
  const now = outboxTimestamp(clock.now());
  const id = await insertOutboxMessage(db, {
    kind: message.kind,
    ...contentColumns(message),
    webinar_id: message.webinarId ?? null,
    attendee_id: message.attendeeId ?? null,
    status: 'pending',
    attempts: 0,
    next_attempt_at: message.notBefore ? outboxTimestamp(message.notBefore) : now,
    last_error: null,
    message_id: null,
    created_at: now,
    updated_at: now,
    sent_at: null,
    not_after: message.notAfter ? outboxTimestamp(message.notAfter) : null,
  });
  return id !== undefined;
}

/**
 * Rewrites a message that has not started going out (pending or held) with new content, and moves
 * its due time when `notBefore` is given. False when a worker claimed it meanwhile: it goes out as
 * it was, and the caller must treat it as sent. On PostgreSQL the caller locks the row first (see
 * lockUnsentMessages), so the claim and the rewrite take turns; on SQLite they share the one writer.
 */
export async function replaceUnsentEmail(db: Db, clock: Clock, id: number, message: OutgoingEmail): Promise<boolean> {
  const now = outboxTimestamp(clock.now());
  return rewriteUnsentMessage(db, id, {
    ...contentColumns(message),
    updated_at: now,
    ...(message.notBefore ? { next_attempt_at: outboxTimestamp(message.notBefore) } : {}),
  });
}

/** A webinar moved: its unsent emails that were to expire at its end follow it (see the repository). */
export async function moveWebinarMailExpiry(db: Db, webinarId: number, endsAt: DateTime): Promise<void> {
  await moveExpiryOfWebinarMail(db, webinarId, outboxTimestamp(endsAt));
}

/** The admin "retry" button: a failed, held or pending message becomes due now with a fresh schedule. */
export async function retryMessage(db: Db, clock: Clock, id: number): Promise<OutboxRow> {
  return inTransaction(db, async (trx) => {
    const row = await findOutboxMessage(trx, id);
    if (!row) throw new NotFoundError(message('refusals.missing.email', { id: String(id) }));
    if (!(await resetForRetry(trx, id, outboxTimestamp(clock.now())))) {
      throw new ConflictError(message(row.status === 'sent' ? 'refusals.outbox.sent' : 'refusals.outbox.sending', { id: String(id) }));
    }
    return (await findOutboxMessage(trx, id))!;
  });
}

/** How many messages are in each status, zero included, for the admin dashboard. */
export async function outboxSummary(db: Db): Promise<Record<OutboxStatus, number>> {
  const summary = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
  for (const { status, count } of await countOutboxByStatus(db)) summary[status] = count;
  return summary;
}

/** Newest first. */
export async function listOutbox(db: Db, options: { status?: OutboxStatus | undefined; limit: number }): Promise<OutboxMessage[]> {
  return (await listOutboxMessages(db, options)).map(toOutboxMessage);
}
