// Slows down password guessing without letting anyone lock a coordinator out. Every attempt is
// counted before its password is checked (reserve) and taken back only when it succeeds (settle),
// so that guesses sent in parallel get no more tries than guesses sent one after another. The
// attempts are kept in the database, so that a guesser gains nothing by landing on another instance
// behind the load balancer.
import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { lockName } from '../db/dialect.js';
import { inTransaction } from '../db/transaction.js';
import { assertWindowKept } from '../http/rate-limit.js';
import { forgetHits, forgetKeyHits, recentHitTimes, recordHits } from '../http/rate-limit-hits.js';

/** At most `maxAttempts` attempts that did not succeed (failed or still being checked) in the window. */
export type SignInLimit = { maxAttempts: number; windowMinutes: number };

export type SignInLimits = {
  /** One client address, whichever accounts it tries: what a single guesser gets. */
  perClient: SignInLimit;
  /** One account from one client address; forgotten when that client signs in to that account. */
  perAccountClient: SignInLimit;
  /**
   * One account from every client address: past this the account is under attack. It is never
   * locked (anyone could then lock its owner out); instead every client gets the smaller budget
   * `perClientUnderAttack` at that account, so an owner on an address that has not failed there
   * signs in at once, while a guesser's addresses are worth less.
   */
  accountUnderAttack: SignInLimit;
  perClientUnderAttack: SignInLimit;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  // Room for a person who mistypes a few times; at most 480 guesses a day from one address.
  perClient: { maxAttempts: 5, windowMinutes: 15 },
  // An address that paces itself under the client limit (20 an hour) gets only 10 of them at one
  // account; the owner's own successful sign-in clears it.
  perAccountClient: { maxAttempts: 10, windowMinutes: 60 },
  // Six addresses' worth of the client limit within an hour: more than people mistyping explains.
  accountUnderAttack: { maxAttempts: 30, windowMinutes: 60 },
  // Then one attempt per address every 15 minutes at that account: a guesser with N addresses
  // goes from 5N to N guesses per 15 minutes, and the owner loses nothing but a second try.
  perClientUnderAttack: { maxAttempts: 1, windowMinutes: 15 },
};

/**
 * The rate_limit_hit scope of sign-in attempts that have not succeeded. Keys are `address:…` (the
 * client), `email:…` (the account, whether or not it exists, so that answers do not tell) and
 * `email+address:["…","…"]` (both).
 */
export const SIGN_IN_FAILURE_SCOPE = 'sign-in-failure';

const clientKey = (client: string) => `address:${client}`;
const accountKey = (account: string) => `email:${account}`;
// JSON, because an address from X-Forwarded-For and an email address could both hold any separator.
const accountClientKey = (account: string, client: string) => `email+address:${JSON.stringify([account, client])}`;

/** An attempt counted and not yet settled: the ids of its rows. */
export type SignInAttempt = { ids: number[]; accountClientKey: string };

export type SignInRefusal = 'too-many-failures' | 'account-under-attack';

export type SignInReservation = { allowed: true; attempt: SignInAttempt } | { allowed: false; refusal: SignInRefusal; waitMinutes: number };

export function createSignInThrottle(db: Db, clock: Clock, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
  for (const limit of Object.values(limits)) assertWindowKept(limit.windowMinutes);

  /** When the key may try again under the limit (epoch ms), or undefined when it may try now. */
  const blockedUntil = async (trx: Db, key: string, limit: SignInLimit, now: DateTime): Promise<number | undefined> => {
    const windowMs = limit.windowMinutes * 60_000;
    const newestFirst = await recentHitTimes(trx, SIGN_IN_FAILURE_SCOPE, key, now.minus({ milliseconds: windowMs }), limit.maxAttempts);
    // Free again once the count falls below the limit: when the oldest of the last `maxAttempts` leaves the window.
    const blocking = newestFirst[limit.maxAttempts - 1];
    return blocking === undefined ? undefined : blocking + windowMs;
  };

  return {
    /**
     * Counts an attempt before its password is checked, or refuses it. Count and insert happen
     * under one lock per client address, so parallel requests from one client take turns and each
     * sees the attempts of those before it, finished or not. The account-wide count is read
     * without that lock: it only switches the account to the smaller per-client budget, and a race
     * there lets each client through at most once more, within its own limits.
     */
    async reserve(account: string, client: string): Promise<SignInReservation> {
      const keys = { client: clientKey(client), accountClient: accountClientKey(account, client), account: accountKey(account) };
      return inTransaction(db, async (trx) => {
        await lockName(trx, `sign-in:${keys.client}`);
        const now = clock.now();
        const nowMs = now.toMillis();
        const waitMinutes = (until: number) => Math.max(1, Math.ceil((until - nowMs) / 60_000));

        const clientUntil = await blockedUntil(trx, keys.client, limits.perClient, now);
        const pairUntil = await blockedUntil(trx, keys.accountClient, limits.perAccountClient, now);
        if (clientUntil !== undefined || pairUntil !== undefined) {
          return { allowed: false, refusal: 'too-many-failures', waitMinutes: waitMinutes(Math.max(clientUntil ?? 0, pairUntil ?? 0)) };
        }
        const attackUntil = await blockedUntil(trx, keys.account, limits.accountUnderAttack, now);
        if (attackUntil !== undefined) {
          const slowUntil = await blockedUntil(trx, keys.accountClient, limits.perClientUnderAttack, now);
          // Free again when this client's budget comes back or the attack falls below the limit.
          if (slowUntil !== undefined) return { allowed: false, refusal: 'account-under-attack', waitMinutes: waitMinutes(Math.min(slowUntil, attackUntil)) };
        }
        const ids = await recordHits(trx, SIGN_IN_FAILURE_SCOPE, [keys.client, keys.accountClient, keys.account], now);
        return { allowed: true, attempt: { ids, accountClientKey: keys.accountClient } };
      });
    },

    /**
     * After the password check. A failure stays counted as reserved (so does an attempt whose
     * check threw). A success was no guess: its rows go, and this client's earlier failures at this
     * account no longer count against the (account, client) budget. They still count for the
     * client and for the account, as do the account's failures from other clients, so that signing
     * in to one's own account neither resets a guesser's budget nor ends an attack.
     */
    async settle(attempt: SignInAttempt, outcome: 'signed-in' | 'failed'): Promise<void> {
      if (outcome === 'failed') return;
      await inTransaction(db, async (trx) => {
        await forgetHits(trx, attempt.ids);
        await forgetKeyHits(trx, SIGN_IN_FAILURE_SCOPE, attempt.accountClientKey);
      });
    },
  };
}
