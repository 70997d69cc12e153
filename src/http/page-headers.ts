// The headers of the hub's pages: the security headers of hono's secureHeaders for the hub's
// policy, and the language headers. Worked out once, so that a page answered from the cache goes
// out with all its headers as one plain object, which @hono/node-server writes as it is; setting
// them one by one on a Response's Headers after each request cost about a tenth of a cached page.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { generateCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
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
 * Sets a cookie on the response to come, the way hono's setCookie does, and notes it for the page
 * cache, which answers a cached page with a Response of its own: hono does not merge headers set
 * before the route into such a Response, so the cache adds these itself. Every middleware that
 * runs before public pages and sets a header sets cookies, through this. The cache tests compare
 * a cached page's headers, cookies included, with its first rendering's.
 */
export function setPageCookie(c: Context, name: string, value: string, options: CookieOptions): void {
  const cookie = generateCookie(name, value, options);
  c.header('Set-Cookie', cookie, { append: true });
  const noted = c.get('pageCookies') as string[] | undefined;
  c.set('pageCookies', noted ? [...noted, cookie] : [cookie]);
}

/** hono's deleteCookie, through setPageCookie. */
export function deletePageCookie(c: Context, name: string, options: CookieOptions): void {
  setPageCookie(c, name, '', { ...options, maxAge: 0 });
}
