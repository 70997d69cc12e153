// The headers of the hub's pages: the security headers of hono's secureHeaders for the hub's
// policy, and the language headers. Worked out once, so that a page answered from the cache goes
// out with all its headers as one plain object, which @hono/node-server writes as it is; setting
// them one by one on a Response's Headers after each request cost about a tenth of a cached page.
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** The headers `middleware` adds to a response (once, on a throwaway app): hono's secureHeaders, here. */
export async function headersSetBy(middleware: MiddlewareHandler): Promise<Readonly<Record<string, string>>> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204));
  const response = await probe.request('/');
  return Object.freeze(Object.fromEntries(response.headers));
}

/**
 * Sets `security` on every response but feeds (nosniff of their own; CSP, framing and referrer
 * mean nothing there) and those a route marked complete (see markHeadersComplete).
 */
export function securityHeaders(security: Promise<Readonly<Record<string, string>>>): MiddlewareHandler<AppEnv> {
  return async function securityHeadersMiddleware(c, next) {
    if (c.req.path.endsWith('.ics')) return next();
    await next();
    if (c.get('headersComplete')) return;
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(await security)) headers.set(name, value);
  };
}

/** The route's response already carries every header the page middleware would add. */
export function markHeadersComplete(c: { set(key: 'headersComplete', value: true): void }): void {
  c.set('headersComplete', true);
}

/**
 * Every middleware that runs before public pages and sets a header before calling next() (a
 * cookie) says so here; the page cache otherwise answers with a Response of its own, which hono
 * does not merge such headers into. The cache tests compare a cached page's headers with its
 * first rendering's, cookies included.
 */
export function markHeadersPrepared(c: { set(key: 'headersPrepared', value: true): void }): void {
  c.set('headersPrepared', true);
}
