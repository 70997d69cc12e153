import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/errors.js';
import { enqueueEmail, listOutbox, outboxSummary, retryMessage } from '../../src/mail/outbox.service.js';
import { buildMailDb, sampleEmail } from './mail-helpers.js';

describe('enqueueEmail', () => {
  it('stores a pending message that is due at once, with every field', async () => {
    const { db, clock } = await buildMailDb();
    await enqueueEmail(db, clock, {
      ...sampleEmail(),
      html: '<p>Välkommen</p>',
      ics: { method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' },
      dedupeKey: 'confirmed:1:1',
    });

    const rows = await db.selectFrom('outbox').selectAll().execute();
    expect(rows).toEqual([
      {
        id: 1,
        kind: 'registration-confirmed',
        to_address: 'ada@example.com',
        to_name: 'Ada Lovelace',
        subject: 'You are registered: Partnership models',
        text_body: 'Välkommen, Ada!\nThe webinar starts on 18 March at 15:00 (Stockholm).',
        html_body: '<p>Välkommen</p>',
        ics_content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n',
        ics_method: 'REQUEST',
        dedupe_key: 'confirmed:1:1',
        webinar_id: null,
        attendee_id: null,
        status: 'pending',
        attempts: 0,
        next_attempt_at: '2027-02-01T12:00:00Z',
        last_error: null,
        message_id: null,
        created_at: '2027-02-01T12:00:00Z',
        updated_at: '2027-02-01T12:00:00Z',
        sent_at: null,
        not_after: null,
        claimed_by: null,
        claimed_until: null,
      },
    ]);
  });

  it('stores whole seconds even when the clock has milliseconds, so instants compare as text', async () => {
    const { db, clock } = await buildMailDb('2027-02-01T12:00:00.750Z');
    await enqueueEmail(db, clock, sampleEmail());

    const row = await db.selectFrom('outbox').select(['created_at', 'next_attempt_at']).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_at: '2027-02-01T12:00:00Z', next_attempt_at: '2027-02-01T12:00:00Z' });
  });

  it('leaves nothing behind when the transaction that queued the email rolls back', async () => {
    const { db, clock } = await buildMailDb();
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, clock, sampleEmail());
        expect(await trx.selectFrom('outbox').select('id').execute()).toEqual([{ id: 1 }]);
        throw new Error('the registration failed');
      }),
    ).rejects.toThrow('the registration failed');

    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it('ignores a second message with the same dedupe key, but not two messages without a key', async () => {
    const { db, clock } = await buildMailDb();
    await enqueueEmail(db, clock, sampleEmail({ kind: 'reminder-24h', subject: 'Tomorrow', dedupeKey: 'reminder-24h:4:7' }));
    clock.advance(5);
    await enqueueEmail(db, clock, sampleEmail({ kind: 'reminder-24h', subject: 'Tomorrow, again', dedupeKey: 'reminder-24h:4:7' }));
    await enqueueEmail(db, clock, sampleEmail({ subject: 'First' }));
    await enqueueEmail(db, clock, sampleEmail({ subject: 'Second' }));

    const rows = await db.selectFrom('outbox').select(['subject', 'dedupe_key', 'created_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { subject: 'Tomorrow', dedupe_key: 'reminder-24h:4:7', created_at: '2027-02-01T12:00:00Z' },
      { subject: 'First', dedupe_key: null, created_at: '2027-02-01T12:05:00Z' },
      { subject: 'Second', dedupe_key: null, created_at: '2027-02-01T12:05:00Z' },
    ]);
  });
});

describe('retryMessage', () => {
  it('makes a failed message due now with a fresh attempt count and keeps the last error', async () => {
    const { db, clock } = await buildMailDb();
    await enqueueEmail(db, clock, sampleEmail());
    await db
      .updateTable('outbox')
      .set({ status: 'failed', attempts: 12, last_error: '451 try again later', next_attempt_at: '2027-02-01T18:00:00Z' })
      .execute();
    clock.advance(60);

    const row = await retryMessage(db, clock, 1);

    expect({ status: row.status, attempts: row.attempts, next: row.next_attempt_at, updated: row.updated_at, error: row.last_error }).toEqual({
      status: 'pending',
      attempts: 0,
      next: '2027-02-01T13:00:00Z',
      updated: '2027-02-01T13:00:00Z',
      error: '451 try again later',
    });
  });

  it('releases a held message at once', async () => {
    const { db, clock } = await buildMailDb();
    await enqueueEmail(db, clock, sampleEmail());
    await db.updateTable('outbox').set({ status: 'held' }).execute();

    expect((await retryMessage(db, clock, 1)).status).toBe('pending');
  });

  it('refuses to send a sent message again and reports a missing one', async () => {
    const { db, clock } = await buildMailDb();
    await enqueueEmail(db, clock, sampleEmail());
    await db.updateTable('outbox').set({ status: 'sent', sent_at: '2027-02-01T12:00:00Z' }).execute();

    await expect(retryMessage(db, clock, 1)).rejects.toThrow(new ConflictError('Email number 1 was already sent; it is not sent twice.'));
    await expect(retryMessage(db, clock, 99)).rejects.toThrow(new NotFoundError('There is no email number 99 in the outbox.'));
    expect(await db.selectFrom('outbox').select(['status', 'sent_at']).execute()).toEqual([{ status: 'sent', sent_at: '2027-02-01T12:00:00Z' }]);
  });
});

describe('outboxSummary and listOutbox', () => {
  it('counts every status, zero included', async () => {
    const { db, clock } = await buildMailDb();
    expect(await outboxSummary(db)).toEqual({ pending: 0, held: 0, sending: 0, sent: 0, failed: 0 });

    for (let n = 0; n < 4; n += 1) await enqueueEmail(db, clock, sampleEmail({ subject: `Message ${n}` }));
    await db.updateTable('outbox').set({ status: 'sent' }).where('id', 'in', [1, 2]).execute();
    await db.updateTable('outbox').set({ status: 'failed' }).where('id', '=', 3).execute();

    expect(await outboxSummary(db)).toEqual({ pending: 1, held: 0, sending: 0, sent: 2, failed: 1 });
  });

  it('lists newest first, filtered by status and limited', async () => {
    const { db, clock } = await buildMailDb();
    for (let n = 1; n <= 4; n += 1) {
      await enqueueEmail(db, clock, sampleEmail({ subject: `Message ${n}` }));
      clock.advance(1);
    }
    await db.updateTable('outbox').set({ status: 'failed' }).where('id', 'in', [1, 3]).execute();

    expect((await listOutbox(db, { limit: 3 })).map((row) => row.subject)).toEqual(['Message 4', 'Message 3', 'Message 2']);
    expect((await listOutbox(db, { status: 'failed', limit: 10 })).map((row) => row.subject)).toEqual(['Message 3', 'Message 1']);
  });
});
