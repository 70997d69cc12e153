// Public calendar feeds and the one-webinar download.
import { Hono } from 'hono';
import { areaFeed, programmeFeed, webinarFile, type PublicCalendarDeps } from './calendar.service.js';
import { calendarPreflight, calendarResponse } from './calendar.http.js';

export function calendarRoutes(deps: PublicCalendarDeps) {
  return new Hono()
    .get('/calendar.ics', async (c) => {
      const feed = await programmeFeed(deps);
      return calendarResponse(c, { ...feed, disposition: 'inline' });
    })
    .get('/areas/:slug/calendar.ics', async (c) => {
      const feed = await areaFeed(deps, c.req.param('slug'));
      return calendarResponse(c, { ...feed, disposition: 'inline' });
    })
    .get('/webinars/:slug/calendar.ics', async (c) => {
      const file = await webinarFile(deps, c.req.param('slug'));
      return calendarResponse(c, { ...file, disposition: 'attachment' });
    })
    .on('OPTIONS', ['/calendar.ics', '/areas/:slug/calendar.ics', '/webinars/:slug/calendar.ics'], () => calendarPreflight());
}
