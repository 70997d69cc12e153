import { configDefaults, defineConfig } from 'vitest/config';

const BROWSER_TESTS = 'test/browser/**/*.test.ts';

export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // .ci/run asks for a JSON report to print "N passed, N failed"; people get the usual output.
    reporters: process.env.HUB_TEST_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.HUB_TEST_REPORT ? { json: process.env.HUB_TEST_REPORT } : undefined,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, BROWSER_TESTS],
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
