// Public calendar feeds and the one-webinar download, built once per version of the data.
import { Hono } from 'hono';
import type { PublicCache } from '../http/public-cache.js';
import { areaFeed, programmeFeed, webinarFile, type PublicCalendarDeps } from './calendar.service.js';
import { calendarPreflight, calendarResponse, feedValidators } from './calendar.http.js';

export function calendarRoutes(deps: PublicCalendarDeps & { cache: PublicCache }) {
  const cached = (key: string, build: () => ReturnType<typeof programmeFeed>) =>
    deps.cache.feed(key, build, (feed) => feedValidators(feed.body, feed.lastModified));
  return new Hono()
    .get('/calendar.ics', async (c) => {
      const feed = await cached('programme', () => programmeFeed(deps));
      return calendarResponse(c, { ...feed, disposition: 'inline' });
    })
    .get('/areas/:slug/calendar.ics', async (c) => {
      const slug = c.req.param('slug');
      const feed = await cached(`area\n${slug}`, () => areaFeed(deps, slug));
      return calendarResponse(c, { ...feed, disposition: 'inline' });
    })
    .get('/webinars/:slug/calendar.ics', async (c) => {
      const slug = c.req.param('slug');
      const file = await cached(`webinar\n${slug}`, () => webinarFile(deps, slug));
      return calendarResponse(c, { ...file, disposition: 'attachment' });
    })
    .on('OPTIONS', ['/calendar.ics', '/areas/:slug/calendar.ics', '/webinars/:slug/calendar.ics'], () => calendarPreflight());
}
