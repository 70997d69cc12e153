import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { MailSendError, recordingTransport, type MailTransport } from '../../src/mail/mailer.js';
import { enqueueEmail } from '../../src/mail/outbox.service.js';
import { createOutboxWorker, retryDelaySeconds, type OutboxWorkerOptions } from '../../src/mail/outbox.worker.js';
import { buildMailDb, FROM, sampleEmail } from './mail-helpers.js';

type Setup = Awaited<ReturnType<typeof buildMailDb>>;

function worker(setup: Setup, transport: MailTransport | null, options: Partial<OutboxWorkerOptions> = {}) {
  const logged: string[] = [];
  const created = createOutboxWorker({
    db: setup.db,
    clock: setup.clock,
    transport,
    from: FROM,
    log: (message) => logged.push(message),
    random: () => 0,
    ...options,
  });
  return Object.assign(created, { logged });
}

function state(db: Db) {
  return db.selectFrom('outbox').select(['id', 'status', 'attempts', 'next_attempt_at', 'last_error', 'message_id', 'sent_at']).orderBy('id').execute();
}

describe('retryDelaySeconds', () => {
  it('doubles from one minute and stops at six hours', () => {
    const delays = Array.from({ length: 12 }, (_, index) => retryDelaySeconds(index + 1, () => 0));
    expect(delays).toEqual([60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600, 21600]);
  });

  it('shortens a delay by at most a tenth as jitter', () => {
    expect([retryDelaySeconds(1, () => 0.5), retryDelaySeconds(10, () => 0.999)]).toEqual([57, 19442]);
  });
});

describe('the outbox worker', () => {
  it('sends due messages and marks them sent with the server message id', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ to: { address: 'grace@example.com', name: 'Grace Hopper' } }));
    const transport = recordingTransport();
    setup.clock.advance(1);

    expect(await worker(setup, transport).runOnce()).toEqual({ sent: 2, failed: 0, held: 0 });

    expect(transport.sent.map((m) => [m.id, m.from, m.to_address, m.subject])).toEqual([
      [1, FROM, 'ada@example.com', 'You are registered: Partnership models'],
      [2, FROM, 'grace@example.com', 'You are registered: Partnership models'],
    ]);
    expect(await state(setup.db)).toEqual([
      {
        id: 1,
        status: 'sent',
        attempts: 0,
        next_attempt_at: '2027-02-01T12:00:00Z',
        last_error: null,
        message_id: '<recorded-1@test.invalid>',
        sent_at: '2027-02-01T12:01:00Z',
      },
      {
        id: 2,
        status: 'sent',
        attempts: 0,
        next_attempt_at: '2027-02-01T12:00:00Z',
        last_error: null,
        message_id: '<recorded-2@test.invalid>',
        sent_at: '2027-02-01T12:01:00Z',
      },
    ]);
  });

  it('sends a reminder queued twice under one dedupe key exactly once', async () => {
    const setup = await buildMailDb();
    const transport = recordingTransport();
    const outbox = worker(setup, transport);
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ kind: 'reminder-24h', dedupeKey: 'reminder-24h:1:1' }));
    await outbox.runOnce();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ kind: 'reminder-24h', dedupeKey: 'reminder-24h:1:1' }));
    await outbox.runOnce();

    expect(transport.attempts.map((m) => m.id)).toEqual([1]);
  });

  it('puts a failed message back with a backoff that doubles, keeping the error', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    const transport = recordingTransport();
    transport.failWith(new Error('Connection closed unexpectedly'));
    const outbox = worker(setup, transport);

    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 1, held: 0 });
    expect(await state(setup.db)).toEqual([
      {
        id: 1,
        status: 'pending',
        attempts: 1,
        next_attempt_at: '2027-02-01T12:01:00Z',
        last_error: 'Connection closed unexpectedly',
        message_id: null,
        sent_at: null,
      },
    ]);

    // Not due yet: nothing is tried.
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 0, held: 0 });
    setup.clock.advance(1);
    expect(await outbox.runOnce()).toEqual({ sent: 0, failed: 1, held: 0 });
    expect((await state(setup.db))[0]).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: '2027-02-01T12:03:00Z' });
    setup.clock.advance(2);
    await outbox.runOnce();
    expect((await state(setup.db))[0]).toMatchObject({ status: 'pending', attempts: 3, next_attempt_at: '2027-02-01T12:07:00Z' });

    transport.failWith(null);
    setup.clock.advance(4);
    expect(await outbox.runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });
    expect(transport.attempts).toHaveLength(4);
    expect((await state(setup.db))[0]).toMatchObject({
      status: 'sent',
      attempts: 3,
      sent_at: '2027-02-01T12:07:00Z',
      last_error: 'Connection closed unexpectedly',
    });
  });

  it('never gives up during an outage of several days, trying every six hours at most, and sends once the server is back', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    const transport = recordingTransport();
    transport.failWith(new Error('connect ECONNREFUSED 127.0.0.1:587'));
    const outbox = worker(setup, transport);

    // Four days without a mail server, the worker looking every minute.
    for (let minute = 0; minute < 4 * 24 * 60; minute += 1) {
      await outbox.runOnce();
      setup.clock.advance(1);
    }
    const tries = transport.attempts.length;
    expect((await state(setup.db))[0]).toMatchObject({ status: 'pending', attempts: tries, last_error: 'connect ECONNREFUSED 127.0.0.1:587' });
    // Waits of 1, 2, 4, ... 256 minutes: 10 tries in the first 511 minutes; then one every 6 hours
    // for the remaining 5249 minutes: 14 more.
    expect(tries).toBe(24);

    transport.failWith(null);
    setup.clock.advance(6 * 60);
    expect(await outbox.runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });
    expect((await state(setup.db))[0]).toMatchObject({ status: 'sent', attempts: tries });
    // 5,760 runs of a few queries each: over a network socket to PostgreSQL that takes a while.
  }, 90_000);

  it('fails a message at once when the server says the recipient does not exist', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    const transport = recordingTransport();
    transport.failWith(new MailSendError('550 5.1.1 User unknown', true));

    expect(await worker(setup, transport).runOnce()).toEqual({ sent: 0, failed: 1, held: 0 });
    expect((await state(setup.db))[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: '550 5.1.1 User unknown' });
  });

  it('keeps the stored error to one short line', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    const transport = recordingTransport();
    transport.failWith(new Error(`line one\nline two ${'x'.repeat(1000)}`));
    await worker(setup, transport).runOnce();

    const { last_error } = (await state(setup.db))[0]!;
    expect([last_error?.length, last_error?.slice(0, 20)]).toEqual([500, 'line one line two xx']);
  });

  it('queues again a message a crashed worker left in sending, but not one still within its lease', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Orphaned' }));
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Being sent elsewhere' }));
    // Claimed 30 s each: the first claim ran out a second ago, the second runs for 20 s more.
    await setup.db.updateTable('outbox').set({ status: 'sending', claimed_by: 'crashed', claimed_until: '2027-02-01T11:59:59Z' }).where('id', '=', 1).execute();
    await setup.db.updateTable('outbox').set({ status: 'sending', claimed_by: 'alive', claimed_until: '2027-02-01T12:00:20Z' }).where('id', '=', 2).execute();
    const transport = recordingTransport();

    expect(await worker(setup, transport).runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });

    expect(transport.sent.map((m) => m.subject)).toEqual(['Orphaned']);
    expect((await state(setup.db)).map((row) => [row.id, row.status, row.attempts, row.last_error])).toEqual([
      [1, 'sent', 1, 'Interrupted while sending (the worker stopped before the server answered); it may have been delivered.'],
      [2, 'sending', 0, null],
    ]);
  });

  it('retries a message that keeps killing the worker at once the first time, then every six hours, and never drops it', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Poison' }));
    // A send that never answers stands for a worker that died in the middle of it.
    const dies: MailTransport = { send: () => new Promise(() => {}) };
    const row = async () => (await state(setup.db))[0]!;

    void worker(setup, dies).runOnce();
    await vi.waitFor(async () => expect((await row()).status).toBe('sending'));
    // Restarted after the lease: the first interruption is retried at once, and dies again.
    setup.clock.advance(11);
    void worker(setup, dies).runOnce();
    await vi.waitFor(async () => expect(await row()).toMatchObject({ status: 'sending', attempts: 1 }));

    // Interrupted twice in a row: it waits six hours instead of looping.
    setup.clock.advance(11);
    const healthy = recordingTransport();
    expect(await worker(setup, healthy).runOnce()).toEqual({ sent: 0, failed: 0, held: 0 });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: '2027-02-01T18:22:00Z' });
    setup.clock.advance(6 * 60);
    expect(await worker(setup, healthy).runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });
    expect(healthy.sent.map((m) => m.subject)).toEqual(['Poison']);
  });

  it('retries at once a message interrupted once after ordinary failures', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    await setup.db.updateTable('outbox').set({ status: 'sending', attempts: 5, last_error: '421 Try later', updated_at: '2027-02-01T11:00:00Z' }).execute();
    const transport = recordingTransport();
    expect(await worker(setup, transport).runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });
  });

  it('holds messages while no mail server is configured and sends them once one is', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'First' }));
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Second' }));

    const unconfigured = worker(setup, null);
    expect(await unconfigured.runOnce()).toEqual({ sent: 0, failed: 0, held: 2 });
    expect((await state(setup.db)).map((row) => row.status)).toEqual(['held', 'held']);
    expect(unconfigured.logged).toEqual(['Email outbox: no mail server configured (SMTP_URL); 2 message(s) held until one is.']);
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Third' }));
    expect(await unconfigured.runOnce()).toEqual({ sent: 0, failed: 0, held: 1 });

    const transport = recordingTransport();
    setup.clock.advance(30);
    expect(await worker(setup, transport).runOnce()).toEqual({ sent: 3, failed: 0, held: 0 });
    expect(transport.sent.map((m) => m.subject)).toEqual(['First', 'Second', 'Third']);
    expect((await state(setup.db)).map((row) => [row.status, row.sent_at])).toEqual([
      ['sent', '2027-02-01T12:30:00Z'],
      ['sent', '2027-02-01T12:30:00Z'],
      ['sent', '2027-02-01T12:30:00Z'],
    ]);
  });

  it('does not send a message after its deadline, such as a reminder once the webinar has begun', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ kind: 'reminder-1h', subject: 'In one hour', notAfter: setup.clock.now().plus({ minutes: 60 }) }));
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ kind: 'reminder-1h', subject: 'Still in time', notAfter: setup.clock.now().plus({ hours: 5 }) }));
    await worker(setup, null).runOnce(); // no mail server: held
    setup.clock.advance(61);
    const transport = recordingTransport();
    const late = worker(setup, transport);
    expect(await late.runOnce()).toEqual({ sent: 1, failed: 1, held: 0 });
    expect(transport.sent.map((m) => m.subject)).toEqual(['Still in time']);
    expect((await state(setup.db)).map((row) => [row.status, row.last_error])).toEqual([
      ['failed', 'Not sent: it could not go out before 2027-02-01T13:00:00Z, after which it no longer makes sense.'],
      ['sent', null],
    ]);
  });

  it('tries at most batchSize messages in a run when given one', async () => {
    const setup = await buildMailDb();
    for (let n = 0; n < 5; n += 1) await enqueueEmail(setup.db, setup.clock, sampleEmail());
    const outbox = worker(setup, recordingTransport(), { batchSize: 2 });

    expect([await outbox.runOnce(), await outbox.runOnce(), await outbox.runOnce()]).toEqual([
      { sent: 2, failed: 0, held: 0 },
      { sent: 2, failed: 0, held: 0 },
      { sent: 1, failed: 0, held: 0 },
    ]);
  });

  it('never runs two batches at once, so overlapping runs send each message once', async () => {
    const setup = await buildMailDb();
    for (let n = 0; n < 6; n += 1) await enqueueEmail(setup.db, setup.clock, sampleEmail());
    let inFlight = 0;
    let mostInFlight = 0;
    const recorder = recordingTransport();
    const slow: MailTransport = {
      async send(message) {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return recorder.send(message);
      },
    };
    const outbox = worker(setup, slow, { concurrency: 2 });

    const results = await Promise.all([outbox.runOnce(), outbox.runOnce()]);

    expect(results).toEqual([
      { sent: 6, failed: 0, held: 0 },
      { sent: 0, failed: 0, held: 0 },
    ]);
    // Two at a time within the run, never a third from the second run.
    expect([recorder.sent.map((m) => m.id).sort((a, b) => a - b), mostInFlight]).toEqual([[1, 2, 3, 4, 5, 6], 2]);
  });

  it('starts with a run at once and stop waits for the running batch', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    const recorder = recordingTransport();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated: MailTransport = {
      async send(message) {
        await gate;
        return recorder.send(message);
      },
    };
    const outbox = worker(setup, gated);

    outbox.start({ busyMs: 60_000, idleMs: 60_000 });
    await vi.waitFor(async () => expect((await state(setup.db))[0]?.status).toBe('sending'));
    const stopped = outbox.stop();
    release();
    await stopped;

    expect(recorder.sent).toHaveLength(1);
    expect((await state(setup.db))[0]?.status).toBe('sent');
  });
});

describe('draining the outbox several messages at a time', () => {
  /** A server that takes `ms` per message and counts how many it has at once. */
  function slowServer(ms: number) {
    const recorder = recordingTransport();
    const load = { inFlight: 0, most: 0 };
    const transport: MailTransport = {
      async send(message) {
        load.inFlight += 1;
        load.most = Math.max(load.most, load.inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return await recorder.send(message);
        } finally {
          load.inFlight -= 1;
        }
      },
    };
    return { transport, recorder, load };
  }

  async function enqueueMany(setup: Setup, count: number) {
    for (let n = 0; n < count; n += 1)
      await enqueueEmail(setup.db, setup.clock, sampleEmail({ to: { address: `person${n}@example.com`, name: `Person ${n}` } }));
  }

  it('sends 200 due messages in one run, each exactly once, several but at most `concurrency` at a time', async () => {
    const setup = await buildMailDb();
    await enqueueMany(setup, 200);
    const server = slowServer(3);

    expect(await worker(setup, server.transport, { concurrency: 5 }).runOnce()).toEqual({ sent: 200, failed: 0, held: 0 });

    expect(server.recorder.attempts.map((m) => m.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(server.load.most).toBeGreaterThan(1);
    expect(server.load.most).toBeLessThanOrEqual(5);
    const rows = await setup.db.selectFrom('outbox').select(['status', 'claimed_by', 'claimed_until']).execute();
    expect(rows.filter((row) => row.status !== 'sent' || row.claimed_by !== null || row.claimed_until !== null)).toEqual([]);
  }, 60_000);

  it('on stop() claims no more and waits until every message in flight is answered and marked', async () => {
    const setup = await buildMailDb();
    await enqueueMany(setup, 10);
    const recorder = recordingTransport();
    const answers: Array<() => void> = [];
    const held: MailTransport = { send: (message) => new Promise((resolve) => answers.push(() => resolve(recorder.send(message)))) };
    const outbox = worker(setup, held, { concurrency: 4 });
    const run = outbox.runOnce();
    await vi.waitFor(() => expect(answers).toHaveLength(4));

    let stopped = false;
    const stopping = outbox.stop().then((finished) => {
      stopped = true;
      return finished;
    });
    for (const answer of answers.splice(0, 3)) answer();
    await vi.waitFor(async () => expect((await state(setup.db)).filter((row) => row.status === 'sent')).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // One message is still with the server: stop() waits for it.
    expect([stopped, (await state(setup.db)).map((row) => row.status)]).toEqual([false, ['sent', 'sent', 'sent', 'sending', ...Array(6).fill('pending')]]);

    for (const answer of answers.splice(0)) answer();
    expect(await stopping).toBe(true);
    expect(await run).toEqual({ sent: 4, failed: 0, held: 0 });
    expect(recorder.sent.map((m) => m.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect((await state(setup.db)).map((row) => row.status)).toEqual([...Array(4).fill('sent'), ...Array(6).fill('pending')]);
  });

  it('looks again soon after a run that sent something, so mail queued meanwhile does not wait for the idle interval', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'First' }));
    const transport = recordingTransport();
    const outbox = worker(setup, transport);

    outbox.start({ busyMs: 20, idleMs: 60_000 });
    await vi.waitFor(() => expect(transport.sent).toHaveLength(1));
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Second' }));
    await vi.waitFor(() => expect(transport.sent.map((m) => m.subject)).toEqual(['First', 'Second']), { timeout: 5000 });
    expect(await outbox.stop()).toBe(true);
  });
});

describe('several workers on one database', () => {
  it('send every message exactly once when they run at the same time', async () => {
    const setup = await buildMailDb();
    for (let n = 0; n < 30; n++) await enqueueEmail(setup.db, setup.clock, sampleEmail({ to: { address: `person${n}@example.com`, name: `Person ${n}` } }));
    const recorder = recordingTransport();
    // A server that answers after a moment, so that the workers' claims interleave.
    const slow: MailTransport = {
      send: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return recorder.send(message);
      },
    };
    const workers = [worker(setup, slow, { batchSize: 100 }), worker(setup, slow, { batchSize: 100 }), worker(setup, slow, { batchSize: 100 })];

    const results = await Promise.all(workers.map((w) => w.runOnce()));

    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    expect(recorder.attempts.map((m) => m.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set((await state(setup.db)).map((row) => row.status))).toEqual(new Set(['sent']));
  });

  it('keep a slow send theirs by extending the claim, so no other worker sends it again', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Slow server' }));
    const recorder = recordingTransport();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: MailTransport = {
      send: async (message) => {
        await gate;
        return recorder.send(message);
      },
    };
    const first = worker(setup, slow, { claimSeconds: 3 });
    const sending = first.runOnce();
    await vi.waitFor(async () => expect((await state(setup.db))[0]?.status).toBe('sending'));

    // A minute on, the first claim would have run out; the worker extends it every second.
    setup.clock.advance(1);
    await vi.waitFor(
      async () => {
        const [row] = await setup.db.selectFrom('outbox').select('claimed_until').execute();
        expect(row!.claimed_until).toBe('2027-02-01T12:01:03Z');
      },
      { timeout: 3000 },
    );
    expect(await worker(setup, recorder).runOnce()).toEqual({ sent: 0, failed: 0, held: 0 });

    release();
    expect(await sending).toEqual({ sent: 1, failed: 0, held: 0 });
    expect(recorder.attempts.map((m) => m.subject)).toEqual(['Slow server']);
    expect(await setup.db.selectFrom('outbox').select(['status', 'claimed_by', 'claimed_until', 'attempts']).execute()).toEqual([
      { status: 'sent', claimed_by: null, claimed_until: null, attempts: 0 },
    ]);
  });

  it('stop gives up after the grace period when the server does not answer, and says so', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail());
    const silent: MailTransport = { send: () => new Promise(() => {}) };
    const outbox = worker(setup, silent);
    void outbox.runOnce();
    await vi.waitFor(async () => expect((await state(setup.db))[0]?.status).toBe('sending'));

    expect(await outbox.stop({ graceMs: 50 })).toBe(false);
    // Still claimed: after the claim runs out it is sent again, under the same Message-ID.
    expect((await state(setup.db))[0]).toMatchObject({ status: 'sending', attempts: 0 });
  });
});

describe('a worker whose claim ran out while it was still sending', () => {
  it('does not record its late answer over the worker that took the message over and sent it', async () => {
    const setup = await buildMailDb();
    await enqueueEmail(setup.db, setup.clock, sampleEmail({ subject: 'Taken over' }));
    let refuse!: (error: Error) => void;
    const stalled: MailTransport = { send: () => new Promise((_resolve, reject) => (refuse = reject)) };
    const first = worker(setup, stalled, { claimSeconds: 30 });
    const sending = first.runOnce();
    await vi.waitFor(async () => expect((await state(setup.db))[0]?.status).toBe('sending'));

    // The first worker stalls past its claim; a second one recovers the message and sends it.
    setup.clock.advance(1);
    const healthy = recordingTransport();
    expect(await worker(setup, healthy).runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });
    refuse(new Error('421 Timeout waiting for data'));
    await sending;

    expect((await state(setup.db))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(first.logged.some((line) => line.includes('was taken over by another worker'))).toBe(true);
    // Nothing puts it back in the queue: a later run sends nothing.
    expect(await worker(setup, healthy).runOnce()).toEqual({ sent: 0, failed: 0, held: 0 });
    expect(healthy.sent.map((m) => m.subject)).toEqual(['Taken over']);
  });

  it('ends a run after three failures in a row, so an outage is not a burst of tries at every due message', async () => {
    const setup = await buildMailDb();
    for (let n = 0; n < 10; n++) await enqueueEmail(setup.db, setup.clock, sampleEmail({ to: { address: `o${n}@example.com`, name: 'O' } }));
    const transport = recordingTransport();
    transport.failWith(new Error('connect ECONNREFUSED 127.0.0.1:587'));

    const result = await worker(setup, transport, { concurrency: 1 }).runOnce();

    expect([result.failed, transport.attempts.length]).toEqual([3, 3]);
    expect((await state(setup.db)).filter((row) => row.status === 'pending' && row.attempts === 0)).toHaveLength(7);
  });
});
