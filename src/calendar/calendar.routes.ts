// Public calendar feeds and the one-webinar download, built once per version of the data.
import { Hono } from 'hono';
import type { PublicCache } from '../http/public-cache.js';
import { areaFeed, programmeFeed, webinarFile, type PublicCalendarDeps } from './calendar.service.js';
import { calendarPreflight, calendarResponse, feedValidators } from './calendar.http.js';

/** Where each public feed is kept in the cache; one place, for the routes and the front door. */
const feedKey = {
  programme: 'programme',
  area: (slug: string) => `area\n${slug}`,
  webinar: (slug: string) => `webinar\n${slug}`,
};

/** The cache key of the public feed at `path` (as requested), or undefined for any other path. */
export function publicFeedKey(path: string): string | undefined {
  if (path === '/calendar.ics') return feedKey.programme;
  // Slugs are [a-z0-9-]: a percent-encoded one is left to the router, which decodes it.
  const match = /^\/(areas|webinars)\/([^/%]+)\/calendar\.ics$/.exec(path);
  if (!match) return undefined;
  return match[1] === 'areas' ? feedKey.area(match[2]!) : feedKey.webinar(match[2]!);
}

export function calendarRoutes(deps: PublicCalendarDeps & { cache: PublicCache }) {
  const cached = (key: string, build: () => ReturnType<typeof programmeFeed>) =>
    deps.cache.feed(key, build, (feed) => feedValidators(feed.body, feed.lastModified));
  return new Hono()
    .get('/calendar.ics', async (c) => {
      const feed = await cached(feedKey.programme, () => programmeFeed(deps));
      return calendarResponse(c, { ...feed, disposition: 'inline' });
    })
    .get('/areas/:slug/calendar.ics', async (c) => {
      const slug = c.req.param('slug');
      const feed = await cached(feedKey.area(slug), () => areaFeed(deps, slug));
      return calendarResponse(c, { ...feed, disposition: 'inline' });
    })
    .get('/webinars/:slug/calendar.ics', async (c) => {
      const slug = c.req.param('slug');
      const file = await cached(feedKey.webinar(slug), () => webinarFile(deps, slug));
      return calendarResponse(c, { ...file, disposition: 'attachment' });
    })
    .on('OPTIONS', ['/calendar.ics', '/areas/:slug/calendar.ics', '/webinars/:slug/calendar.ics'], () => calendarPreflight());
}
