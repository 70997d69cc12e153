// Builds the hub on a fresh in-memory database with migrations applied, a fixed clock and, by
// default, the demo programme: each test file gets its own, so files run in parallel.
import type { Language } from '../../src/i18n/languages.js';
import { createApp } from '../../src/app.js';
import { fixedClock } from '../../src/clock.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { openTestDatabase } from './test-database.js';
import type { RateLimit } from '../../src/http/rate-limit.js';
import { attrs, parse } from './dom.js';

export const TEST_BASE_URL = 'https://hub.example.org';

export async function buildTestApp(
  options: { now?: string; demo?: boolean; registrationRateLimit?: RateLimit; apiToken?: string; trustProxy?: boolean; languages?: Language[] } = {},
) {
  const clock = fixedClock(options.now ?? '2027-02-01T12:00:00Z');
  const db = await openTestDatabase();
  await seedDatabase(db, clock, { demo: options.demo ?? true });
  const logged: Array<{ message: string; error: unknown }> = [];
  const app = createApp({
    db,
    clock,
    baseUrl: TEST_BASE_URL,
    log: (message, error) => logged.push({ message, error }),
    registrationRateLimit: options.registrationRateLimit,
    apiToken: options.apiToken ?? null,
    trustProxy: options.trustProxy ?? false,
    languages: options.languages,
  });
  return { app, db, clock, logged };
}

/** Every `datetime` attribute of the <time> elements in a page, in document order. */
export function datetimes(html: string): string[] {
  return attrs(parse(html), 'time[datetime]', 'datetime').filter((value) => value !== null);
}

/** Counts of every table, to prove that a refused request stored nothing. */
export async function tableCounts(db: Awaited<ReturnType<typeof buildTestApp>>['db']): Promise<Record<string, number>> {
  const tables = await db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table.name as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table.name] = Number((row as { n: number }).n);
  }
  return counts;
}

/** True when a <form> opens inside another: browsers drop the inner one and its buttons submit the outer. */
export function hasNestedForms(html: string): boolean {
  let depth = 0;
  for (const match of html.matchAll(/<(\/?)form\b/g)) {
    depth += match[1] ? -1 : 1;
    if (depth > 1) return true;
  }
  return false;
}
