// /healthz says the process answers and reaches its database; /readyz says whether it can do its
// work: the database takes a committed write and has shown no damage. A full disk and a damaged
// file are said as such, to the client (503) and in the log.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { fixedClock } from '../../src/clock.js';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { json, VISITOR } from '../helpers/forms.js';
import { TEST_ENGINE } from '../helpers/test-database.js';
import { buildTestApp, TEST_BASE_URL, tableCounts } from '../helpers/test-app.js';
import { tempDir } from '../helpers/temp-dir.js';

const SLUG = 'pilots-with-startups-norway';
const DISK_FULL_CODE = TEST_ENGINE === 'sqlite' ? 'SQLITE_FULL' : '53100';

/**
 * Makes every write that needs room fail as on a full disk. SQLite: the writer may not grow the
 * file (max_page_count) and the room left in its pages is used up. PostgreSQL: triggers raise
 * disk_full (53100), the error PostgreSQL gives when it cannot extend a file.
 */
async function fillTheDisk(db: Db): Promise<void> {
  if (TEST_ENGINE === 'sqlite') {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(db);
    const error = await (async () => {
      for (let i = 0; i < 100_000; i++)
        await db
          .insertInto('rate_limit_hit')
          .values({ scope: 'filler', key: String(i), at: '2027-02-01T12:00:00.000Z' })
          .execute();
    })().catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    return;
  }
  await sql
    .raw(`create function disk_full() returns trigger language plpgsql as $$
    begin raise exception 'could not extend file: No space left on device' using errcode = 'disk_full'; end $$`)
    .execute(db);
  for (const table of ['rate_limit_hit', 'attendee', 'registration', 'outbox']) {
    await sql.raw(`create trigger ${table}_disk_full before insert on ${table} for each row execute function disk_full()`).execute(db);
  }
}

async function freeTheDisk(db: Db): Promise<void> {
  if (TEST_ENGINE === 'sqlite') {
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    return;
  }
  for (const table of ['rate_limit_hit', 'attendee', 'registration', 'outbox']) await sql.raw(`drop trigger ${table}_disk_full on ${table}`).execute(db);
}

describe('GET /readyz', () => {
  it('answers 200 when the database takes a write, and leaves no row behind', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request('/readyz');
    expect([res.status, res.headers.get('cache-control'), await res.json()]).toEqual([200, 'no-store', { status: 'ok' }]);
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(ctx.logged).toEqual([]);
  });

  it('answers 503 "disk full" while nothing can be written, /healthz staying 200, and 200 again once there is room', async () => {
    const ctx = await buildTestApp();
    await fillTheDisk(ctx.db);
    const res = await ctx.app.request('/readyz');
    expect([res.status, await res.json()]).toEqual([503, { status: 'error', reason: 'disk full' }]);
    // Polled every few seconds: said once in the log, not at every poll.
    await ctx.app.request('/readyz');
    expect(ctx.logged.map((entry) => [entry.message, (entry.error as { code?: string }).code])).toEqual([['Not ready: disk full', DISK_FULL_CODE]]);
    // Liveness is another question: the process runs and reaches its database.
    const health = await ctx.app.request('/healthz');
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);

    await freeTheDisk(ctx.db);
    const again = await ctx.app.request('/readyz');
    expect([again.status, await again.json()]).toEqual([200, { status: 'ok' }]);
    expect(ctx.logged.at(-1)?.message).toBe('Ready again: the database takes writes.');
  });

  it('comes before the page middleware, as /healthz does: no page headers, no cookies', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request('/readyz?tz=Asia/Shanghai');
    expect(res.status).toBe(200);
    expect([res.headers.get('content-security-policy'), res.headers.get('set-cookie')]).toEqual([null, null]);
  });
});

describe('a full disk', () => {
  it('answers a registration with 503 "the server’s disk is full", stores nothing, and logs the full disk', async () => {
    const ctx = await buildTestApp();
    await fillTheDisk(ctx.db);
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    expect([res.status, await res.json()]).toEqual([503, { error: 'The server’s disk is full. Nothing was saved; please try again later.' }]);
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(ctx.logged.map((entry) => [entry.message, (entry.error as { code?: string }).code])).toEqual([
      [`Disk full: nothing can be written to the database (POST /api/webinars/${SLUG}/registrations)`, DISK_FULL_CODE],
    ]);
    // The form gets a page that says the same.
    const page = await ctx.app.request(`/webinars/${SLUG}/register`, {
      method: 'POST',
      body: new URLSearchParams(VISITOR).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('The server’s disk is full. Nothing was saved; please try again later.');

    // Once there is room again, the same registration goes through: nothing was left half-done.
    await freeTheDisk(ctx.db);
    const retried = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    expect(retried.status).toBe(201);
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('SQLite: a full disk in a transaction', () => {
  it('fails with SQLITE_FULL, not "cannot rollback - no transaction is active", and the writer stays usable', async () => {
    const ctx = await buildTestApp();
    await fillTheDisk(ctx.db);
    const error = await ctx.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('rate_limit_hit')
          .values({ scope: 'big', key: 'x'.repeat(20_000), at: 'now' })
          .execute();
      })
      .catch((caught: unknown) => caught);
    expect([(error as { code?: string }).code, (error as Error).message]).toEqual(['SQLITE_FULL', 'database or disk is full']);
    // The failed transaction released the writer and left none open: the next one runs.
    await freeTheDisk(ctx.db);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('rate_limit_hit').values({ scope: 'after', key: 'k', at: 'now' }).execute();
    });
    expect(await ctx.db.selectFrom('rate_limit_hit').select('key').where('scope', '=', 'after').execute()).toEqual([{ key: 'k' }]);
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('SQLite: a damaged file met while running', () => {
  it('answers the request that meets the damage with 503, logs it, and fails readiness from then on', async () => {
    const path = join(tempDir('hub-damaged-'), 'hub.db');
    const clock = fixedClock('2027-02-01T12:00:00Z');
    const setup = openDatabase({ engine: 'sqlite', path });
    await migrateToLatest(setup);
    await seedDatabase(setup, clock, { demo: true });
    const { rows } = await sql<{ rootpage: number }>`select rootpage from sqlite_master where name = 'webinar'`.execute(setup);
    await setup.destroy();
    // The webinar table's first page overwritten, as a bad disk or a careless copy would.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (rows[0]!.rootpage - 1) * 4096);
    closeSync(fd);

    const db = openDatabase({ engine: 'sqlite', path });
    const logged: Array<{ message: string; error: unknown }> = [];
    const app = createApp({ db, clock, baseUrl: TEST_BASE_URL, log: (message, error) => logged.push({ message, error }) });
    try {
      const res = await app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
      expect(res.status).toBe(503);
      expect(logged.map((entry) => [entry.message, (entry.error as { code?: string }).code])).toEqual([
        [`The database is damaged and must be restored from a backup (POST /api/webinars/${SLUG}/registrations)`, 'SQLITE_CORRUPT'],
      ]);
      const ready = await app.request('/readyz');
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'error', reason: 'database corrupt' }]);
    } finally {
      await db.destroy();
    }
  });
});
