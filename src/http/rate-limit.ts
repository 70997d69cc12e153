// A small in-memory sliding-window limiter per client address, enough to keep simple bots out of
// public forms without a captcha. One process serves the hub, so memory is the right place.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Clock } from '../clock.js';

export type RateLimit = { max: number; windowMinutes: number };

export function createRateLimiter(limit: RateLimit, clock: Clock) {
  const hits = new Map<string, number[]>();
  return {
    /** Records a hit; false when the address has used up its allowance in the window. */
    allow(key: string): boolean {
      const now = clock.now().toMillis();
      const since = now - limit.windowMinutes * 60_000;
      const recent = (hits.get(key) ?? []).filter((t) => t > since);
      if (recent.length >= limit.max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > 10_000) for (const [k, times] of hits) if (times.every((t) => t <= since)) hits.delete(k);
      return true;
    },
  };
}

/** The client's address, as worked out once per request by `resolveClientAddress`. */
export function clientAddress(c: Context): string {
  return (c.get('clientAddress') as string | undefined) ?? socketAddress(c);
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
    const forwarded = options.trustProxy ? c.req.header('x-forwarded-for') : undefined;
    const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
    c.set('clientAddress', last && last.length <= 64 ? last : socketAddress(c));
    await next();
  };
}
