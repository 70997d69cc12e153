// Starts the hub: configuration -> database -> migrations -> seed -> HTTP server. The only module
// that reads process.env or opens a port.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { bootstrapCoordinators } from './auth/auth.service.js';
import { systemClock } from './clock.js';
import { localUrl, parseConfig } from './config.js';
import { openDatabase, type Db } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDatabase } from './db/seed.js';
import { seedDemoMaterials } from './materials/demo-materials.js';
import { redactSmtpUrl, smtpTransport } from './mail/mailer.js';
import { createOutboxWorker } from './mail/outbox.worker.js';
import { enqueueDueReminders } from './registration/reminders.js';

function fail(message: string): never {
  console.error(`Cannot start the hub: ${message}`);
  process.exit(1);
}

const parsed = parseConfig(process.env);
if (!parsed.ok) fail(parsed.errors.join('\n'));
const config = parsed.config;

let db: Db;
try {
  if (config.databasePath !== ':memory:') mkdirSync(dirname(resolve(config.databasePath)), { recursive: true });
  db = openDatabase(config.databasePath);
} catch (error) {
  fail(`DATABASE_PATH "${config.databasePath}" cannot be opened or created (${(error as Error).message}).`);
}

try {
  await migrateToLatest(db);
} catch (error) {
  const message = (error as Error).message;
  if (/readonly|read-only|SQLITE_CANTOPEN|EACCES|EROFS/i.test(message)) fail(`DATABASE_PATH "${config.databasePath}" is not writable (${message}).`);
  fail(message);
}

const { seeded } = await seedDatabase(db, systemClock, { demo: config.demo });
if (seeded) console.log(config.demo ? 'Seeded the demo programme into a new database.' : 'Created an empty programme (HUB_DEMO=0).');

const bootstrap = await bootstrapCoordinators(db, systemClock, {
  adminEmail: config.adminEmail ?? undefined,
  adminPassword: config.adminPassword ?? undefined,
  baseUrl: config.baseUrl,
});
if (bootstrap.error) fail(bootstrap.error);
if (bootstrap.message) console.log(bootstrap.message);

const uploadsDir = join(config.databasePath === ':memory:' ? resolve('data') : dirname(resolve(config.databasePath)), 'uploads');
if (seeded && config.demo) {
  // The demo is usable without its slides: a folder that cannot be written costs them, not the start.
  await seedDemoMaterials({ db, clock: systemClock, baseUrl: config.baseUrl, uploadsDir }).catch((error: unknown) =>
    console.warn(`The demo slides could not be stored in ${uploadsDir}: ${(error as Error).message}`),
  );
}
const app = createApp({
  db,
  clock: systemClock,
  baseUrl: config.baseUrl,
  apiToken: config.apiToken,
  mailConfigured: config.smtpUrl !== null,
  uploadsDir,
  trustProxy: config.trustProxy,
});
const log = (message: string, error?: unknown) => console.error(message, error instanceof Error ? error.message : (error ?? ''));

// Email: every message waits in the outbox; without SMTP_URL it is held there, not lost.
const worker = createOutboxWorker({
  db,
  clock: systemClock,
  transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
  from: config.mailFrom,
  log,
});
worker.start(15_000);
console.log(
  config.smtpUrl
    ? `Sending email through ${redactSmtpUrl(config.smtpUrl)} as ${config.mailFrom}.`
    : 'No SMTP_URL set: emails are kept in the outbox as held and sent once SMTP_URL is configured.',
);
const reminders = setInterval(() => {
  enqueueDueReminders({ db, clock: systemClock, baseUrl: config.baseUrl }).catch((error) => log('Queueing reminders failed', error));
}, 60_000);
reminders.unref();
void enqueueDueReminders({ db, clock: systemClock, baseUrl: config.baseUrl }).catch((error) => log('Queueing reminders failed', error));

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
  // Where it can be reached on this machine; with BASE_URL set (behind a proxy, say) the public
  // address is another one and is said as well.
  const local = localUrl(config.host, config.port);
  const publicAddress = config.baseUrl === local ? '' : `public address ${config.baseUrl}, `;
  console.log(`Webinar hub listening on ${local} (${publicAddress}database ${config.databasePath})`);
});
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`PORT ${config.port} is already in use on ${config.host}; set PORT to a free port.`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`HOST "${config.host}" is not an address of this machine.`);
  fail(error.message);
});

function shutdown(signal: string) {
  console.log(`${signal}: shutting down.`);
  clearInterval(reminders);
  server.close(() => {
    void worker
      .stop()
      .then(() => db.destroy())
      .finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
