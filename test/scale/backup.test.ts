// `npm run backup`: a copy of a running hub's SQLite file, taken while registrations come in, that
// a second hub starts on with every registration acknowledged before the backup began.
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { createWebinarThroughApi, HUB_PROCESS_API_TOKEN, registerThroughApi, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const running: HubProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((hub) => hub.stop('SIGKILL')));
});

async function startHub(databasePath: string): Promise<HubProcess> {
  const hub = await startHubProcess({ DATABASE_PATH: databasePath, HUB_DEMO: '0', HUB_API_TOKEN: HUB_PROCESS_API_TOKEN, TRUST_PROXY: '1' });
  running.push(hub);
  return hub;
}

type Run = { code: number; stdout: string; stderr: string };

/** `npm run backup -- <folder>`, as the script it runs, with only the environment given. */
function runBackup(folder: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/backup.ts', folder],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function backupPathIn(stdout: string): string {
  const path = /^ {2}to (\S+\.db) /m.exec(stdout)?.[1];
  if (!path) throw new Error(`No backup path in:\n${stdout}`);
  return path;
}

/** Reads a database file directly, without a hub. */
function readDatabase<T>(path: string, read: (db: SQLite.Database) => T): T {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const attendeeEmails = (db: SQLite.Database) =>
  (db.prepare('select email from attendee order by id').all() as Array<{ email: string }>).map((row) => row.email);
const countOf = (db: SQLite.Database, table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const email = (n: number) => `person${n}@example.org`;

describe('npm run backup on a running hub', () => {
  it('copies the database during a burst of registrations; a hub started on the copy has every registration acknowledged before the backup began', async () => {
    const live = join(tempDir('hub-backup-live-'), 'hub.db');
    const hub = await startHub(live);
    const slug = await createWebinarThroughApi(hub, { title: 'Backed up mid-burst', capacity: 150 });

    const first = await Promise.all(range(0, 100).map((n) => registerThroughApi(hub, slug, n)));
    expect(first.map((res) => res.status)).toEqual(range(0, 100).map(() => 201));
    const acknowledgedBefore = range(0, 100).map(email);

    // The backup starts, and registrations keep coming, four at a time, until it has ended and at
    // least 100 more were made.
    const folder = tempDir('hub-backups-');
    let backupRunning = true;
    const backup = runBackup(folder, { DATABASE_PATH: live }).finally(() => (backupRunning = false));
    const during: Array<{ n: number; status: number; whileBackupRan: boolean }> = [];
    let next = 100;
    await Promise.all(
      range(0, 4).map(async () => {
        while ((backupRunning || next < 200) && next < 5000) {
          const n = next++;
          const res = await registerThroughApi(hub, slug, n);
          during.push({ n, status: res.status, whileBackupRan: backupRunning });
          await res.body?.cancel();
        }
      }),
    );
    const { code, stdout, stderr } = await backup;
    expect([code, stderr]).toEqual([0, '']);
    // The hub answered everyone while the backup ran, and the backup overlapped the burst.
    expect(during.filter((r) => r.status !== 201)).toEqual([]);
    expect(during.filter((r) => r.whileBackupRan).length).toBeGreaterThan(0);
    const total = 100 + during.length;

    const path = backupPathIn(stdout);
    expect(basename(path)).toMatch(/^hub-\d{4}-\d\d-\d\dT\d{6}Z\.db$/);
    expect(existsSync(`${path}.partial`)).toBe(false);
    // One self-contained file: no WAL beside it, and in rollback-journal mode until a hub opens it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const copy = readDatabase(path, (db) => ({
      emails: attendeeEmails(db),
      registrations: countOf(db, 'registration'),
      outbox: countOf(db, 'outbox'),
      waiting: db
        .prepare(`select count(*) filter (where status = 'pending') as pending, count(*) filter (where status = 'held') as held from outbox`)
        .get() as { pending: number; held: number },
      journalMode: db.pragma('journal_mode', { simple: true }),
    }));
    expect(copy.journalMode).toBe('delete');
    expect(acknowledgedBefore.filter((address) => !copy.emails.includes(address))).toEqual([]);
    expect(copy.emails.length).toBeGreaterThanOrEqual(100);
    expect(copy.emails.length).toBeLessThanOrEqual(total);
    // One committed state: every attendee with their registration and its confirmation email,
    // written in one transaction, and nothing torn between them.
    expect([copy.registrations, copy.outbox]).toEqual([copy.emails.length, copy.emails.length]);
    // What it printed is what it wrote. Without SMTP_URL no confirmation was sent: each waits,
    // pending until the worker marks it held.
    expect(stdout).toContain(
      `  rows: 1 webinars, ${copy.emails.length} attendees, ${copy.emails.length} registrations, 0 materials, 0 uploaded files in the database\n`,
    );
    expect(copy.waiting.pending + copy.waiting.held).toBe(copy.emails.length);
    expect(stdout).toContain(`  outbox: ${copy.waiting.pending} pending, ${copy.waiting.held} held (`);
    expect(stdout).toMatch(/PRAGMA integrity_check: ok\n/);
    console.info(
      `backup during a burst: ${acknowledgedBefore.length} acknowledged before the backup began, ${copy.emails.length} in the backup, ${total} in all (${during.filter((r) => r.whileBackupRan).length} answered 201 while the backup ran)`,
    );

    // Restore: the file put in place as another hub's DATABASE_PATH.
    const restored = join(tempDir('hub-backup-restored-'), 'hub.db');
    copyFileSync(path, restored);
    const second = await startHub(restored);
    const listed = await fetch(`${second.url}/api/webinars/${slug}/registrations`, { headers: { authorization: `Bearer ${HUB_PROCESS_API_TOKEN}` } });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { registrations: Array<{ email: string; status: string }> };
    expect(body.registrations.map((r) => r.email).sort()).toEqual([...copy.emails].sort());
    expect(body.registrations.filter((r) => r.status === 'confirmed')).toHaveLength(Math.min(150, copy.emails.length));
    // It goes on from there.
    expect((await registerThroughApi(second, slug, 9999)).status).toBe(201);
    expect(readDatabase(restored, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  }, 120_000);

  it('has the rows that are only in the WAL, which a cp of the database file misses', async () => {
    const dir = tempDir('hub-backup-cp-');
    const live = join(dir, 'hub.db');
    const hub = await startHub(live);
    const slug = await createWebinarThroughApi(hub, { title: 'Copied with cp', capacity: 500 });
    expect((await Promise.all(range(0, 100).map((n) => registerThroughApi(hub, slug, n)))).map((res) => res.status)).toEqual(range(0, 100).map(() => 201));

    // A reader that keeps its snapshot (as a long report or a slow backup in small steps would)
    // holds checkpoints back at that point, so what follows stays in hub.db-wal only. Without it the
    // same happens between two automatic checkpoints (every 1000 pages), just not on cue.
    const pinned = new SQLite(live, { readonly: true, fileMustExist: true });
    try {
      pinned.exec('begin');
      expect(countOf(pinned, 'attendee')).toBe(100);
      expect((await Promise.all(range(100, 200).map((n) => registerThroughApi(hub, slug, n)))).map((res) => res.status)).toEqual(
        range(100, 200).map(() => 201),
      );
      // Whatever may be checkpointed, is, before the copy: the file stops changing.
      const other = new SQLite(live, { fileMustExist: true });
      other.pragma('wal_checkpoint(PASSIVE)');
      other.close();

      const copied = join(tempDir('hub-backup-cp-copy-'), 'hub.db');
      copyFileSync(live, copied);
      const { code, stdout } = await runBackup(join(dir, 'backups'), { DATABASE_PATH: live });
      expect(code).toBe(0);

      // The hub's own checkpoints may still be copying pages into hub.db while cp reads it, so the
      // copy may be torn as well; either way, none of the last 100 can be in it.
      const inCp = (() => {
        try {
          return readDatabase(copied, (db) => countOf(db, 'attendee'));
        } catch (error) {
          return (error as Error).message;
        }
      })();
      const inBackup = readDatabase(backupPathIn(stdout), (db) => attendeeEmails(db));
      expect(typeof inCp === 'string' ? inCp : inCp <= 100).toSatisfy((outcome) => outcome === true || outcome === 'database disk image is malformed');
      expect([...inBackup].sort()).toEqual(range(0, 200).map(email).sort());
      console.info(
        `cp of hub.db without hub.db-wal: ${typeof inCp === 'string' ? inCp : `${inCp} of 200 acknowledged attendees`}; npm run backup: ${inBackup.length} of 200`,
      );
    } finally {
      pinned.exec('commit');
      pinned.close();
    }
  }, 120_000);
});

describe('npm run backup with slides from before files lived in the database', () => {
  it('copies the files still in uploads/ beside the backup, and a hub restored with them as uploads/ serves them', async () => {
    const dir = tempDir('hub-backup-uploads-');
    const live = join(dir, 'hub.db');
    const now = '2027-02-01T12:00:00Z';
    const db = openDatabase({ engine: 'sqlite', path: live });
    await migrateToLatest(db);
    await seedDatabase(db, fixedClock(now), { demo: true });
    // A slide deck whose row the database has, and whose file is still in uploads/.
    const legacy = `${'b'.repeat(32)}.pdf`;
    const legacyBytes = Buffer.from('%PDF-1.4\n% a deck from before\n%%EOF\n');
    mkdirSync(join(dir, 'uploads'));
    writeFileSync(join(dir, 'uploads', legacy), legacyBytes);
    // A stray file in the folder that no material names is not copied.
    writeFileSync(join(dir, 'uploads', 'notes.txt'), 'not a slide');
    const webinar = await db.selectFrom('webinar').select('id').where('slug', '=', 'open-innovation-platforms-china').executeTakeFirstOrThrow();
    const material = await db
      .insertInto('material')
      .values({
        webinar_id: webinar.id,
        kind: 'slides',
        title: 'Old deck',
        url: null,
        file_name: legacy,
        original_name: 'old.pdf',
        content_type: 'application/pdf',
        size_bytes: legacyBytes.length,
        visibility: 'public',
        position: 5,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.destroy();

    const { code, stdout } = await runBackup(join(dir, 'backups'), { DATABASE_PATH: live });
    expect(code).toBe(0);
    const path = backupPathIn(stdout);
    const uploadsCopy = path.replace(/\.db$/, '-uploads');
    expect(stdout).toContain(
      `  uploads: 1 file(s) still in ${join(dir, 'uploads')}, not yet moved into the database, copied to ${uploadsCopy} (the hub moves them in at its next start)\n`,
    );
    expect(readFileSync(join(uploadsCopy, legacy)).equals(legacyBytes)).toBe(true);
    expect(existsSync(join(uploadsCopy, 'notes.txt'))).toBe(false);

    const restoredDir = tempDir('hub-backup-uploads-restored-');
    copyFileSync(path, join(restoredDir, 'hub.db'));
    cpSync(uploadsCopy, join(restoredDir, 'uploads'), { recursive: true });
    const hub = await startHub(join(restoredDir, 'hub.db'));
    const file = await fetch(`${hub.url}/materials/${material.id}/old.pdf`);
    expect([file.status, Buffer.from(await file.arrayBuffer()).equals(legacyBytes)]).toEqual([200, true]);
    expect(hub.output().stdout).toContain('Moved 1 uploaded file(s)');
  }, 60_000);
});

describe('npm run backup refuses', () => {
  it('a hub on PostgreSQL, naming the pg_dump command without the password', async () => {
    const { code, stdout, stderr } = await runBackup('/var/backups/hub', { DATABASE_URL: 'postgres://hub:s3cret@db.example.org:5432/webinars' });
    expect([code, stdout]).toEqual([2, '']);
    const [reason, command, ...rest] = stderr.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(reason).toMatch(/^DATABASE_URL is set \(postgres:\/\/hub:\*\*\*@db\.example\.org:5432\/webinars\): .*uploaded files included, is in PostgreSQL/);
    expect(command).toMatch(
      /^ {2}mkdir -p \/var\/backups\/hub && pg_dump --format=custom --file=\/var\/backups\/hub\/webinars-\d{4}-\d\d-\d\dT\d{6}Z\.dump postgres:\/\/hub@db\.example\.org:5432\/webinars$/,
    );
    expect(stderr).not.toContain('s3cret');
  }, 60_000);

  it('a missing database, a file that is not one, and a missing folder argument, each in one line', async () => {
    const dir = tempDir('hub-backup-errors-');
    writeFileSync(join(dir, 'notes.db'), 'not a database at all, just some text that is long enough to not be empty');
    const [missing, notDatabase, noFolder] = await Promise.all([
      runBackup(join(dir, 'backups'), { DATABASE_PATH: join(dir, 'nothing.db') }),
      runBackup(join(dir, 'backups'), { DATABASE_PATH: join(dir, 'notes.db') }),
      new Promise<Run>((resolve) =>
        execFile(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], { env: { PATH: process.env.PATH ?? '' } }, (error, stdout, stderr) =>
          resolve({ code: Number(error?.code ?? 0), stdout, stderr }),
        ),
      ),
    ]);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: `Backup failed: There is no SQLite database at ${join(dir, 'nothing.db')} (set DATABASE_PATH to the hub's database file).\n`,
    });
    expect(notDatabase).toEqual({
      code: 1,
      stdout: '',
      stderr: `Backup failed: ${join(dir, 'notes.db')} is not a readable SQLite database: file is not a database (SQLITE_NOTADB)\n`,
    });
    expect(noFolder).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Usage: npm run backup -- <folder>   (backs up DATABASE_PATH, default ./data/hub.db, into the folder)\n',
    });
    // Nothing was left behind.
    expect(existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []).toEqual([]);
  }, 60_000);
});
