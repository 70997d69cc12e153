// `npm start` on a damaged SQLite file stops with one line instead of serving half a programme.
import { createServer, type AddressInfo } from 'node:net';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { TEST_ENGINE } from './helpers/test-database.js';
import { startLikeNpmStart } from './helpers/npm-start.js';
import { tempDir } from './helpers/temp-dir.js';

const PAGE = 4096;

/** Runs src/server.ts as `npm start` does until it listens or exits. */
function start(env: Record<string, string>) {
  const hub = startLikeNpmStart(env);
  const ended = hub.ready.then(({ url, code }) => ({ code: url === undefined ? (code ?? null) : null, listening: url !== undefined }));
  return { ...hub, ended };
}

/** A hub database with the demo programme, written to the file (no WAL left beside it). */
async function demoDatabase(): Promise<string> {
  const path = join(tempDir('hub-check-'), 'hub.db');
  const db = openDatabase({ engine: 'sqlite', path });
  await migrateToLatest(db);
  await seedDatabase(db, fixedClock('2027-02-01T12:00:00Z'), { demo: true });
  await db.destroy();
  return path;
}

describe.skipIf(TEST_ENGINE !== 'sqlite')('npm start on a damaged database', () => {
  it('stops with one clear line when two pages in the middle of the file are overwritten', async () => {
    const path = await demoDatabase();
    const pages = statSync(path).size / PAGE;
    const fd = openSync(path, 'r+');
    for (const page of [Math.floor(pages / 2), Math.floor(pages / 2) + 1]) writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, page * PAGE);
    closeSync(fd);

    const server = start({ PORT: '0', DATABASE_PATH: path });
    try {
      const { code, listening } = await server.ended;
      expect([listening, code]).toEqual([false, 1]);
      const { stderr } = server.output();
      // Which check meets the damage first depends on which pages hold what: quick_check names the
      // page, a read of the schema answers SQLITE_CORRUPT; either way one line, nothing written.
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(
        new RegExp(
          `^Cannot start the hub: DATABASE_PATH "${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is damaged \\((PRAGMA quick_check: .*page \\d+.*|SQLITE_CORRUPT: .*)\\); restore it from a backup\\.\\n$`,
        ),
      );
      // Nothing was written to it: no migration, no WAL left behind by a write.
      expect(statSync(path).size).toBe(pages * PAGE);
    } finally {
      server.child.kill('SIGTERM');
    }
  }, 60_000);

  it('starts on the same database undamaged', async () => {
    const path = await demoDatabase();
    const server = start({ PORT: '0', DATABASE_PATH: path });
    try {
      expect((await server.ended).listening).toBe(true);
      expect(server.output().stderr).toBe('');
    } finally {
      server.child.kill('SIGTERM');
    }
  }, 60_000);
});

describe('npm start while the database is not ready yet', () => {
  it('answers every request with 503 and Retry-After at once, and stops at once on SIGTERM', async () => {
    // A "PostgreSQL server" that accepts connections and never answers: the hub waits for it.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port: silentPort } = silent.address() as AddressInfo;
    const server = start({ PORT: '0', DATABASE_URL: `postgres://hub:secret@127.0.0.1:${silentPort}/hub` });
    try {
      const open = await waitForLine(server, /^Port (\d+) open; answering 503 until the database is ready\.$/m);
      const hubUrl = `http://127.0.0.1:${open[1]}`;
      for (const path of ['/healthz', '/', '/calendar.ics']) {
        const res = await fetch(`${hubUrl}${path}`);
        expect([path, res.status, res.headers.get('retry-after'), res.headers.get('cache-control')]).toEqual([path, 503, '1', 'no-store']);
        expect(await res.json()).toEqual({ status: 'starting', error: 'The hub is starting; try again in a moment.' });
      }
      server.child.kill('SIGTERM');
      expect(await server.ended).toEqual({ code: 0, listening: false });
      expect(server.output().stdout).toContain('SIGTERM while starting: stopped before serving.');
    } finally {
      server.child.kill('SIGKILL');
      silent.close();
    }
  }, 60_000);
});

/** Resolves with the match once the hub's output has a line matching `pattern`. */
async function waitForLine(server: ReturnType<typeof start>, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const found = server.output().stdout.match(pattern);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No line matching ${pattern} in: ${server.output().stdout}`);
}
