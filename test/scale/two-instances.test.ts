// Two app instances on one PostgreSQL database, each with its own connection pool and its own
// email worker, as behind a load balancer: seats, emails and files come out the same as with one.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { fixedClock } from '../../src/clock.js';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { recordingTransport } from '../../src/mail/mailer.js';
import { createOutboxWorker } from '../../src/mail/outbox.worker.js';
import { createCoordinator } from '../../src/auth/auth.service.js';
import { enqueueDueReminders } from '../../src/registration/reminders.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { SAMPLES, upload } from '../materials/material-helpers.js';
import { TEST_BASE_URL } from '../helpers/test-app.js';
import { createPostgresDatabase } from '../helpers/test-database.js';

const API_TOKEN = 'two-instances-token-0123456789abcdefghijklmn';
const SLUG = 'pilots-with-startups-norway';

async function twoInstances(options: { rateLimit?: number } = {}) {
  const { url } = await createPostgresDatabase();
  const clock = fixedClock('2027-02-01T12:00:00Z');
  const instances = [0, 1].map(() => {
    const db: Db = openDatabase({ engine: 'postgres', url, poolSize: 10 });
    const transport = recordingTransport();
    const logged: string[] = [];
    const app = createApp({
      db,
      clock,
      baseUrl: TEST_BASE_URL,
      apiToken: API_TOKEN,
      registrationRateLimit: { max: options.rateLimit ?? 1000, windowMinutes: 10 },
      log: (message) => logged.push(message),
    });
    const worker = createOutboxWorker({ db, clock, transport, from: 'hub@example.org', log: () => undefined, batchSize: 1000 });
    return { db, app, transport, worker, logged };
  });
  // Both start on the new database at once: one seeds, the other finds it seeded.
  const seeded = await Promise.all(instances.map((instance) => seedDatabase(instance.db, clock, { demo: true })));
  expect(seeded.map((s) => s.seeded).sort()).toEqual([false, true]);
  return { clock, instances, db: instances[0]!.db, destroy: () => Promise.all(instances.map((i) => i.db.destroy())) };
}

describe('two instances on one PostgreSQL database', () => {
  it('give exactly 100 seats and 200 waiting places in order for 300 registrations split between them, with no 5xx', async () => {
    const { instances, db, destroy } = await twoInstances();
    try {
      await db.updateTable('webinar').set({ capacity: 100 }).where('slug', '=', SLUG).execute();

      const responses = await Promise.all(
        Array.from({ length: 300 }, (_, n) =>
          instances[n % 2]!.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, name: `Person ${n}`, email: `p${n}@example.org` })),
        ),
      );

      expect(responses.map((r) => r.status).filter((status) => status !== 201)).toEqual([]);
      expect(instances.flatMap((i) => i.logged)).toEqual([]);
      const rows = await db
        .selectFrom('registration')
        .innerJoin('webinar', 'webinar.id', 'registration.webinar_id')
        .select(['registration.id', 'registration.status'])
        .where('webinar.slug', '=', SLUG)
        .orderBy('registration.id')
        .execute();
      expect(rows.map((r) => r.status)).toEqual([...Array(100).fill('confirmed'), ...Array(200).fill('waitlisted')]);
    } finally {
      await destroy();
    }
  }, 60_000);

  it('send exactly one updated invite per attendee when the webinar moves, whichever worker sends it', async () => {
    const { instances, db, clock, destroy } = await twoInstances();
    try {
      await db.updateTable('webinar').set({ capacity: 30 }).where('slug', '=', SLUG).execute();
      await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          instances[n % 2]!.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `m${n}@example.org` })),
        ),
      );
      // The confirmations go first, shared between the two workers.
      clock.advance(1);
      await Promise.all(instances.map((i) => i.worker.runOnce()));

      clock.advance(5);
      const moved = await instances[1]!.app.request(`/api/webinars/${SLUG}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ start: '2027-02-15T16:00', timezone: 'Europe/Stockholm' }),
      });
      expect(moved.status).toBe(200);
      clock.advance(1);
      await Promise.all(instances.flatMap((i) => [i.worker.runOnce(), i.worker.runOnce()]));

      const sent = instances.flatMap((i) => i.transport.sent);
      const updates = sent.filter((m) => m.kind === 'webinar-updated');
      // Every confirmed attendee once (30); the waiting list holds no invitation to update.
      expect(updates.map((m) => m.to_address).sort()).toEqual((await confirmedAddresses(db)).sort());
      expect(new Set(updates.map((m) => m.to_address)).size).toBe(30);
      // Each outbox message left once, and both workers took part.
      const ids = sent.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(instances.every((i) => i.transport.sent.length > 0)).toBe(true);
      const unsent = await db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
      expect(unsent).toEqual([]);
    } finally {
      await destroy();
    }
  }, 60_000);
});

describe('what two instances on one PostgreSQL database share', () => {
  it('a coordinator signed in through one is signed in on the other, and a deck uploaded through one downloads from the other', async () => {
    const { instances, db, clock, destroy } = await twoInstances();
    try {
      const [a, b] = [instances[0]!.app, instances[1]!.app];
      await createCoordinator(db, clock, { name: 'Maria Berg', email: 'maria@example.org', password: 'correct horse battery staple' });
      const signedIn = await a.request('/admin/login', form({ email: 'maria@example.org', password: 'correct horse battery staple' }));
      expect(signedIn.status).toBe(303);
      const cookie = /^(hub_session=[^;]+);/.exec(signedIn.headers.get('set-cookie') ?? '')![1]!;
      const workspace = await b.request('/admin', { headers: { cookie } });
      expect([workspace.status, (await workspace.text()).includes('Maria Berg')]).toEqual([200, true]);

      const bytes = new Uint8Array(1_300_000);
      bytes.set(SAMPLES.pdf);
      const uploaded = await a.request('/api/webinars/corporate-venture-capital-silicon-valley/materials', {
        ...upload({ kind: 'slides', title: 'Slides', visibility: 'public' }, { name: 'deck.pdf', bytes }),
        headers: { authorization: `Bearer ${API_TOKEN}` },
      });
      expect(uploaded.status).toBe(201);
      const { id } = (await uploaded.json()) as { id: number };
      const downloaded = await b.request(`/materials/${id}/deck.pdf`);
      expect([downloaded.status, downloaded.headers.get('content-length')]).toEqual([200, '1300000']);
      expect(Buffer.from(await downloaded.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      await destroy();
    }
  }, 60_000);

  it('a change made through one shows at once in the pages and feeds of the other', async () => {
    const { instances, clock, destroy } = await twoInstances();
    try {
      const [a, b] = [instances[0]!.app, instances[1]!.app];
      const before = await b.request('/calendar.ics');
      const etag = before.headers.get('etag')!;
      clock.advance(1);
      const renamed = await a.request(`/api/webinars/${SLUG}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Pilots that become contracts' }),
      });
      expect(renamed.status).toBe(200);

      const feed = await b.request('/calendar.ics', { headers: { 'if-none-match': etag } });
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('SUMMARY:Pilots that become contracts');
      expect(await (await b.request(`/webinars/${SLUG}`)).text()).toContain('Pilots that become contracts');
    } finally {
      await destroy();
    }
  }, 60_000);

  it('one registration rate limit per client address, counted on both', async () => {
    const { instances, destroy } = await twoInstances({ rateLimit: 5 });
    try {
      const statuses = [];
      for (let n = 0; n < 8; n++)
        statuses.push((await instances[n % 2]!.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `r${n}@example.org` }))).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    } finally {
      await destroy();
    }
  }, 60_000);

  it('each reminder queued once when both schedulers run at the same moment', async () => {
    const { instances, db, clock, destroy } = await twoInstances();
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          instances[n % 2]!.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `q${n}@example.org` })),
        ),
      );
      const webinar = await db.selectFrom('webinar').select('starts_at_utc').where('slug', '=', SLUG).executeTakeFirstOrThrow();
      clock.set(new Date(Date.parse(webinar.starts_at_utc) - 23 * 3600_000).toISOString());

      await Promise.all(
        instances.flatMap((i) => [
          enqueueDueReminders({ db: i.db, clock, baseUrl: TEST_BASE_URL }),
          enqueueDueReminders({ db: i.db, clock, baseUrl: TEST_BASE_URL }),
        ]),
      );

      const reminders = await db.selectFrom('outbox').select('to_address').where('kind', '=', 'reminder-24h').execute();
      expect(reminders.map((r) => r.to_address).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `q${n}@example.org`).sort());
    } finally {
      await destroy();
    }
  }, 60_000);
});

async function confirmedAddresses(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .innerJoin('webinar', 'webinar.id', 'registration.webinar_id')
    .select('attendee.email')
    .where('webinar.slug', '=', SLUG)
    .where('registration.status', '=', 'confirmed')
    .execute();
  return rows.map((r) => r.email);
}
