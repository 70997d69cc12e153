import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    expect: { requireAssertions: true },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // .ci/run asks for a JSON report to print "N passed, N failed"; people get the usual output.
    reporters: process.env.HUB_TEST_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.HUB_TEST_REPORT ? { json: process.env.HUB_TEST_REPORT } : undefined,
  },
});
