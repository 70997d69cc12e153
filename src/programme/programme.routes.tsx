// Public programme pages: the programme, a webinar, a knowledge area, the zone picker.
import { Hono, type MiddlewareHandler } from 'hono';
import { AreaPage } from '../../views/programme/area-page.js';
import { TimezonePage } from '../../views/programme/timezone-page.js';
import { SubscribeBox } from '../../views/calendar/subscribe-box.js';
import type { AppEnv } from '../http/env.js';
import { safeLocalPath } from '../http/local-path.js';
import { getAreaBySlug, getProgramme, listWebinars, splitByTime } from './programme.service.js';
import { programmePage, webinarPage, type PublicPageDeps } from './public-pages.js';

export type ProgrammeRoutesDeps = PublicPageDeps & { viewer: MiddlewareHandler<AppEnv> };

export function programmeRoutes(deps: ProgrammeRoutesDeps) {
  const { db, clock, baseUrl, viewer } = deps;
  return new Hono<AppEnv>()
    .get('/', viewer, async (c) => c.html(await programmePage(deps, c.var.viewer)))
    .get('/webinars/:slug', viewer, async (c) => c.html(await webinarPage(deps, c.req.param('slug'), c.var.viewer)))
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
      const returnTo = safeLocalPath(c.req.query('return'));
      // The viewer-zone middleware has already checked and remembered ?tz=; go back to the page.
      if (c.req.query('tz')) return c.redirect(returnTo, 303);
      const programme = await getProgramme(db);
      return c.html(<TimezonePage siteTitle={programme.title} viewer={c.var.viewer} returnTo={returnTo} />);
    });
}
