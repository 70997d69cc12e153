// SQL for the email outbox: writing messages, claiming them for sending and recording the outcome.
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { forUpdate, forUpdateSkipLocked } from '../db/dialect.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { NewOutboxMessage, OutboxRow, OutboxStatus, OutboxTable } from '../db/schema.js';
import type { Updateable } from 'kysely';

/** Messages that have not started going out: still to be claimed by a worker. */
const UNSENT: OutboxStatus[] = ['pending', 'held'];

/** Returns the new message's id, or undefined when a message with the same dedupe key exists. */
export async function insertOutboxMessage(db: Db, message: NewOutboxMessage): Promise<number | undefined> {
  return (await insertMessage(db, message)).rows[0]?.id;
}

// Every registration queues an email: prepared (see src/db/prepared-query.ts).
const insertMessage = preparedQuery((db, message: NewOutboxMessage) =>
  db
    .insertInto('outbox')
    .values(message)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id'),
);

/**
 * The unsent messages of one kind about a webinar, locked on PostgreSQL (FOR UPDATE): a worker's
 * claim (FOR UPDATE SKIP LOCKED) passes them by until the caller's transaction ends, and a claim
 * that came first makes them drop out of this list. On SQLite the transaction holds the writer.
 */
export async function lockUnsentMessages(db: Db, webinarId: number, kind: string) {
  return forUpdate(
    db,
    db
      .selectFrom('outbox')
      .select(['id', 'attendee_id', 'dedupe_key', 'next_attempt_at'])
      .where('webinar_id', '=', webinarId)
      .where('kind', '=', kind)
      .where('status', 'in', UNSENT)
      .orderBy('id'),
  ).execute();
}

/** Changes a message only while no worker has claimed it; false otherwise. */
export async function rewriteUnsentMessage(db: Db, id: number, changes: Updateable<OutboxTable>): Promise<boolean> {
  const result = await db.updateTable('outbox').set(changes).where('id', '=', id).where('status', 'in', UNSENT).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Drops a message that no worker has claimed (nothing left to say); false otherwise. */
export async function deleteUnsentMessage(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('outbox').where('id', '=', id).where('status', 'in', UNSENT).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function findOutboxMessage(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Moves up to `limit` due messages from pending to sending for `worker` until `until`, and returns
 * them, oldest due first. One UPDATE, so two workers never claim the same message: on SQLite it
 * runs under the write lock; on PostgreSQL the rows are picked with FOR UPDATE SKIP LOCKED, so a
 * second instance claims the next messages instead of waiting for the first one's.
 */
export async function claimDueMessages(db: Db, options: { now: string; limit: number; worker: string; until: string }): Promise<OutboxRow[]> {
  // A materialised CTE, evaluated once: PostgreSQL may evaluate `id IN (SELECT … LIMIT n FOR
  // UPDATE SKIP LOCKED)` once per row and claim more than n.
  const rows = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        forUpdateSkipLocked(
          db,
          qb
            .selectFrom('outbox')
            .select('id')
            .where('status', '=', 'pending')
            .where('next_attempt_at', '<=', options.now)
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(options.limit),
        ),
    )
    .updateTable('outbox')
    .from('due')
    .set({ status: 'sending', claimed_by: options.worker, claimed_until: options.until, updated_at: options.now })
    .whereRef('outbox.id', '=', 'due.id')
    .where('outbox.status', '=', 'pending')
    // `RETURNING *` (SQLite knows no `outbox.*` there); the CTE adds only `id`, the same value.
    .returningAll()
    .execute();
  // RETURNING gives no order guarantee.
  return rows.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id - b.id);
}

/** Keeps a message the worker is still sending; false when the claim is no longer the worker's. */
export async function extendClaim(db: Db, id: number, options: { worker: string; until: string }): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ claimed_until: options.until })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', options.worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The outcome of a send, recorded only while the message is still this worker's: when its claim
 * ran out (a stalled process) and another worker took it over, this worker's late answer must not
 * put a sent message back in the queue. False when the claim was no longer the worker's.
 */
export async function markSent(db: Db, id: number, outcome: { worker: string; messageId: string; now: string }): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'sent', message_id: outcome.messageId, sent_at: outcome.now, updated_at: outcome.now, claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', outcome.worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed attempt: back to pending until `retryAt`, or failed for good when `retryAt` is null (see markSent for false). */
export async function markAttemptFailed(
  db: Db,
  id: number,
  outcome: { worker: string; attempts: number; lastError: string; retryAt: string | null; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: outcome.retryAt === null ? 'failed' : 'pending',
      attempts: outcome.attempts,
      last_error: outcome.lastError,
      ...(outcome.retryAt === null ? {} : { next_attempt_at: outcome.retryAt }),
      updated_at: outcome.now,
      claimed_by: null,
      claimed_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', outcome.worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Gives back messages whose worker's claim ran out: it stopped or crashed while sending (a live
 * worker extends its claim while the server answers). The interrupted send counts as an attempt. A
 * first interruption is retried at once (a restart after a crash should send); one interrupted
 * again without any answer from the server in between (its last error is still the interruption)
 * waits until `slowRetryAt`, so that a message that kills the worker every time is tried a few
 * times a day instead of in a loop, and never dropped. It keeps its Message-ID (see mailer.ts), so
 * a server that did accept the interrupted copy can recognise the second.
 */
export async function recoverStaleSending(db: Db, options: { now: string; slowRetryAt: string; reason: string }): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'pending',
      attempts: sql<number>`attempts + 1`,
      last_error: options.reason,
      next_attempt_at: sql<string>`case when last_error is not distinct from ${options.reason} then ${options.slowRetryAt} else ${options.now} end`,
      updated_at: options.now,
      claimed_by: null,
      claimed_until: null,
    })
    .where('status', '=', 'sending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', options.now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A webinar moved: its unsent emails that expire with it (not_after set) now expire at its new
 * end. Reminders keep theirs: they expire at the start they were written for.
 */
export async function moveExpiryOfWebinarMail(db: Db, webinarId: number, notAfter: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ not_after: notAfter })
    .where('webinar_id', '=', webinarId)
    .where('status', 'in', ['pending', 'held'])
    .where('not_after', 'is not', null)
    .where('kind', 'not like', 'reminder-%')
    .execute();
}

/** Parks every pending message while no mail server is configured. */
export async function holdPendingMessages(db: Db, now: string): Promise<number> {
  const result = await db.updateTable('outbox').set({ status: 'held', updated_at: now }).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Returns held messages to pending; each keeps the time it was due, so a backoff still applies. */
export async function releaseHeldMessages(db: Db, now: string): Promise<number> {
  const result = await db.updateTable('outbox').set({ status: 'pending', updated_at: now }).where('status', '=', 'held').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Makes a failed, held or pending message due now with a fresh attempt count; returns false otherwise. */
export async function resetForRetry(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'held', 'pending'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listOutboxMessages(db: Db, options: { status?: OutboxStatus | undefined; limit: number }): Promise<OutboxRow[]> {
  let query = db.selectFrom('outbox').selectAll();
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function countOutboxByStatus(db: Db): Promise<Array<{ status: OutboxStatus; count: number }>> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}
