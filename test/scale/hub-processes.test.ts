// Several hub processes on one database, and hubs stopped or killed while an email is with the
// mail server: on SQLite (one file) in the 'app' project, on PostgreSQL in 'app-postgres'.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { startHeldSmtpServer } from '../helpers/held-smtp.js';
import { createWebinarThroughApi, HUB_PROCESS_API_TOKEN, registerThroughApi, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { createPostgresDatabase, TEST_ENGINE } from '../helpers/test-database.js';
import { tempDir } from '../helpers/temp-dir.js';

const running: HubProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((hub) => hub.stop('SIGKILL')));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A new, empty database on this run's engine: its settings for the hub, and a connection for the test. */
async function newDatabase(): Promise<{ env: Record<string, string>; connect(): Db }> {
  const target =
    TEST_ENGINE === 'postgres'
      ? { engine: 'postgres' as const, url: (await createPostgresDatabase()).url, poolSize: 2 }
      : { engine: 'sqlite' as const, path: join(tempDir('hub-scale-'), 'hub.db') };
  let db: Db | undefined;
  return {
    env: target.engine === 'postgres' ? { DATABASE_URL: target.url } : { DATABASE_PATH: target.path },
    // Opened once a hub has created and migrated the database.
    connect() {
      if (!db) {
        const opened = openDatabase(target);
        cleanups.push(() => opened.destroy());
        db = opened;
      }
      return db;
    },
  };
}

async function startHubs(count: number, env: Record<string, string>): Promise<HubProcess[]> {
  const hubs = await Promise.all(
    Array.from({ length: count }, () => startHubProcess({ HUB_DEMO: '0', HUB_API_TOKEN: HUB_PROCESS_API_TOKEN, TRUST_PROXY: '1', ...env })),
  );
  running.push(...hubs);
  return hubs;
}

describe(`hub processes on one ${TEST_ENGINE === 'postgres' ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  it('start together on a new database, and 300 registrations split between two give exactly 100 seats and 200 waiting, with no 5xx', async () => {
    const database = await newDatabase();
    const hubs = await startHubs(2, database.env);
    const slug = await createWebinarThroughApi(hubs[0]!, { title: 'Scaling out', capacity: 100 });

    const responses = await Promise.all(Array.from({ length: 300 }, (_, n) => registerThroughApi(hubs[n % 2]!, slug, n)));
    const statuses = responses.map((res) => res.status);
    const bodies = (await Promise.all(responses.map((res) => res.json()))) as Array<{ status: string }>;

    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(bodies.filter((body) => body.status === 'confirmed')).toHaveLength(100);
    expect(bodies.filter((body) => body.status === 'waitlisted')).toHaveLength(200);
    const rows = await database.connect().selectFrom('registration').select(['id', 'status']).orderBy('id').execute();
    expect(rows.filter((row) => row.status === 'confirmed')).toHaveLength(100);
    expect(rows.filter((row) => row.status === 'waitlisted')).toHaveLength(200);
    // In order: every seat went to someone who registered before everyone on the waiting list.
    const lastConfirmed = Math.max(...rows.filter((row) => row.status === 'confirmed').map((row) => row.id));
    const firstWaiting = Math.min(...rows.filter((row) => row.status === 'waitlisted').map((row) => row.id));
    expect(lastConfirmed).toBeLessThan(firstWaiting);
    expect(await database.connect().selectFrom('attendee').select('id').execute()).toHaveLength(300);
    // One email each, written with the registration.
    expect(await database.connect().selectFrom('outbox').select('id').execute()).toHaveLength(300);
  }, 120_000);
});

describe(`caches of hub processes on one ${TEST_ENGINE === 'postgres' ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  it('show a change made through one process in the very next response of the other, feeds and pages, with and without a validator', async () => {
    const database = await newDatabase();
    const [a, b] = await startHubs(2, database.env);
    const slug = await createWebinarThroughApi(a!, { title: 'Before the change', capacity: 10 });
    // The other process has the feed and the pages in its cache.
    const feed = await fetch(`${b!.url}/calendar.ics`);
    const etag = feed.headers.get('etag')!;
    expect(await feed.text()).toContain('SUMMARY:Before the change');
    expect((await fetch(`${b!.url}/calendar.ics`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(await (await fetch(`${b!.url}/webinars/${slug}`)).text()).toContain('10 of 10 seats left');
    expect(await (await fetch(`${b!.url}/`)).text()).toContain('Before the change');

    const renamed = await fetch(`${a!.url}/api/webinars/${slug}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${HUB_PROCESS_API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'After the change' }),
    });
    expect(renamed.status).toBe(200);
    expect((await registerThroughApi(a!, slug, 1)).status).toBe(201);

    const revalidated = await fetch(`${b!.url}/calendar.ics`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(200);
    expect(await revalidated.text()).toContain('SUMMARY:After the change');
    expect(await (await fetch(`${b!.url}/`)).text()).toContain('After the change');
    expect(await (await fetch(`${b!.url}/webinars/${slug}`)).text()).toContain('9 of 10 seats left');
  }, 60_000);
});

describe('a hub stopping while the mail server has a message', () => {
  async function hubWithOneEmailBeingSent(extraEnv: Record<string, string> = {}) {
    const smtp = await startHeldSmtpServer();
    cleanups.push(smtp.close);
    const database = await newDatabase();
    const env = { ...database.env, SMTP_URL: smtp.url, MAIL_CLAIM_SECONDS: '10', ...extraEnv };
    const [hub] = await startHubs(1, env);
    const slug = await createWebinarThroughApi(hub!, { title: 'Scaling out', capacity: 10 });
    smtp.holdAnswers();
    expect((await registerThroughApi(hub!, slug, 1)).status).toBe(201);
    // The worker looks every 5 seconds; wait until the message is with the server.
    await expect.poll(() => smtp.arrived.length, { timeout: 15_000, interval: 100 }).toBe(1);
    return { smtp, database, env, hub: hub! };
  }

  it('on SIGTERM lets the server answer, marks the message sent and exits 0; a restart does not send it again', async () => {
    const { smtp, database, env, hub } = await hubWithOneEmailBeingSent();

    hub.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hub.child.exitCode).toBe(null);
    smtp.answer();

    expect(await hub.exited).toBe(0);
    expect(hub.output().stdout).toContain('SIGTERM: shutting down');
    expect(smtp.delivered.map((m) => m.to)).toEqual(['person1@example.org']);
    expect(await database.connect().selectFrom('outbox').select(['status', 'attempts']).execute()).toEqual([{ status: 'sent', attempts: 0 }]);

    // The restarted hub's worker runs at once: it finds nothing to send.
    const [restarted] = await startHubs(1, env);
    await expect.poll(() => restarted!.output().stdout, { timeout: 10_000 }).toContain('Sending email through');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.arrived).toHaveLength(1);
  }, 60_000);

  it('after kill -9 mid-send sends the message once after the restart, with the same Message-ID, and loses nothing', async () => {
    const { smtp, database, env, hub } = await hubWithOneEmailBeingSent();

    expect(await hub.stop('SIGKILL')).toBe(null);
    await expect.poll(() => smtp.openConnections(), { timeout: 5000, interval: 20 }).toBe(0);
    smtp.answer();
    // The server never got to answer the dead connection: nothing was delivered.
    expect(smtp.delivered).toEqual([]);
    expect(await database.connect().selectFrom('outbox').select('status').execute()).toEqual([{ status: 'sending' }]);

    await startHubs(1, env);
    // The claim (10 s here, the least allowed) runs out and the restarted hub sends it, well before the 10 minutes of old.
    await expect.poll(() => smtp.delivered.length, { timeout: 30_000, interval: 100 }).toBe(1);
    expect(smtp.arrived.map((m) => m.messageId)).toEqual([smtp.arrived[0]!.messageId, smtp.arrived[0]!.messageId]);
    await expect
      .poll(async () => (await database.connect().selectFrom('outbox').select(['status', 'attempts']).execute())[0], { timeout: 5000 })
      .toEqual({ status: 'sent', attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(smtp.delivered).toHaveLength(1);
  }, 60_000);

  it('exits 1 and says why when the mail server does not answer within the grace period', async () => {
    const { smtp, hub } = await hubWithOneEmailBeingSent({ SHUTDOWN_GRACE_SECONDS: '2' });

    expect(await hub.stop('SIGTERM')).toBe(1);
    expect(hub.output().stderr).toContain('Forced exit after 2 s: the mail server had not answered');
    smtp.answer();
    expect(smtp.delivered).toEqual([]);
  }, 60_000);
});
