// Starts the hub: configuration -> database -> migrations -> seed -> HTTP server. The only module
// that reads process.env or opens a port.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { bootstrapCoordinators } from './auth/auth.service.js';
import { systemClock } from './clock.js';
import { localUrl, parseConfig, redactDatabaseUrl } from './config.js';
import { openDatabase, type Db } from './db/connection.js';
import { findDatabaseDamage } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDatabase } from './seed/seed-database.js';
import { seedDemoMaterials } from './materials/demo-materials.js';
import { importUploadsFolder } from './materials/legacy-uploads.js';
import { sweepTempUploads } from './materials/temp-file.js';
import { redactSmtpUrl, smtpTransport } from './mail/mailer.js';
import { createOutboxWorker } from './mail/outbox.worker.js';
import { pruneRateLimits } from './http/rate-limit.js';
import { enqueueDueReminders } from './registration/reminders.js';
import { warmZoneSearch } from './time/zone-search.js';
import { sweepStagedFiles } from './materials/stored-files.js';

function fail(message: string): never {
  console.error(`Cannot start the hub: ${message}`);
  process.exit(1);
}

const parsed = parseConfig(process.env);
if (!parsed.ok) fail(parsed.errors.join('\n'));
const config = parsed.config;
type App = ReturnType<typeof createApp>;

// The port opens first: a taken port fails at once, and with PORT=0 (any free port: tests start
// hubs that way) the port the system chose is known before BASE_URL's default is used for links.
// Until the database is ready every request is told so at once (503, Retry-After), /healthz
// included: a migration waiting for another instance's lock, or a database server that does not
// answer, must not hold connections open or look healthy to a load balancer.
let app: App | undefined;
const starting = () =>
  new Response(JSON.stringify({ status: 'starting', error: 'The hub is starting; try again in a moment.' }), {
    status: 503,
    headers: { 'Content-Type': 'application/json', 'Retry-After': '1', 'Cache-Control': 'no-store' },
  });
const server = serve({
  fetch: (request, env) => (app ? app.fetch(request, env) : starting()),
  port: config.port,
  hostname: config.host,
});
// A stop asked for before the hub is ready: nothing is under way yet, so it ends at once.
const stopWhileStarting = (signal: string) => {
  console.log(`${signal} while starting: stopped before serving.`);
  process.exit(0);
};
process.once('SIGINT', stopWhileStarting);
process.once('SIGTERM', stopWhileStarting);
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`PORT ${config.port} is already in use on ${config.host}; set PORT to a free port.`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`HOST "${config.host}" is not an address of this machine.`);
  fail(error.message);
});
await new Promise((listening) => server.once('listening', listening));
// Where it can be reached on this machine; BASE_URL's default names the port actually bound.
const local = localUrl(config.host, (server.address() as AddressInfo).port);
const baseUrl = config.baseUrl === localUrl(config.host, config.port) ? local : config.baseUrl;
console.log(`Port ${(server.address() as AddressInfo).port} open; answering 503 until the database is ready.`);

let db: Db;
try {
  if (config.databaseUrl === null && config.databasePath !== ':memory:') mkdirSync(dirname(resolve(config.databasePath)), { recursive: true });
  db = openDatabase(config.databaseUrl === null ? { engine: 'sqlite', path: config.databasePath } : { engine: 'postgres', url: config.databaseUrl });
} catch (error) {
  fail(`DATABASE_PATH "${config.databasePath}" cannot be opened or created (${(error as Error).message}).`);
}
const databaseName = config.databaseUrl === null ? config.databasePath : redactDatabaseUrl(config.databaseUrl);

// A damaged SQLite file answers some queries and fails others (a health check passes, reading the
// registrations fails): refuse to serve it, before a migration writes to it. Other failures (a
// file that cannot be written) are for the migration below to report.
const damage = await findDatabaseDamage(db).catch(() => null);
if (damage !== null) fail(`DATABASE_PATH "${config.databasePath}" is damaged (${damage}); restore it from a backup.`);

try {
  // Several instances may start at once: PostgreSQL migrations run under an advisory lock, SQLite's
  // in one BEGIN IMMEDIATE transaction; the others wait and find the schema current.
  await migrateToLatest(db);
} catch (error) {
  const message = (error as Error).message;
  const code = String((error as { code?: unknown }).code ?? '');
  if (config.databaseUrl !== null) {
    fail(
      `DATABASE_URL ${databaseName} cannot be used (${message || code}). Check that the server runs, the address and password are right, and the database exists.`,
    );
  }
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code) || /EACCES|EROFS/.test(code)) fail(`DATABASE_PATH "${config.databasePath}" is not writable (${message}).`);
  fail(message);
}

const { seeded } = await seedDatabase(db, systemClock, { demo: config.demo });
if (seeded) console.log(config.demo ? 'Seeded the demo programme into a new database.' : 'Created an empty programme (HUB_DEMO=0).');

const bootstrap = await bootstrapCoordinators(db, systemClock, {
  adminEmail: config.adminEmail ?? undefined,
  adminPassword: config.adminPassword ?? undefined,
  baseUrl,
});
if (bootstrap.error) fail(bootstrap.error);
if (bootstrap.message) console.log(bootstrap.message);

// An upload interrupted by a killed process leaves its temporary file: older than an hour, no
// upload is still writing it.
const sweptUploads = await sweepTempUploads(tmpdir(), 60 * 60_000);
if (sweptUploads > 0) console.log(`Removed ${sweptUploads} temporary upload file(s) left by an interrupted upload in ${tmpdir()}.`);
// Slides used to be files in uploads/ next to the SQLite file; they now live in the database, where
// every instance reads them. A hub from before moves them in at its first start (once per file).
if (config.databaseUrl === null && config.databasePath !== ':memory:') {
  const legacyUploads = join(dirname(resolve(config.databasePath)), 'uploads');
  const { imported, missing } = await importUploadsFolder(db, legacyUploads);
  if (imported > 0) console.log(`Moved ${imported} uploaded file(s) from ${legacyUploads} into the database; the folder is no longer used.`);
  if (missing.length > 0)
    console.warn(`${missing.length} uploaded file(s) are neither in the database nor in ${legacyUploads}; their downloads answer 404: ${missing.join(', ')}`);
}
if (seeded && config.demo) {
  // The demo is usable without its slides: a failure costs them, not the start.
  await seedDemoMaterials({ db, clock: systemClock, baseUrl }).catch((error: unknown) =>
    console.warn(`The demo slides could not be stored: ${(error as Error).message}`),
  );
}
app = createApp({
  db,
  clock: systemClock,
  baseUrl,
  apiToken: config.apiToken,
  mailConfigured: config.smtpUrl !== null,
  trustProxy: config.trustProxy,
  languages: config.languages,
});
const log = (message: string, error?: unknown) => console.error(message, error instanceof Error ? error.message : (error ?? ''));

// Email: every message waits in the outbox; without SMTP_URL it is held there, not lost.
const worker = createOutboxWorker({
  db,
  clock: systemClock,
  transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
  from: config.mailFrom,
  log,
  claimSeconds: config.mailClaimSeconds,
});
// Each run drains what is due; the next comes a second after one that sent mail, and while the
// outbox stays empty less and less often, down to every 5 s.
worker.start({ busyMs: 1_000, idleMs: 5_000 });
console.log(
  config.smtpUrl
    ? `Sending email through ${redactSmtpUrl(config.smtpUrl)} as ${config.mailFrom}.`
    : 'No SMTP_URL set: emails are kept in the outbox as held and sent once SMTP_URL is configured.',
);
const reminders = setInterval(() => {
  enqueueDueReminders({ db, clock: systemClock, baseUrl }).catch((error) => log('Queueing reminders failed', error));
}, 60_000);
reminders.unref();
// Old rows that no decision reads any more: rate-limit hits past their window. Every instance may
// run it; it is one DELETE.
// And uploads that a stopped process staged but never named in a material row (see stageFile).
const maintenance = setInterval(() => {
  pruneRateLimits(db, systemClock).catch((error: unknown) => log('Pruning rate limits failed', error));
  sweepStagedFiles(db, systemClock.now().toJSDate()).catch((error: unknown) => log('Removing staged uploads failed', error));
}, 10 * 60_000);
maintenance.unref();
void enqueueDueReminders({ db, clock: systemClock, baseUrl }).catch((error) => log('Queueing reminders failed', error));

// Ready: with BASE_URL set (behind a proxy, say) the public address is another one and is said as well.
const publicAddress = baseUrl === local ? '' : `public address ${baseUrl}, `;
console.log(`Webinar hub listening on ${local} (${publicAddress}database ${databaseName})`);
// Work that would only slow the start down, done once the hub answers.
setImmediate(warmZoneSearch);

// Stopping (a deploy, a scale-in, Ctrl-C): no new requests and no new emails; the requests under
// way and the email being handed to the mail server finish and are recorded, then the process
// exits 0. A mail server slower than the grace period gets a non-zero exit that says so; its
// message stays claimed and goes out again after the claim runs out, under the same Message-ID.
let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) {
    console.error(`${signal} again: exiting now, without waiting.`);
    process.exit(1);
  }
  shuttingDown = true;
  const graceSeconds = config.shutdownGraceSeconds;
  console.log(`${signal}: shutting down; finishing the requests and the email under way (up to ${graceSeconds} s).`);
  clearInterval(reminders);
  clearInterval(maintenance);
  const requestsDone = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const graceOver = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceSeconds * 1000).unref());
  const [mailFinished, requestsFinished] = await Promise.all([worker.stop({ graceMs: graceSeconds * 1000 }), Promise.race([requestsDone, graceOver])]);
  if (!mailFinished || !requestsFinished) {
    const what = [
      !mailFinished ? 'the mail server had not answered for the email being sent (it is sent again after a restart, with the same Message-ID)' : '',
      !requestsFinished ? 'requests were still open' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    console.error(`Forced exit after ${graceSeconds} s: ${what}.`);
    process.exit(1);
  }
  await db.destroy().catch((error: unknown) => log('Closing the database failed', error));
  console.log('Stopped.');
  process.exit(0);
}
process.off('SIGINT', stopWhileStarting);
process.off('SIGTERM', stopWhileStarting);
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
