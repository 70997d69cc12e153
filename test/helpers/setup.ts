// Runs in every test file: whatever databases the file opened are closed (and dropped on
// PostgreSQL) once it is done, so a run of hundreds of apps keeps a handful of connections; then
// the file's temporary folders are removed, once nothing has a database open in them.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';
import { closeTestDatabases } from './test-database.js';

afterAll(async () => {
  await closeTestDatabases();
  removeTempDirs();
});
