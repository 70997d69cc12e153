import { describe, expect, it, vi } from 'vitest';
import { authenticate, createCoordinator } from '../../src/auth/auth.service.js';
import type { PasswordCheck } from '../../src/auth/sign-in.service.js';
import { form } from '../helpers/forms.js';
import { TEST_PASSWORD } from '../helpers/admin-session.js';
import { buildAuthTestApp, type AuthTestApp, type AuthTestOptions } from './auth-test-app.js';

const MARIA = { name: 'Maria Berg', email: 'maria@example.org', password: TEST_PASSWORD };
const ATTACKER = '203.0.113.66';
const MARIAS_OFFICE = '198.51.100.20';
/** For the tests that send hundreds of requests: a busy machine must not fail them. */
const SLOW_TEST_MS = 60_000;

async function withMaria(options: AuthTestOptions = {}) {
  const ctx = await buildAuthTestApp(options);
  await createCoordinator(ctx.db, ctx.clock, MARIA);
  return ctx;
}

async function signIn(ctx: AuthTestApp, client: string, password: string, email = MARIA.email): Promise<Response> {
  return ctx.app.request('/admin/login', form({ email, password }, { 'x-forwarded-for': client }));
}

const sessionCount = async (ctx: AuthTestApp) => (await ctx.db.selectFrom('coordinator_session').selectAll().execute()).length;

function statusCounts(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The real password check, counting how many passwords it evaluates. */
function countedCheck() {
  const counter = { evaluated: 0 };
  const check: PasswordCheck = async (db, clock, email, password) => {
    counter.evaluated++;
    return authenticate(db, clock, email, password);
  };
  return { check, counter };
}

/** The real password check, counting, with every evaluation held until `release()`. */
function heldCheck() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const counter = { evaluated: 0 };
  const check: PasswordCheck = async (db, clock, email, password) => {
    counter.evaluated++;
    await gate;
    return authenticate(db, clock, email, password);
  };
  return { check, counter, release };
}

/**
 * Counts the evaluations, and answers a wrong password at once instead of after scrypt: the long
 * attack below sends hundreds of guesses, and what it tests is which of them get evaluated.
 */
function quickWrongCheck() {
  const counter = { evaluated: 0 };
  const check: PasswordCheck = async (db, clock, email, password) => {
    counter.evaluated++;
    return password === TEST_PASSWORD ? authenticate(db, clock, email, password) : undefined;
  };
  return { check, counter };
}

describe('guessing in parallel', () => {
  it('evaluates 5 of 40 parallel wrong passwords from one client, and refuses the right one sent while those are checked', async () => {
    const held = heldCheck();
    const ctx = await withMaria({ checkPassword: held.check });
    const answered: number[] = [];
    const guesses = Array.from({ length: 40 }, (_, i) =>
      signIn(ctx, ATTACKER, `wrong guess ${i}`).then((response) => {
        answered.push(response.status);
        return response;
      }),
    );
    // Five guesses are being checked; the other 35 were refused without a look at their password.
    await vi.waitFor(() => expect(answered).toHaveLength(35), { timeout: 15_000 });
    expect(held.counter.evaluated).toBe(5);
    expect(statusCounts(answered)).toEqual({ 429: 35 });

    const right = await signIn(ctx, ATTACKER, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBe('900');
    expect(await right.text()).toContain(
      '<div class="notice error" role="alert" tabindex="-1" id="login-errors">Too many failed sign-ins, try again in 15 minutes.</div>',
    );

    held.release();
    expect(statusCounts((await Promise.all(guesses)).map((response) => response.status))).toEqual({ 422: 5, 429: 35 });
    expect(held.counter.evaluated).toBe(5);
    expect(await sessionCount(ctx)).toBe(0);
  });

  it(
    'evaluates 5 of 200 parallel wrong passwords from one client',
    async () => {
      const counted = countedCheck();
      const ctx = await withMaria({ checkPassword: counted.check });
      const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn(ctx, ATTACKER, `wrong guess ${i}`)));
      expect(statusCounts(responses.map((response) => response.status))).toEqual({ 422: 5, 429: 195 });
      expect(counted.counter.evaluated).toBe(5);
      expect(await signIn(ctx, ATTACKER, TEST_PASSWORD).then((response) => response.status)).toBe(429);
      expect(counted.counter.evaluated).toBe(5);
    },
    SLOW_TEST_MS,
  );
});

describe('failures from one client', () => {
  it(
    'never keep the owner out on another client, however often they are repeated',
    async () => {
      const quick = quickWrongCheck();
      const ctx = await withMaria({ checkPassword: quick.check });
      const evaluatedPerRound: number[] = [];
      // Every 15 minutes for two hours, five wrong passwords and the right one from the attacker, then Maria.
      for (let round = 0; round < 8; round++) {
        const before = quick.counter.evaluated;
        for (let i = 0; i < 5; i++) await signIn(ctx, ATTACKER, `wrong guess ${round}.${i}`);
        evaluatedPerRound.push(quick.counter.evaluated - before);
        expect((await signIn(ctx, ATTACKER, TEST_PASSWORD)).status).toBe(429);
        const owner = await signIn(ctx, MARIAS_OFFICE, TEST_PASSWORD);
        expect(owner.status).toBe(303);
        expect(owner.headers.get('location')).toBe('/admin');
        ctx.clock.advance(15);
      }
      // Five guesses per 15 minutes, and no more than ten in any hour at one account.
      expect(evaluatedPerRound).toEqual([5, 5, 0, 0, 5, 5, 0, 0]);
      expect(await sessionCount(ctx)).toBe(8);
    },
    SLOW_TEST_MS,
  );
});

describe('an attacker rotating client addresses against one account', () => {
  it(
    'gets one guess per address every 15 minutes once the account is under attack, while the owner signs in at once from any address',
    async () => {
      const quick = quickWrongCheck();
      const ctx = await withMaria({ checkPassword: quick.check });
      const evaluatedPerRound: number[] = [];
      // Five rounds 15 minutes apart; in each, ten new addresses one after another send five wrong
      // passwords each, in parallel.
      for (let round = 0; round < 5; round++) {
        const before = quick.counter.evaluated;
        for (let address = 0; address < 10; address++) {
          await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(ctx, `192.0.2.${round * 10 + address}`, `wrong guess ${i}`)));
        }
        evaluatedPerRound.push(quick.counter.evaluated - before);

        // Maria, from the office she signed in from before and from a phone that never tried.
        for (const client of [MARIAS_OFFICE, `198.51.100.${100 + round}`]) {
          const owner = await signIn(ctx, client, TEST_PASSWORD);
          expect(owner.status).toBe(303);
        }
        // An address that has had its guess is told why, and when it may try again.
        const slowed = await signIn(ctx, `192.0.2.${round * 10 + 9}`, TEST_PASSWORD);
        expect(slowed.status).toBe(429);
        expect(slowed.headers.get('retry-after')).toBe('900');
        expect(await slowed.text()).toContain(
          'This account has had many failed sign-ins, so each network may try it only once every 15 minutes: try again in 15 minutes.',
        );
        ctx.clock.advance(15);
      }
      // First round: 30 failures (six addresses' full allowance) put the account under attack, and the
      // four addresses after that get one guess each. Then ten per round (an address each) of 50 sent,
      // as long as 30 failures stay within the hour.
      expect(evaluatedPerRound).toEqual([34, 10, 10, 10, 10]);
      expect(await sessionCount(ctx)).toBe(10);
    },
    SLOW_TEST_MS,
  );

  it('lets the account’s failures age out: an hour after the attack stops, an address gets the usual five tries', async () => {
    const quick = quickWrongCheck();
    const ctx = await withMaria({ checkPassword: quick.check });
    for (let address = 0; address < 7; address++) for (let i = 0; i < 5; i++) await signIn(ctx, `192.0.2.${address}`, `wrong guess ${i}`);
    expect(quick.counter.evaluated).toBe(31);

    ctx.clock.advance(59);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await signIn(ctx, '192.0.2.100', `wrong guess ${i}`)).status);
    expect(statuses).toEqual([422, 429, 429]);

    ctx.clock.advance(1);
    statuses.length = 0;
    for (let i = 0; i < 6; i++) statuses.push((await signIn(ctx, '192.0.2.101', `wrong guess ${i}`)).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    // And the failed addresses of the attack have long been free again.
    expect((await signIn(ctx, '192.0.2.0', TEST_PASSWORD)).status).toBe(303);
  });
});
