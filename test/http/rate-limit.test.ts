import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { createRateLimiter, pruneRateLimits } from '../../src/http/rate-limit.js';
import { recordRateLimitHits } from '../../src/http/rate-limit.repository.js';
import { openTestDatabase } from '../helpers/test-database.js';

const LIMIT = { max: 20, windowMinutes: 10 };

async function setup(now = '2027-02-01T12:00:00Z') {
  const db = await openTestDatabase();
  const clock = fixedClock(now);
  return { db, clock };
}

async function hits(db: Awaited<ReturnType<typeof openTestDatabase>>) {
  return db.selectFrom('rate_limit_hit').select(['scope', 'key', 'at']).orderBy('id').execute();
}

describe('the database-backed rate limiter', () => {
  it('allows exactly 20 of 50 simultaneous hits from one address, spread over two limiters on one database', async () => {
    const { db, clock } = await setup();
    const limiters = [createRateLimiter(db, 'registration', LIMIT, clock), createRateLimiter(db, 'registration', LIMIT, clock)];
    const allowed = await Promise.all(Array.from({ length: 50 }, (_, i) => limiters[i % 2]!.allow('198.51.100.7')));
    expect(allowed.filter(Boolean)).toHaveLength(20);
    expect(await hits(db)).toEqual(Array.from({ length: 20 }, () => ({ scope: 'registration', key: '198.51.100.7', at: '2027-02-01T12:00:00.000Z' })));
  });

  it('lets hits older than the window drop out one by one', async () => {
    const { db, clock } = await setup();
    const limiter = createRateLimiter(db, 'registration', { max: 3, windowMinutes: 10 }, clock);
    const allowed: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      allowed.push(await limiter.allow('a'));
      clock.advance(2);
    }
    // Hits at 0, 2, 4 minutes; now 6 and then 9.99: still three in the window.
    allowed.push(await limiter.allow('a'));
    clock.set('2027-02-01T12:09:59.999Z');
    allowed.push(await limiter.allow('a'));
    // At 10 the first hit is exactly a window old and no longer counts.
    clock.set('2027-02-01T12:10:00Z');
    allowed.push(await limiter.allow('a'), await limiter.allow('a'));
    expect(allowed).toEqual([true, true, true, false, false, true, false]);
  });

  it('orders hits within one second by their milliseconds', async () => {
    const { db, clock } = await setup('2027-02-01T12:00:00.000Z');
    const limiter = createRateLimiter(db, 'registration', { max: 2, windowMinutes: 10 }, clock);
    expect(await limiter.allow('a')).toBe(true);
    clock.set('2027-02-01T12:00:00.400Z');
    expect(await limiter.allow('a')).toBe(true);
    // The hit at .000 has left the window and the one at .400 has not.
    clock.set('2027-02-01T12:10:00.200Z');
    expect(await limiter.allow('a')).toBe(true);
    expect(await limiter.allow('a')).toBe(false);
    expect((await hits(db)).map((hit) => hit.at)).toEqual(['2027-02-01T12:00:00.000Z', '2027-02-01T12:00:00.400Z', '2027-02-01T12:10:00.200Z']);
  });

  it('counts each address and each scope on its own', async () => {
    const { db, clock } = await setup();
    const registrations = createRateLimiter(db, 'registration', { max: 1, windowMinutes: 10 }, clock);
    const other = createRateLimiter(db, 'other', { max: 1, windowMinutes: 10 }, clock);
    expect([
      await registrations.allow('a'),
      await registrations.allow('b'),
      await other.allow('a'),
      await registrations.allow('a'),
      await other.allow('a'),
    ]).toEqual([true, true, true, false, false]);
  });

  it('refuses a window longer than pruning keeps hits', async () => {
    const { db, clock } = await setup();
    expect(() => createRateLimiter(db, 'registration', { max: 5, windowMinutes: 24 * 60 + 1 }, clock)).toThrow(
      'A rate limit window of 1441 minutes is longer than the 1440 minutes that pruning keeps',
    );
  });
});

describe('pruning rate-limit hits', () => {
  it('deletes only hits older than a day, in every scope', async () => {
    const { db, clock } = await setup('2027-02-02T12:00:00Z');
    await recordRateLimitHits(db, 'registration', ['a-day-and-a-millisecond-old', 'another'], '2027-02-01T11:59:59.999Z');
    await recordRateLimitHits(db, 'sign-in-failure', ['email:old@example.org'], '2027-01-15T08:00:00.000Z');
    await recordRateLimitHits(db, 'registration', ['day-old'], '2027-02-01T12:00:00.000Z');
    await recordRateLimitHits(db, 'sign-in-failure', ['address:recent'], '2027-02-02T11:55:00.000Z');
    expect(await pruneRateLimits(db, clock)).toBe(3);
    expect(await hits(db)).toEqual([
      { scope: 'registration', key: 'day-old', at: '2027-02-01T12:00:00.000Z' },
      { scope: 'sign-in-failure', key: 'address:recent', at: '2027-02-02T11:55:00.000Z' },
    ]);
    expect(await pruneRateLimits(db, clock)).toBe(0);
  });

  it('keeps what a limiter still counts', async () => {
    const { db, clock } = await setup();
    const limiter = createRateLimiter(db, 'registration', { max: 2, windowMinutes: 10 }, clock);
    await limiter.allow('a');
    await limiter.allow('a');
    clock.advance(9);
    expect(await pruneRateLimits(db, clock)).toBe(0);
    expect(await limiter.allow('a')).toBe(false);
  });
});
