// Another process holding SQLite's write lock (a backup, a sqlite3 shell, a second hub) makes
// requests wait for it, up to the busy timeout (5 s), and then refuse clearly: never a 500.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebinarThroughApi, HUB_PROCESS_API_TOKEN, registerThroughApi, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const running: HubProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((hub) => hub.stop('SIGKILL')));
});

async function hubWithWebinar() {
  const path = join(tempDir('hub-lock-'), 'hub.db');
  const hub = await startHubProcess({ DATABASE_PATH: path, HUB_DEMO: '0', HUB_API_TOKEN: HUB_PROCESS_API_TOKEN, TRUST_PROXY: '1' });
  running.push(hub);
  const slug = await createWebinarThroughApi(hub, { title: 'Locked out', capacity: 50 });
  const register = async (n: number) => {
    const started = Date.now();
    const res = await registerThroughApi(hub, slug, n);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
  };
  const read = async (page: string) => (await fetch(`${hub.url}${page}`)).status;
  return { path, register, read };
}

/** Holds the write lock from this process, as `sqlite3 hub.db 'BEGIN IMMEDIATE'` would, for `ms`. */
function holdWriteLock(path: string, ms: number): Promise<void> {
  const other = new SQLite(path);
  other.exec('BEGIN IMMEDIATE');
  return new Promise((resolve) =>
    setTimeout(() => {
      other.exec('COMMIT');
      other.close();
      resolve();
    }, ms),
  );
}

describe('another process holding the SQLite write lock', () => {
  it('makes registrations wait for it when it lets go within 5 seconds, and then all succeed', async () => {
    const { path, register, read } = await hubWithWebinar();
    let lockReleased = false;
    const released = holdWriteLock(path, 3000).then(() => {
      lockReleased = true;
    });

    const registering = Promise.all([1, 2, 3, 4, 5].map(register));
    // Meanwhile pages and the health check are read on their own connection, and the hub's event
    // loop is free: they answer while the lock is still held, not after it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reads = await Promise.all(['/healthz', '/', '/calendar.ics'].map(read));
    const readWhileLocked = !lockReleased;
    const results = await registering;
    await released;

    expect(reads).toEqual([200, 200, 200]);
    expect(readWhileLocked).toBe(true);

    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(Math.min(...results.map((r) => r.ms))).toBeGreaterThanOrEqual(2500);
  }, 60_000);

  it('refuses with 503, Retry-After and a clear message once it waited 5 seconds, storing nothing for those', async () => {
    const { path, register } = await hubWithWebinar();
    const released = holdWriteLock(path, 7000);

    const results = await Promise.all([1, 2, 3, 4, 5].map(register));
    await released;

    // The first waited its 5 seconds and was refused; those queued behind it in the hub started
    // their own wait later and got the lock when it was let go at 7 seconds. None is a 500.
    expect([results[0]!.status, results[0]!.retryAfter, results[0]!.ms >= 4500]).toEqual([503, '5', true]);
    expect(results[0]!.body).toEqual({ error: 'The hub is busy saving other changes. Nothing was saved; please try again in a few seconds.' });
    for (const r of results) expect([201, 503]).toContain(r.status);
    const check = new SQLite(path, { readonly: true });
    const stored = (check.prepare('select count(*) as n from registration').get() as { n: number }).n;
    check.close();
    expect(stored).toBe(results.filter((r) => r.status === 201).length);
    // Once the lock is free again, the refused registration goes through.
    expect((await register(1)).status).toBe(201);
  }, 60_000);
});
