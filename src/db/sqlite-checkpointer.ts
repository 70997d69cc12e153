// Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever
// COMMIT pushes the WAL past 1,000 pages: that commit then copies the pages into the database file
// and waits for the disk, and every request behind it waits too (in a registration rush on this
// 2-core machine: 30 % fewer registrations a second, and a p99 of 2 s instead of 0.2 s). Here the
// writer's automatic checkpoint is off, and a worker thread with a connection of its own runs a
// PASSIVE checkpoint a few times a second: it copies what it can without blocking readers or
// writers, and the WAL starts again from its beginning after each complete one.
//
// If the worker cannot run (it fails to start or dies), the writer's automatic checkpoint is turned
// back on: the WAL must never grow without bound.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

const CHECKPOINT_EVERY_MS = 200;
/** SQLite's own default, for when the worker is not there. */
const AUTOCHECKPOINT_PAGES = 1000;
/** After a checkpoint, the WAL file is cut back to this size (SQLite otherwise keeps its largest). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

// Plain JavaScript, run as a CommonJS worker: the same under tsc's build, tsx and vitest.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driverPath);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 0');
db.pragma('journal_size_limit = ' + workerData.walSizeLimit);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // SQLITE_BUSY: another connection is checkpointing or recovering; the next turn tries again.
    if (!String(error && error.code).startsWith('SQLITE_BUSY')) throw error;
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export type Checkpointer = { close(): Promise<void> };

export function startCheckpointer(writer: SQLite.Database, path: string): Checkpointer {
  const fallBack = () => writer.open && writer.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // It holds one connection and a timer: a small heap keeps the thread's cost to a few MB.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2, codeRangeSizeMb: 4 },
      workerData: {
        path,
        driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
        everyMs: CHECKPOINT_EVERY_MS,
        walSizeLimit: WAL_SIZE_LIMIT_BYTES,
      },
    });
  } catch {
    return { close: async () => undefined };
  }
  writer.pragma('wal_autocheckpoint = 0');
  // The writer is the connection that starts the WAL again from its beginning, and cuts the file.
  writer.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // The hub must be able to exit while the checkpointer runs.
  worker.unref();
  let closing = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => {
    if (!closing) fallBack();
  });
  worker.once('exit', () => {
    if (!closing) fallBack();
  });
  return {
    async close() {
      closing = true;
      worker.postMessage('close');
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2000).unref());
      await Promise.race([exited, timeout]);
      await worker.terminate();
    },
  };
}
