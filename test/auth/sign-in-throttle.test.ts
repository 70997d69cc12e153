import { describe, expect, it } from 'vitest';
import { createSignInThrottle, DEFAULT_SIGN_IN_LIMITS, SIGN_IN_FAILURE_SCOPE, type SignInReservation } from '../../src/auth/sign-in-throttle.js';
import { fixedClock } from '../../src/clock.js';
import type { Db } from '../../src/db/connection.js';
import { openTestDatabase } from '../helpers/test-database.js';

const MARIA = 'maria@example.org';
const CLIENT = '203.0.113.9';

async function twoInstances(now = '2027-02-01T12:00:00Z') {
  const db = await openTestDatabase();
  const clock = fixedClock(now);
  return { db, clock, one: createSignInThrottle(db, clock), other: createSignInThrottle(db, clock) };
}

/** What a reservation came to, without the row ids. */
function answer(reservation: SignInReservation): 'allowed' | { refusal: string; waitMinutes: number } {
  return reservation.allowed ? 'allowed' : { refusal: reservation.refusal, waitMinutes: reservation.waitMinutes };
}

async function rowsPerKey(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('rate_limit_hit').select('key').where('scope', '=', SIGN_IN_FAILURE_SCOPE).execute();
  const counts: Record<string, number> = {};
  for (const { key } of rows) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe('the sign-in throttle', () => {
  it('counts an attempt before its outcome is known: a client gets five, then waits for the oldest to leave the window, whichever instance counted them', async () => {
    const { clock, one, other } = await twoInstances();
    for (let i = 0; i < 5; i++) {
      expect(answer(await (i % 2 === 0 ? one : other).reserve(MARIA, CLIENT))).toBe('allowed');
      clock.advance(1);
    }
    // Attempts at 0, 1, 2, 3, 4 minutes, none settled; now 5: the first leaves the window at 15.
    expect(answer(await one.reserve(MARIA, CLIENT))).toEqual({ refusal: 'too-many-failures', waitMinutes: 10 });
    expect(answer(await other.reserve('someone@example.org', CLIENT))).toEqual({ refusal: 'too-many-failures', waitMinutes: 10 });
    clock.advance(10);
    expect(answer(await other.reserve(MARIA, CLIENT))).toBe('allowed');
    expect(answer(await one.reserve(MARIA, CLIENT))).toEqual({ refusal: 'too-many-failures', waitMinutes: 1 });
  });

  it('lets exactly five of fifty parallel attempts from one client through, across two instances', async () => {
    const { db, one, other } = await twoInstances();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? one : other).reserve(MARIA, CLIENT)));
    expect(answers.filter((reservation) => reservation.allowed)).toHaveLength(5);
    expect(await rowsPerKey(db)).toEqual({ [`address:${CLIENT}`]: 5, [`email:${MARIA}`]: 5, [`email+address:["${MARIA}","${CLIENT}"]`]: 5 });
  });

  it('stores one row per key for each attempt, with the instant to the millisecond', async () => {
    const { db, one } = await twoInstances('2027-02-01T12:00:00.250Z');
    await one.reserve(MARIA, CLIENT);
    expect(await db.selectFrom('rate_limit_hit').select(['scope', 'key', 'at']).orderBy('key').execute()).toEqual([
      { scope: SIGN_IN_FAILURE_SCOPE, key: `address:${CLIENT}`, at: '2027-02-01T12:00:00.250Z' },
      { scope: SIGN_IN_FAILURE_SCOPE, key: `email+address:["${MARIA}","${CLIENT}"]`, at: '2027-02-01T12:00:00.250Z' },
      { scope: SIGN_IN_FAILURE_SCOPE, key: `email:${MARIA}`, at: '2027-02-01T12:00:00.250Z' },
    ]);
  });

  it('rounds a wait of under a minute up to one, and lets the client in when its attempt is exactly a window old', async () => {
    const { clock, one } = await twoInstances('2027-02-01T12:00:00.500Z');
    for (let i = 0; i < 5; i++) await one.reserve(MARIA, CLIENT);
    clock.set('2027-02-01T12:14:59.900Z');
    expect(answer(await one.reserve(MARIA, CLIENT))).toEqual({ refusal: 'too-many-failures', waitMinutes: 1 });
    clock.set('2027-02-01T12:15:00.500Z');
    expect(answer(await one.reserve(MARIA, CLIENT))).toBe('allowed');
  });

  it('after a success forgets that attempt and the client’s failures at that account, but not its failures elsewhere nor other clients’ at the account', async () => {
    const { db, one, other } = await twoInstances();
    for (let i = 0; i < 2; i++) await one.reserve(MARIA, CLIENT);
    for (let i = 0; i < 2; i++) await one.reserve('someone@example.org', CLIENT);
    for (let i = 0; i < 3; i++) await one.reserve(MARIA, '198.51.100.4');
    const success = await other.reserve(MARIA, CLIENT);
    if (!success.allowed) throw new Error('the fifth attempt must be allowed');
    await other.settle(success.attempt, 'signed-in');
    expect(await rowsPerKey(db)).toEqual({
      [`address:${CLIENT}`]: 4,
      'address:198.51.100.4': 3,
      [`email:${MARIA}`]: 5,
      'email:someone@example.org': 2,
      [`email+address:["someone@example.org","${CLIENT}"]`]: 2,
      [`email+address:["${MARIA}","198.51.100.4"]`]: 3,
    });
  });

  it('keeps a failed attempt counted', async () => {
    const { db, one } = await twoInstances();
    const reservation = await one.reserve(MARIA, CLIENT);
    if (!reservation.allowed) throw new Error('the first attempt must be allowed');
    await one.settle(reservation.attempt, 'failed');
    expect(await rowsPerKey(db)).toEqual({ [`address:${CLIENT}`]: 1, [`email:${MARIA}`]: 1, [`email+address:["${MARIA}","${CLIENT}"]`]: 1 });
  });

  it('gives a client that paces itself under the client limit ten attempts an hour at one account', async () => {
    const { clock, one } = await twoInstances();
    for (let i = 0; i < 10; i++) {
      expect(answer(await one.reserve(MARIA, CLIENT))).toBe('allowed');
      clock.advance(4);
    }
    // Attempts at 0, 4, …, 36 minutes; now 40: never more than four in 15 minutes, but ten in the hour.
    expect(answer(await one.reserve(MARIA, CLIENT))).toEqual({ refusal: 'too-many-failures', waitMinutes: 20 });
    expect(answer(await one.reserve('someone@example.org', CLIENT))).toBe('allowed');
  });

  it('keeps an account under attack open to every client, once per 15 minutes each, until the failures leave the hour', async () => {
    const { clock, one } = await twoInstances();
    // Six addresses use up the client limit: 30 failures in the hour.
    for (let client = 1; client <= 6; client++) for (let i = 0; i < 5; i++) expect(answer(await one.reserve(MARIA, `192.0.2.${client}`))).toBe('allowed');
    expect(answer(await one.reserve(MARIA, '192.0.2.1'))).toEqual({ refusal: 'too-many-failures', waitMinutes: 15 });

    // A client that has not tried the account gets one attempt, then waits 15 minutes.
    expect(answer(await one.reserve(MARIA, CLIENT))).toBe('allowed');
    expect(answer(await one.reserve(MARIA, CLIENT))).toEqual({ refusal: 'account-under-attack', waitMinutes: 15 });
    // Other accounts are not affected.
    expect(answer(await one.reserve('someone@example.org', CLIENT))).toBe('allowed');
    clock.advance(15);
    expect(answer(await one.reserve(MARIA, CLIENT))).toBe('allowed');
    expect(answer(await one.reserve(MARIA, CLIENT))).toEqual({ refusal: 'account-under-attack', waitMinutes: 15 });

    // The attack ends an hour after its failures: a new client gets the usual five again.
    clock.advance(45);
    for (let i = 0; i < 5; i++) expect(answer(await one.reserve(MARIA, '198.51.100.4'))).toBe('allowed');
    expect(answer(await one.reserve(MARIA, '198.51.100.4'))).toEqual({ refusal: 'too-many-failures', waitMinutes: 15 });
  });

  it('keeps its attempts apart from other limits on the same keys', async () => {
    const { db, one } = await twoInstances();
    await db
      .insertInto('rate_limit_hit')
      .values(Array.from({ length: 5 }, () => ({ scope: 'registration', key: `address:${CLIENT}`, at: '2027-02-01T12:00:00.000Z' })))
      .execute();
    const reservation = await one.reserve(MARIA, CLIENT);
    if (!reservation.allowed) throw new Error('registrations must not count as sign-in attempts');
    await one.settle(reservation.attempt, 'signed-in');
    expect(await db.selectFrom('rate_limit_hit').select(['scope', 'key']).execute()).toEqual(
      Array.from({ length: 5 }, () => ({ scope: 'registration', key: `address:${CLIENT}` })),
    );
  });

  it('refuses a window longer than pruning keeps attempts', async () => {
    const { db, clock } = await twoInstances();
    const limits = { ...DEFAULT_SIGN_IN_LIMITS, accountUnderAttack: { maxAttempts: 30, windowMinutes: 2 * 24 * 60 } };
    expect(() => createSignInThrottle(db, clock, limits)).toThrow('A rate limit window of 2880 minutes is longer than the 1440 minutes that pruning keeps');
  });
});
