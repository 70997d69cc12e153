import { describe, expect, it } from 'vitest';
import { createSignInThrottle, SIGN_IN_FAILURE_SCOPE } from '../../src/auth/sign-in-throttle.js';
import { fixedClock } from '../../src/clock.js';
import { openTestDatabase } from '../helpers/test-database.js';

const EMAIL = 'email:maria@example.org';
const ADDRESS = 'address:203.0.113.9';

async function twoInstances(now = '2027-02-01T12:00:00Z') {
  const db = await openTestDatabase();
  const clock = fixedClock(now);
  return { db, clock, one: createSignInThrottle(db, clock), other: createSignInThrottle(db, clock) };
}

describe('the sign-in throttle', () => {
  it('lets a key try until its fifth failure, then waits for the oldest to leave the window, whichever instance recorded them', async () => {
    const { clock, one, other } = await twoInstances();
    for (let i = 0; i < 4; i++) {
      await (i % 2 === 0 ? one : other).recordFailure([EMAIL, ADDRESS]);
      clock.advance(1);
    }
    expect(await one.waitMinutes([EMAIL, ADDRESS])).toBe(0);
    await other.recordFailure([EMAIL, ADDRESS]);
    // Failures at 0, 1, 2, 3, 4 minutes; now 4: the first leaves the window at 15.
    expect(await one.waitMinutes([EMAIL])).toBe(11);
    expect(await other.waitMinutes([ADDRESS, 'email:someone@example.org'])).toBe(11);
    clock.advance(11);
    expect(await one.waitMinutes([EMAIL, ADDRESS])).toBe(0);
  });

  it('stores one row per key and failure, with the instant to the millisecond', async () => {
    const { db, one } = await twoInstances('2027-02-01T12:00:00.250Z');
    await one.recordFailure([EMAIL, ADDRESS]);
    expect(await db.selectFrom('rate_limit_hit').select(['scope', 'key', 'at']).orderBy('key').execute()).toEqual([
      { scope: SIGN_IN_FAILURE_SCOPE, key: ADDRESS, at: '2027-02-01T12:00:00.250Z' },
      { scope: SIGN_IN_FAILURE_SCOPE, key: EMAIL, at: '2027-02-01T12:00:00.250Z' },
    ]);
  });

  it('rounds a wait of under a minute up to one, and lets the key in when the failure is exactly a window old', async () => {
    const { clock, one } = await twoInstances('2027-02-01T12:00:00.500Z');
    for (let i = 0; i < 5; i++) await one.recordFailure([EMAIL]);
    clock.set('2027-02-01T12:14:59.900Z');
    expect(await one.waitMinutes([EMAIL])).toBe(1);
    clock.set('2027-02-01T12:15:00.500Z');
    expect(await one.waitMinutes([EMAIL])).toBe(0);
  });

  it('forgets the account after a sign-in on another instance, but not the client address', async () => {
    const { one, other } = await twoInstances();
    for (let i = 0; i < 5; i++) await one.recordFailure([EMAIL, ADDRESS]);
    await other.forget(EMAIL);
    expect(await one.waitMinutes([EMAIL])).toBe(0);
    expect(await one.waitMinutes([ADDRESS])).toBe(15);
    expect(await one.waitMinutes([EMAIL, ADDRESS])).toBe(15);
  });

  it('keeps its failures apart from other limits on the same keys', async () => {
    const { db, one } = await twoInstances();
    await db
      .insertInto('rate_limit_hit')
      .values(Array.from({ length: 5 }, () => ({ scope: 'registration', key: ADDRESS, at: '2027-02-01T12:00:00.000Z' })))
      .execute();
    expect(await one.waitMinutes([ADDRESS])).toBe(0);
    await one.forget(ADDRESS);
    expect((await db.selectFrom('rate_limit_hit').select('id').execute()).length).toBe(5);
  });

  it('refuses a window longer than pruning keeps failures', async () => {
    const { db, clock } = await twoInstances();
    expect(() => createSignInThrottle(db, clock, { maxFailures: 5, windowMinutes: 2 * 24 * 60 })).toThrow(
      'A rate limit window of 2880 minutes is longer than the 1440 minutes that pruning keeps',
    );
  });
});
