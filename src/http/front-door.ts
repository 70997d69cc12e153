// What the hub answers before its router: the requests that come all day from machines and whose
// answer is already known. A calendar client polling a public feed it has (If-None-Match of the
// feed kept for the current data version) gets its 304, and a load balancer's /healthz its 200,
// without hono's routing and middleware, the Request's Headers object and the promises between
// them: that was half of a 304's CPU time (83–101 µs of it on this machine, 51–55 µs without).
// Anything else, and anything that cannot be known without waiting (PostgreSQL's version read, a
// feed not built yet, a changed feed), goes on to the router, which gives the same answers.
import type { IncomingMessage } from 'node:http';
import { getPath } from 'hono/utils/url';
import { feedNotModified, type FeedValidators } from '../calendar/calendar.http.js';
import { publicFeedKey } from '../calendar/calendar.routes.js';
import { etagMatches } from './conditional.js';
import type { PublicCache } from './public-cache.js';

export type FrontDoor = (request: Request, env: unknown) => Response | undefined;

export function frontDoor(cache: Pick<PublicCache, 'version' | 'feedNow'>): FrontDoor {
  return (request, env) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    try {
      const path = getPath(request);
      if (path === '/healthz') return cache.version.now() ? healthy() : undefined;
      const ifNoneMatch = headerOf(request, env, 'if-none-match');
      if (ifNoneMatch === undefined) return undefined;
      const key = publicFeedKey(path);
      const feed = key === undefined ? undefined : cache.feedNow<FeedValidators>(key);
      return feed && etagMatches(ifNoneMatch, feed.validators.etag) ? feedNotModified(feed.validators, false) : undefined;
    } catch {
      // A database that fails the read: the router's /healthz says so (503) and logs it.
      return undefined;
    }
  };
}

function healthy(): Response {
  return new Response(HEALTHY, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

const HEALTHY = JSON.stringify({ status: 'ok' });

/**
 * A request header, from Node's own parsed headers where @hono/node-server passes them (its
 * Request builds a whole Headers object on the first header read), from the Request elsewhere.
 */
function headerOf(request: Request, env: unknown, name: string): string | undefined {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return request.headers.get(name) ?? undefined;
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
