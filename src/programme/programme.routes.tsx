// Public programme pages: the programme, a webinar, a knowledge area, the zone picker.
import { Hono, type MiddlewareHandler } from 'hono';
import { AreaPage } from '../../views/programme/area-page.js';
import { ProgrammePage } from '../../views/programme/programme-page.js';
import { TimezonePage } from '../../views/programme/timezone-page.js';
import { WebinarPage } from '../../views/programme/webinar-page.js';
import { AddToCalendar } from '../../views/calendar/add-to-calendar.js';
import { SubscribeBox } from '../../views/calendar/subscribe-box.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../calendar/add-to-calendar.js';
import { webinarDescription } from '../calendar/webinar-events.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { AppEnv } from '../http/env.js';
import { safeReturnPath } from '../http/viewer-zone.js';
import { getAreaBySlug, getProgramme, getWebinarBySlug, listAreas, listWebinars, splitByTime } from './programme.service.js';
import { worldClock } from './world-clock.js';

export type ProgrammeRoutesDeps = { db: Db; clock: Clock; baseUrl: string; viewer: MiddlewareHandler<AppEnv> };

export function programmeRoutes({ db, clock, baseUrl, viewer }: ProgrammeRoutesDeps) {
  return new Hono<AppEnv>()
    .get('/', viewer, async (c) => {
      const now = clock.now();
      const [programme, areas, webinars] = await Promise.all([getProgramme(db), listAreas(db), listWebinars(db)]);
      const { upcoming, past } = splitByTime(webinars, now);
      return c.html(
        <ProgrammePage
          programme={programme}
          areas={areas}
          upcoming={upcoming}
          past={past}
          viewer={c.var.viewer}
          now={now}
          aside={<SubscribeBox feedUrl={`${baseUrl}/calendar.ics`} what="every webinar of the programme" />}
        />,
      );
    })
    .get('/webinars/:slug', viewer, async (c) => {
      const now = clock.now();
      const programme = await getProgramme(db);
      const webinar = await getWebinarBySlug(db, c.req.param('slug'));
      const calendarEvent = {
        title: webinar.title,
        start: webinar.startsAt,
        end: webinar.endsAt,
        description: webinarDescription(webinar, programme, { baseUrl }),
        location: `${baseUrl}/webinars/${webinar.slug}`,
      };
      const addToCalendar =
        webinar.status === 'published' && webinar.endsAt > now ? (
          <AddToCalendar
            icsUrl={`/webinars/${webinar.slug}/calendar.ics`}
            googleUrl={googleCalendarUrl(calendarEvent)}
            outlookUrl={outlookCalendarUrl(calendarEvent, 'outlook.live.com')}
            office365Url={outlookCalendarUrl(calendarEvent, 'outlook.office.com')}
          />
        ) : undefined;
      return c.html(
        <WebinarPage
          programme={programme}
          webinar={webinar}
          worldClock={worldClock(webinar, c.var.viewer.zone, programme.defaultZone)}
          viewer={c.var.viewer}
          now={now}
          addToCalendar={addToCalendar}
        />,
      );
    })
    .get('/areas/:slug', viewer, async (c) => {
      const now = clock.now();
      const programme = await getProgramme(db);
      const area = await getAreaBySlug(db, c.req.param('slug'));
      const { upcoming, past } = splitByTime(await listWebinars(db, { areaId: area.id }), now);
      return c.html(
        <AreaPage
          programme={programme}
          area={area}
          upcoming={upcoming}
          past={past}
          viewer={c.var.viewer}
          now={now}
          aside={<SubscribeBox feedUrl={`${baseUrl}/areas/${area.slug}/calendar.ics`} what={`the webinars on ${area.name.toLowerCase()}`} />}
        />,
      );
    })
    .get('/timezone', viewer, async (c) => {
      const returnTo = safeReturnPath(c.req.query('return'));
      // The viewer-zone middleware has already checked and remembered ?tz=; go back to the page.
      if (c.req.query('tz')) return c.redirect(returnTo, 303);
      const programme = await getProgramme(db);
      return c.html(<TimezonePage siteTitle={programme.title} viewer={c.var.viewer} returnTo={returnTo} />);
    });
}
