// Two app instances on one PostgreSQL database, each with its own connection pool and its own
// email worker, as behind a load balancer: seats, emails and files come out the same as with one.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { fixedClock } from '../../src/clock.js';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { seedDatabase } from '../../src/db/seed.js';
import { recordingTransport } from '../../src/mail/mailer.js';
import { createOutboxWorker } from '../../src/mail/outbox.worker.js';
import { json, VISITOR } from '../helpers/forms.js';
import { TEST_BASE_URL } from '../helpers/test-app.js';
import { createPostgresDatabase } from '../helpers/test-database.js';

const API_TOKEN = 'two-instances-token-0123456789abcdefghijklmn';
const SLUG = 'pilots-with-startups-norway';

async function twoInstances() {
  const { url } = await createPostgresDatabase();
  const clock = fixedClock('2027-02-01T12:00:00Z');
  const instances = [0, 1].map(() => {
    const db: Db = openDatabase({ engine: 'postgres', url, poolSize: 10 });
    const transport = recordingTransport();
    const logged: string[] = [];
    const app = createApp({ db, clock, baseUrl: TEST_BASE_URL, apiToken: API_TOKEN, registrationRateLimit: { max: 1000, windowMinutes: 10 }, log: (message) => logged.push(message) });
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
        Array.from({ length: 300 }, (_, n) => instances[n % 2]!.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, name: `Person ${n}`, email: `p${n}@example.org` }))),
      );

      expect(responses.map((r) => r.status).filter((status) => status !== 201)).toEqual([]);
      expect(instances.flatMap((i) => i.logged)).toEqual([]);
      const rows = await db.selectFrom('registration').innerJoin('webinar', 'webinar.id', 'registration.webinar_id').select(['registration.id', 'registration.status']).where('webinar.slug', '=', SLUG).orderBy('registration.id').execute();
      expect(rows.map((r) => r.status)).toEqual([...Array(100).fill('confirmed'), ...Array(200).fill('waitlisted')]);
    } finally {
      await destroy();
    }
  }, 60_000);

  it('send exactly one updated invite per attendee when the webinar moves, whichever worker sends it', async () => {
    const { instances, db, clock, destroy } = await twoInstances();
    try {
      await db.updateTable('webinar').set({ capacity: 30 }).where('slug', '=', SLUG).execute();
      await Promise.all(Array.from({ length: 40 }, (_, n) => instances[n % 2]!.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `m${n}@example.org` }))));
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
