// A sliding-window limiter per client address, enough to keep simple bots out of public forms
// without a captcha. The hits are kept in the database, so that every instance behind the load
// balancer counts the same ones.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { nowMillis, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { lockName } from '../db/dialect.js';
import { inTransaction } from '../db/transaction.js';
import { countRateLimitHits, hitInstantAt, pruneRateLimitHits, recordRateLimitHits, toHitInstant } from './rate-limit.repository.js';

export type RateLimit = { max: number; windowMinutes: number };

/** How long pruning keeps hits: at least the longest window of any limit or throttle. */
export const RATE_LIMIT_RETENTION_MINUTES = 24 * 60;

/** Refuses a window that pruning would cut short: hits would be forgotten while still counting. */
export function assertWindowKept(windowMinutes: number): void {
  if (windowMinutes > RATE_LIMIT_RETENTION_MINUTES) {
    throw new Error(`A rate limit window of ${windowMinutes} minutes is longer than the ${RATE_LIMIT_RETENTION_MINUTES} minutes that pruning keeps`);
  }
}

/** `scope` names what is counted ('registration'), so that limits on one database do not mix. */
export function createRateLimiter(db: Db, scope: string, limit: RateLimit, clock: Clock) {
  assertWindowKept(limit.windowMinutes);
  return {
    /** Records a hit; false when the address has used up its allowance in the window. */
    async allow(key: string): Promise<boolean> {
      // Count and insert under one lock per key: without it, parallel requests from one address
      // (on one instance or several) would all count the same hits and all get through.
      return inTransaction(db, async (trx) => {
        await lockName(trx, `rate:${scope}:${key}`);
        // In milliseconds, as the hits are stored: every registration passes here.
        const now = nowMillis(clock);
        const since = hitInstantAt(now - limit.windowMinutes * 60_000);
        if ((await countRateLimitHits(trx, scope, key, since)) >= limit.max) return false;
        await recordRateLimitHits(trx, scope, [key], hitInstantAt(now));
        return true;
      });
    },
  };
}

/**
 * Deletes hits that no limit counts any more, for the server's maintenance timer; the limits
 * themselves only read inside their window, so this only keeps the table small.
 */
export async function pruneRateLimits(db: Db, clock: Clock): Promise<number> {
  return pruneRateLimitHits(db, toHitInstant(clock.now().minus({ minutes: RATE_LIMIT_RETENTION_MINUTES })));
}

/**
 * The client's address: the socket's, or behind a trusted proxy (see `resolveClientAddress`) the
 * last one the proxy appended to X-Forwarded-For. Worked out when first asked for, once per request:
 * most requests never need it.
 */
export function clientAddress(c: Context): string {
  const known = c.get('clientAddress') as string | undefined;
  if (known !== undefined) return known;
  const forwarded = c.get('trustProxy') === true ? c.req.header('x-forwarded-for') : undefined;
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  const address = last && last.length <= 64 ? last : socketAddress(c);
  c.set('clientAddress', address);
  return address;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Behind a reverse proxy every request comes from the proxy, and rate limits would count all
 * clients as one. With `trustProxy` the address is the last one the proxy appended to
 * X-Forwarded-For (earlier entries are whatever the client claimed, so they are not trusted).
 */
export function resolveClientAddress(options: { trustProxy: boolean }): MiddlewareHandler {
  return async function clientAddressMiddleware(c, next) {
    c.set('trustProxy', options.trustProxy);
    await next();
  };
}
