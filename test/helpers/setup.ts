// Runs in every test file: whatever databases the file opened are closed (and dropped on
// PostgreSQL) once it is done, so a run of hundreds of apps keeps a handful of connections.
import { afterAll } from 'vitest';
import { closeTestDatabases } from './test-database.js';

afterAll(closeTestDatabases);
