// Signing in with a password, throttled: the attempt is counted before the password is checked and
// settled after, so that a guesser learns nothing from attempts beyond the budget, however sent.
import type { Language } from '../i18n/languages.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { CoordinatorIdentity } from './auth.types.js';
import { authenticate, normalizeEmail } from './coordinator.service.js';
import { createSignInThrottle, type SignInLimits, type SignInRefusal } from './sign-in-throttle.js';

/** Checks an email and password (the slow part: scrypt); `authenticate` unless a test counts the calls. */
export type PasswordCheck = (db: Db, clock: Clock, email: string, password: string) => Promise<(CoordinatorIdentity & { language?: Language }) | undefined>;

export type SignInResult =
  | { outcome: 'signed-in'; coordinator: CoordinatorIdentity & { language?: Language } }
  | { outcome: 'wrong' }
  /** Refused before the password was looked at: even the right one would have been refused. */
  | { outcome: 'throttled'; refusal: SignInRefusal; waitMinutes: number };

export type SignInDeps = { db: Db; clock: Clock; limits?: SignInLimits; checkPassword?: PasswordCheck };

export function createSignIn(deps: SignInDeps) {
  const { db, clock } = deps;
  const throttle = createSignInThrottle(db, clock, deps.limits);
  const checkPassword = deps.checkPassword ?? authenticate;

  /** `client` is the client's address, as the rate limits see it. */
  return async function signIn(email: string, password: string, client: string): Promise<SignInResult> {
    const reservation = await throttle.reserve(normalizeEmail(email), client);
    if (!reservation.allowed) return { outcome: 'throttled', refusal: reservation.refusal, waitMinutes: reservation.waitMinutes };
    // Should the check throw, the attempt stays counted: an error must not buy a free guess.
    const coordinator = await checkPassword(db, clock, email, password);
    await throttle.settle(reservation.attempt, coordinator ? 'signed-in' : 'failed');
    return coordinator ? { outcome: 'signed-in', coordinator } : { outcome: 'wrong' };
  };
}
