// Runs in every test file: whatever databases the file opened are closed (and dropped on
// PostgreSQL) once it is done, so a run of hundreds of apps keeps a handful of connections; then
// the file's temporary folders are removed, once nothing has a database open in them.
import { afterAll, beforeAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';
import { closeTestDatabases, TEST_ENGINE } from './test-database.js';

// Files share their worker's modules (isolate: false in vitest.config.ts): a file of the PostgreSQL
// project must never run with the engine an earlier SQLite file's import fixed, or the other way round.
beforeAll(() => {
  const expected = process.env.HUB_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
  if (TEST_ENGINE !== expected) throw new Error(`This file should run on ${expected}, but the test helpers were loaded for ${TEST_ENGINE}.`);
});

afterAll(async () => {
  await closeTestDatabases();
  removeTempDirs();
});
