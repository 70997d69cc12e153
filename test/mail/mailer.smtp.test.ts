// The real protocol: the worker and smtpTransport against an SMTP server on 127.0.0.1.
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/calendar/calendar.builder.js';
import { smtpTransport } from '../../src/mail/mailer.js';
import { enqueueEmail } from '../../src/mail/outbox.service.js';
import { createOutboxWorker } from '../../src/mail/outbox.worker.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildMailDb, FROM, readMime, sampleEmail, startSmtpServer } from './mail-helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function smtpServer(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const server = await startSmtpServer(options);
  cleanups.push(server.close);
  return server;
}

function invite(): string {
  const start = DateTime.fromISO('2027-03-18T14:00:00Z', { zone: 'UTC' });
  return buildCalendar({
    name: 'Partnership models',
    description: 'Webinar invitation',
    zoneHint: 'Europe/Stockholm',
    method: 'REQUEST',
    events: [
      {
        uid: 'partnership-models@webinar-hub',
        sequence: 0,
        start,
        end: start.plus({ minutes: 90 }),
        stamp: start.minus({ days: 30 }),
        lastModified: start.minus({ days: 30 }),
        summary: 'Partnership models: what seven large companies learnt',
        description: 'Experiences from China, Norway and the USA. Join at https://meet.example.org/partnership-models',
        url: 'https://hub.example.org/webinars/partnership-models',
        location: 'https://meet.example.org/partnership-models',
        categories: ['Partnership models'],
        organizer: { name: 'Innovation webinars', email: 'innovation-webinars@example.org' },
        status: 'CONFIRMED',
        attendees: [{ name: 'Ada Lovelace', email: 'ada@example.com' }],
        alarms: [60],
      },
    ],
  });
}

/** Closed after the test, before the servers: its pooled connections stay open until then. */
function pooledTransport(...args: Parameters<typeof smtpTransport>) {
  const transport = smtpTransport(...args);
  cleanups.push(async () => transport.close());
  return transport;
}

async function setup() {
  const mail = await buildMailDb();
  const logged: string[] = [];
  const outbox = (url: string) =>
    createOutboxWorker({ db: mail.db, clock: mail.clock, transport: pooledTransport(url), from: FROM, log: (m) => logged.push(m), random: () => 0 });
  const row = () => mail.db.selectFrom('outbox').select(['status', 'attempts', 'next_attempt_at', 'last_error', 'message_id']).executeTakeFirstOrThrow();
  return { ...mail, outbox, row, logged };
}

describe('sending through SMTP', () => {
  it('delivers the recipient, subject, plain text and a text/calendar REQUEST invitation', async () => {
    const server = await smtpServer();
    const { db, clock, outbox, row } = await setup();
    const ics = invite();
    await enqueueEmail(db, clock, sampleEmail({ html: '<p>Välkommen, Ada!</p>', ics: { method: 'REQUEST', content: ics } }));

    expect(await outbox(server.url).runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });

    expect(server.received.map(({ mailFrom, rcptTo }) => ({ mailFrom, rcptTo }))).toEqual([{ mailFrom: 'hub@example.org', rcptTo: ['ada@example.com'] }]);
    const raw = server.received[0]!.raw;
    const { headers, parts } = readMime(raw);
    expect([headers.get('from'), headers.get('to'), headers.get('subject'), headers.get('message-id')]).toEqual([
      'Webinar hub <hub@example.org>',
      'Ada Lovelace <ada@example.com>',
      'You are registered: Partnership models',
      '<outbox-1-20270201120000@example.org>',
    ]);
    expect(parts.map((part) => part.headers.get('content-type'))).toEqual([
      'text/plain; charset=utf-8',
      'text/html; charset=utf-8',
      'text/calendar; charset=utf-8; method=REQUEST',
      'application/ics; name=invite.ics',
    ]);
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST\r$/m);
    expect(parts[0]!.body).toBe('Välkommen, Ada!\r\nThe webinar starts on 18 March at 15:00 (Stockholm).');
    expect(parts[1]!.body).toBe('<p>Välkommen, Ada!</p>');
    expect(parts[2]!.body).toBe(ics);
    expect(parts[3]!.body).toBe(ics);
    const calendar = parseCalendar(parts[2]!.body);
    expect([calendar.method, calendar.events.map((e) => [e.uid, e.start, e.end])]).toEqual([
      'REQUEST',
      [['partnership-models@webinar-hub', '2027-03-18T14:00:00.000Z', '2027-03-18T15:30:00.000Z']],
    ]);
    expect(await row()).toEqual({
      status: 'sent',
      attempts: 0,
      next_attempt_at: '2027-02-01T12:00:00Z',
      last_error: null,
      message_id: '<outbox-1-20270201120000@example.org>',
    });
  });

  it('sends a message without html or invite as a single plain-text part', async () => {
    const server = await smtpServer();
    const { db, clock, outbox } = await setup();
    await enqueueEmail(db, clock, sampleEmail({ kind: 'cancelled', subject: 'Your registration is cancelled', text: 'Sorry to see you go.' }));

    await outbox(server.url).runOnce();

    const { headers, parts } = readMime(server.received[0]!.raw);
    expect([headers.get('subject'), parts.map((part) => [part.headers.get('content-type'), part.body])]).toEqual([
      'Your registration is cancelled',
      [['text/plain; charset=utf-8', 'Sorry to see you go.']],
    ]);
  });

  it('keeps a message pending through a refusing and an unavailable server, then sends it exactly once', async () => {
    // One server throughout, on its own port: it changes how it answers, as a server that is
    // restarted would, and the same pooled transport has to find it again.
    const server = await smtpServer();
    server.control.mode = 'refuse';
    const { db, clock, outbox, row } = await setup();
    const worker = outbox(server.url);
    await enqueueEmail(db, clock, sampleEmail());

    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, held: 0 });
    const refused = await row();
    expect([refused.status, refused.attempts, refused.next_attempt_at, refused.message_id]).toEqual(['pending', 1, '2027-02-01T12:01:00Z', null]);
    expect(refused.last_error).toMatch(/^Message failed: 451 4\.3\.0 Temporary failure, try again later/);

    server.control.mode = 'unavailable';
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, held: 0 });
    const unavailable = await row();
    expect([unavailable.status, unavailable.attempts, unavailable.next_attempt_at]).toEqual(['pending', 2, '2027-02-01T12:03:00Z']);
    expect(unavailable.last_error).toMatch(/421 .*Service not available/);

    server.control.mode = 'accept';
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, held: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, held: 0 });
    clock.advance(60);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, held: 0 });

    expect(server.received).toHaveLength(1);
    expect(readMime(server.received[0]!.raw).headers.get('message-id')).toBe('<outbox-1-20270201120000@example.org>');
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2, message_id: '<outbox-1-20270201120000@example.org>' });
  });

  it('fails a message for good when the server says the recipient does not exist', async () => {
    const server = await smtpServer({ refuseRecipients: true });
    const { db, clock, outbox, row } = await setup();
    await enqueueEmail(db, clock, sampleEmail({ to: { address: 'nobody@example.com', name: 'Nobody' } }));

    expect(await outbox(server.url).runOnce()).toEqual({ sent: 0, failed: 1, held: 0 });

    const failed = await row();
    expect([failed.status, failed.attempts]).toEqual(['failed', 1]);
    expect(failed.last_error).toMatch(/550 5\.1\.1 <nobody@example\.com>: Recipient address rejected: User unknown/);
  });

  it('gives up on a server that accepts the connection but never greets, instead of hanging', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const { port } = silent.address() as AddressInfo;
    const transport = pooledTransport(`smtp://127.0.0.1:${port}`, { greetingTimeoutMs: 200 });
    const { db, clock, row } = await setup();
    await enqueueEmail(db, clock, sampleEmail());

    // No clock here: if the transport ignored greetingTimeoutMs, nodemailer's own 30 s default
    // would outlast the test's timeout (10 s) and the test would fail instead of passing slowly.
    const result = await createOutboxWorker({ db, clock, transport, from: FROM, log: () => {}, random: () => 0 }).runOnce();

    expect(result).toEqual({ sent: 0, failed: 1, held: 0 });
    expect((await row()).last_error).toMatch(/Greeting never received/);
    // It hung up rather than leaving the connection to the silent server open.
    expect(sockets).toHaveLength(1);
    if (!sockets[0]!.closed) await once(sockets[0]!, 'close');
    expect(sockets[0]!.closed).toBe(true);
  }, 10_000);

  it('keeps the SMTP user name and password out of the stored error and retries a refused login', async () => {
    const server = await smtpServer({ refuseLoginEchoing: true });
    const { db, clock, row } = await setup();
    await enqueueEmail(db, clock, sampleEmail());
    const transport = pooledTransport(`smtp://mailer-account:s3cret%2Fpass@127.0.0.1:${server.port}`);

    await createOutboxWorker({ db, clock, transport, from: FROM, log: () => {}, random: () => 0 }).runOnce();

    expect(await row()).toEqual({
      status: 'pending',
      attempts: 1,
      next_attempt_at: '2027-02-01T12:01:00Z',
      last_error: 'Invalid login: 535 Bad credentials *** / ***',
      message_id: null,
    });
    expect(server.received).toEqual([]);
  });

  it('delivers 500 messages through the pooled connections, each once, at a useful rate', async () => {
    const server = await smtpServer();
    const { db, clock, outbox } = await setup();
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < 500; n += 1)
        await enqueueEmail(trx, clock, sampleEmail({ kind: 'reminder-1h', to: { address: `person${n}@example.com`, name: `Person ${n}` } }));
    });

    const started = performance.now();
    expect(await outbox(server.url).runOnce()).toEqual({ sent: 500, failed: 0, held: 0 });
    const seconds = (performance.now() - started) / 1000;
    const perSecond = 500 / seconds;
    console.log(
      `Outbox to a local SMTP server: 500 emails in ${seconds.toFixed(2)} s, ${perSecond.toFixed(0)} per second, over ${server.connections()} connections.`,
    );

    const recipients = server.received.map((mail) => mail.rcptTo[0]!);
    expect([recipients.length, new Set(recipients).size]).toEqual([500, 500]);
    expect(new Set(server.received.map((mail) => readMime(mail.raw).headers.get('message-id'))).size).toBe(500);
    expect(await db.selectFrom('outbox').select('status').where('status', '!=', 'sent').execute()).toEqual([]);
    // Five connections of at most 100 messages each, not one per message.
    expect(server.connections()).toBeLessThanOrEqual(10);
    // A generous floor: 50 a second on an idle machine is the target, a busy two-core one does less.
    expect(perSecond).toBeGreaterThanOrEqual(20);
  }, 60_000);
});
