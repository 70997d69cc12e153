// Starts the hub: configuration -> database -> migrations -> seed -> HTTP server. The only module
// that reads process.env or opens a port.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { parseConfig } from './config.js';
import { openDatabase, type Db } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDatabase } from './db/seed.js';

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

const app = createApp({ db, clock: systemClock, baseUrl: config.baseUrl });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
  console.log(`Webinar hub listening on ${config.baseUrl} (database ${config.databasePath})`);
});
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`PORT ${config.port} is already in use on ${config.host}; set PORT to a free port.`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`HOST "${config.host}" is not an address of this machine.`);
  fail(error.message);
});

function shutdown(signal: string) {
  console.log(`${signal}: shutting down.`);
  server.close(() => {
    void db.destroy().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
