// Backs up the hub's SQLite file while the hub runs: SQLite's online backup API into a new file
// named for the moment it was taken, checked and counted, with any slides still in uploads/ beside it.
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { DateTime } from 'luxon';
import { STORED_NAME } from '../materials/stored-files.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqlite-driver.js';

/** A failure the person running the backup can act on; its message is the one line they see. */
export class BackupError extends Error {}

export type BackupReport = {
  /** The live database that was copied. */
  source: string;
  /** The copy: `<folder>/<name>-<UTC time>.db`. */
  path: string;
  sizeBytes: number;
  /** PRAGMA integrity_check on the copy answered "ok" (a copy that fails it is not kept). */
  integrity: 'ok';
  counts: { webinars: number; attendees: number; registrations: number; materials: number; storedFiles: number };
  /** Emails waiting in the copy: sent by a hub started on it (held ones once SMTP_URL is set). */
  outbox: { pending: number; held: number; sending: number };
  uploads: UploadsBackup;
};

export type UploadsBackup = {
  /** The old uploads/ folder next to the database, if there is one. */
  legacyFolder: string | null;
  /** Where the files that the copy still needs were copied (null: the copy needs none). */
  copiedTo: string | null;
  copied: string[];
  /** Files the copy needs that are neither in it nor in uploads/ (their downloads answer 404 today too). */
  missing: string[];
};

/**
 * `hub-2026-11-30T021503Z.db` for ./data/hub.db backed up at 02:15:03 UTC: the database's own name,
 * then the UTC time to the second (so that two backups in one minute do not collide), sorting in
 * the order they were taken.
 */
export function backupFileName(databasePath: string, takenAt: DateTime): string {
  const name = basename(databasePath, extname(databasePath)) || 'hub';
  return `${name}-${takenAt.toUTC().toFormat("yyyy-LL-dd'T'HHmmss'Z'")}.db`;
}

/**
 * The command that backs up a hub on PostgreSQL instead (pg_dump reads one snapshot, so it is
 * consistent while the hubs run). Uploaded files are in that database too
 * (table file_chunk), so the dump holds everything. The password is left out of the address:
 * pg_dump asks for it or takes it from PGPASSWORD or ~/.pgpass, and it stays out of shell history.
 */
export function pgDumpCommand(databaseUrl: string, folder: string, takenAt: DateTime): string {
  const url = new URL(databaseUrl);
  url.password = '';
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'hub';
  const file = join(folder, `${name}-${takenAt.toUTC().toFormat("yyyy-LL-dd'T'HHmmss'Z'")}.dump`);
  return `mkdir -p ${shellQuote(folder)} && pg_dump --format=custom --file=${shellQuote(file)} ${shellQuote(url.toString())}`;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Pages per backup step: all of them, see backupSqliteDatabase. */
const ALL_PAGES = 0x7fffffff;

export async function backupSqliteDatabase(options: { databasePath: string; folder: string; takenAt: DateTime }): Promise<BackupReport> {
  const source = resolve(options.databasePath);
  const folder = resolve(options.folder);
  if (!existsSync(source)) throw new BackupError(`There is no SQLite database at ${source} (set DATABASE_PATH to the hub's database file).`);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new BackupError(`Cannot create the backup folder ${folder}: ${(error as Error).message}`);
  }
  const fileName = backupFileName(source, options.takenAt);
  const path = join(folder, fileName);
  if (existsSync(path)) throw new BackupError(`${path} exists already; it is not overwritten.`);
  // Written under another name and renamed once checked, so that a file with the final name is
  // always a whole, checked backup.
  const partial = `${path}.partial`;
  await rm(partial, { force: true });

  const uploadsCopy = join(folder, fileName.replace(/\.db$/, '-uploads'));
  if (existsSync(uploadsCopy)) throw new BackupError(`${uploadsCopy} exists already; it is not overwritten.`);

  try {
    await copyLiveDatabase(source, partial);
    const checked = checkAndCount(partial);
    const uploads = await copyLegacyUploads(join(dirname(source), 'uploads'), checked.filesNeeded, uploadsCopy);
    await rename(partial, path);
    return { source, path, sizeBytes: (await stat(path)).size, integrity: 'ok', counts: checked.counts, outbox: checked.outbox, uploads };
  } catch (error) {
    await rm(partial, { force: true });
    await rm(uploadsCopy, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The online backup API, copying every page in one step. One step is one read transaction on the
 * live file, so it sees a single committed state, and under WAL the hub's writers go on meanwhile.
 * In small steps (better-sqlite3's default is 100 pages) every commit by the hub between two steps
 * restarts the copy, which under a steady stream of registrations might never finish.
 */
async function copyLiveDatabase(source: string, target: string): Promise<void> {
  let live: SQLite.Database;
  try {
    // Read-only: the backup never writes to the live database, whatever goes wrong.
    live = new SQLite(source, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new BackupError(`Cannot open ${source}: ${reasonOf(error)}`);
  }
  try {
    let tables: number;
    try {
      tables = (
        live.prepare(`select count(*) as n from sqlite_master where type = 'table' and name in ('webinar', 'attendee', 'registration')`).get() as { n: number }
      ).n;
    } catch (error) {
      throw new BackupError(`${source} is not a readable SQLite database: ${reasonOf(error)}`);
    }
    if (tables < 3) throw new BackupError(`${source} is not a hub database (it has no webinar, attendee and registration tables).`);
    await live.backup(target, { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
}

function checkAndCount(path: string): {
  counts: BackupReport['counts'];
  outbox: BackupReport['outbox'];
  filesNeeded: Array<{ fileName: string; sizeBytes: number | null }>;
} {
  const copy = new SQLite(path, { fileMustExist: true });
  try {
    // The live file is in WAL mode and the copy inherits it; a backup should be one self-contained
    // file, to be copied around on its own. The hub switches it back to WAL when it opens it.
    copy.pragma('journal_mode = DELETE');
    const problems = (copy.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(
        `The copy fails PRAGMA integrity_check (${problems.slice(0, 3).join('; ')}), so it was not kept; the live database is probably damaged: stop the hub and run sqlite3 on it with PRAGMA integrity_check.`,
      );
    }
    const tables = new Set((copy.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>).map((row) => row.name));
    const count = (table: string, where = '') =>
      tables.has(table) ? (copy.prepare(`select count(*) as n from ${table} ${where}`).get() as { n: number }).n : 0;
    const outbox = tables.has('outbox')
      ? Object.fromEntries(
          (
            copy.prepare(`select status, count(*) as n from outbox where status in ('pending', 'held', 'sending') group by status`).all() as Array<{
              status: string;
              n: number;
            }>
          ).map((row) => [row.status, row.n]),
        )
      : {};
    // A database from before files lived in it has no file_chunk table: every file is in uploads/.
    const filesNeeded = !tables.has('material')
      ? []
      : (copy
          .prepare(
            `select file_name as fileName, size_bytes as sizeBytes from material where file_name is not null ${tables.has('file_chunk') ? 'and not exists (select 1 from file_chunk where file_chunk.file_name = material.file_name)' : ''} order by id`,
          )
          .all() as Array<{ fileName: string; sizeBytes: number | null }>);
    return {
      counts: {
        webinars: count('webinar'),
        attendees: count('attendee'),
        registrations: count('registration'),
        materials: count('material'),
        storedFiles: tables.has('file_chunk') ? (copy.prepare('select count(*) as n from file_chunk where seq = 0').get() as { n: number }).n : 0,
      },
      outbox: { pending: outbox.pending ?? 0, held: outbox.held ?? 0, sending: outbox.sending ?? 0 },
      filesNeeded,
    };
  } finally {
    copy.close();
  }
}

/**
 * Slides from before files lived in the database, that the copy does not hold yet (the hub moves
 * them in at its next start). They are copied beside the backup, to be put back as uploads/ next
 * to the restored file. Only names the hub generated are joined to the folder: a row is never a path.
 */
async function copyLegacyUploads(
  legacyFolder: string,
  filesNeeded: Array<{ fileName: string; sizeBytes: number | null }>,
  target: string,
): Promise<UploadsBackup> {
  const result: UploadsBackup = { legacyFolder: existsSync(legacyFolder) ? legacyFolder : null, copiedTo: null, copied: [], missing: [] };
  for (const { fileName, sizeBytes } of filesNeeded) {
    const from = join(legacyFolder, fileName);
    const size = STORED_NAME.test(fileName)
      ? await stat(from).then(
          (s) => (s.isFile() ? s.size : undefined),
          () => undefined,
        )
      : undefined;
    // The hub would not import a file of another size than its material records: neither is it saved.
    if (size === undefined || (sizeBytes !== null && size !== sizeBytes)) {
      result.missing.push(fileName);
      continue;
    }
    await mkdir(target, { recursive: true });
    await copyFile(from, join(target, fileName));
    result.copiedTo = target;
    result.copied.push(fileName);
  }
  return result;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as Error).message;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}
