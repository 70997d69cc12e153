// Backs up the hub's SQLite database, also while the hub runs:   npm run backup -- <folder>
// Reads DATABASE_PATH (default ./data/hub.db) as the server does; with DATABASE_URL set it names
// the pg_dump command instead. Failures are one line and a non-zero exit code.
import { DateTime } from 'luxon';
import { parseConfig, redactDatabaseUrl } from '../src/config.js';
import { BackupError, backupSqliteDatabase, pgDumpCommand, type BackupReport } from '../src/db/backup.js';

function stop(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const [folder, ...extra] = process.argv.slice(2);
if (!folder || extra.length > 0) stop('Usage: npm run backup -- <folder>   (backs up DATABASE_PATH, default ./data/hub.db, into the folder)', 2);

// Only the two variables that say where the database is: a backup must not fail over MAIL_FROM.
const parsed = parseConfig({ DATABASE_PATH: process.env.DATABASE_PATH, DATABASE_URL: process.env.DATABASE_URL });
if (!parsed.ok) stop(parsed.errors.join(' '), 2);
const { databasePath, databaseUrl } = parsed.config;
const takenAt = DateTime.utc();

if (databaseUrl !== null) {
  stop(
    [
      `DATABASE_URL is set (${redactDatabaseUrl(databaseUrl)}): the hub's data, uploaded files included, is in PostgreSQL, which this command does not copy. Back it up with pg_dump (it asks for the password, or takes it from PGPASSWORD):`,
      `  ${pgDumpCommand(databaseUrl, folder, takenAt)}`,
    ].join('\n'),
    2,
  );
}
if (databasePath === ':memory:') stop('DATABASE_PATH is :memory:, which lives only inside the hub process and cannot be backed up.', 2);

let report: BackupReport;
try {
  report = await backupSqliteDatabase({ databasePath, folder, takenAt });
} catch (error) {
  const message = (error as Error).message;
  const code = (error as { code?: unknown }).code;
  stop(
    error instanceof BackupError
      ? `Backup failed: ${message}`
      : `Backup failed: ${message}${typeof code === 'string' && !message.includes(code) ? ` (${code})` : ''}`,
    1,
  );
}

const { counts, outbox, uploads } = report;
const waiting = outbox.pending + outbox.held + outbox.sending;
console.log(
  [
    `Backed up ${report.source}`,
    `  to ${report.path} (${formatSize(report.sizeBytes)}), PRAGMA integrity_check: ${report.integrity}`,
    `  rows: ${counts.webinars} webinars, ${counts.attendees} attendees, ${counts.registrations} registrations, ${counts.materials} materials, ${counts.storedFiles} uploaded files in the database`,
    `  outbox: ${outbox.pending} pending, ${outbox.held} held${outbox.sending > 0 ? `, ${outbox.sending} being sent` : ''}` +
      (waiting > 0 ? ' (a hub restored from this copy sends them, also any that this hub sends after the backup)' : ''),
    `  uploads: ${uploadsLine(report)}`,
    `Restore: stop the hub, move the old database file and its -wal and -shm files away, copy ${report.path} to DATABASE_PATH${uploads.copiedTo ? ` and ${uploads.copiedTo} to uploads/ next to it` : ''}, start the hub.`,
  ].join('\n'),
);

function uploadsLine({ uploads }: BackupReport): string {
  const missing =
    uploads.missing.length > 0
      ? `; ${uploads.missing.length} file(s) the database names are neither in it nor in ${uploads.legacyFolder ?? 'an uploads/ folder'} and were not saved (their downloads answer 404): ${uploads.missing.join(', ')}`
      : '';
  if (uploads.copiedTo) {
    return `${uploads.copied.length} file(s) still in ${uploads.legacyFolder}, not yet moved into the database, copied to ${uploads.copiedTo} (the hub moves them in at its next start)${missing}`;
  }
  if (uploads.legacyFolder) return `every uploaded file is in the database copy; ${uploads.legacyFolder} is no longer used${missing}`;
  return `every uploaded file is in the database copy${missing}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}
