// Public programme pages: the programme, a webinar, a knowledge area, the zone picker.
import { languageOf } from '../http/language.js';
import { Hono, type MiddlewareHandler } from 'hono';
import { AreaPage } from '../../views/programme/area-page.js';
import { TimezonePage } from '../../views/programme/timezone-page.js';
import type { AppEnv } from '../http/env.js';
import { safeLocalPath } from '../http/local-path.js';
import { searchZones } from '../time/index.js';
import { usefulZones } from './useful-zones.js';
import { uncachedPage } from '../http/public-cache.js';
import { getAreaBySlug, getProgramme, listWebinars, pageOfWebinars, splitByTime } from './programme.service.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { WebinarListPage, webinarListHref } from '../../views/programme/webinar-list-page.js';
import { pageShare } from '../previews/share-meta.js';
import { programmePage, webinarPage, type PublicPageDeps } from './public-pages.js';
import { translate } from '../i18n/catalogue.js';
import { message } from '../i18n/message.js';
import { localizePageOfWebinars, localizeWebinars } from './localize-webinar.js';

export type ProgrammeRoutesDeps = PublicPageDeps & {
  viewer: MiddlewareHandler<AppEnv>;
  /** Answers from memory what was rendered for the same data, zone and time (see src/http/public-cache.ts). */
  pageCache?: MiddlewareHandler<AppEnv>;
};

/** Webinars per page of /webinars. */
const WEBINAR_LIST_PAGE = 24;

export function programmeRoutes(deps: ProgrammeRoutesDeps) {
  const { db, clock, baseUrl, viewer } = deps;
  const cached = deps.pageCache ?? uncachedPage;
  return (
    new Hono<AppEnv>()
      .get('/', viewer, cached, async (c) => c.html(await programmePage(deps, c.get('viewer'), languageOf(c))))
      .get('/webinars/:slug', viewer, cached, async (c) => c.html(await webinarPage(deps, c.req.param('slug'), c.get('viewer'), languageOf(c))))
      .get('/areas/:slug', viewer, cached, async (c) => {
        const now = clock.now();
        const programme = await getProgramme(db);
        const area = await getAreaBySlug(db, c.req.param('slug'));
        const { upcoming, past } = splitByTime(localizeWebinars(await listWebinars(db, { areaId: area.id }), languageOf(c)), now);
        const feedUrl = `${baseUrl}/areas/${area.slug}/calendar.ics`;
        return c.html(
          <AreaPage
            programme={programme}
            area={area}
            upcoming={upcoming}
            past={past}
            feedUrl={feedUrl}
            viewer={c.get('viewer')}
            now={now}
            share={pageShare(baseUrl, programme, `/areas/${area.slug}`)}
          />,
        );
      })
      .get('/webinars', viewer, cached, async (c) => {
        const when = c.req.query('when') ?? 'upcoming';
        const rawPage = c.req.query('page') ?? '1';
        if ((when !== 'upcoming' && when !== 'past') || !/^[1-9]\d{0,5}$/.test(rawPage)) {
          throw new ValidationError({ page: translate(languageOf(c), 'public.list.badQuery') }, 400);
        }
        const page = Number(rawPage);
        const [programme, list] = await Promise.all([
          getProgramme(db),
          pageOfWebinars(db, { now: clock.now(), when, offset: (page - 1) * WEBINAR_LIST_PAGE, limit: WEBINAR_LIST_PAGE }).then((list) =>
            localizePageOfWebinars(list, languageOf(c)),
          ),
        ]);
        const pageCount = Math.max(1, Math.ceil(list.total / WEBINAR_LIST_PAGE));
        if (page > pageCount) throw new NotFoundError(message('public.list.noSuchPage', { count: pageCount, when }));
        return c.html(
          <WebinarListPage
            programme={programme}
            when={when}
            webinars={list.webinars}
            total={list.total}
            page={page}
            pageCount={pageCount}
            viewer={c.get('viewer')}
            now={clock.now()}
            share={pageShare(baseUrl, programme, webinarListHref(when, page))}
          />,
        );
      })
      .get('/timezone', viewer, async (c) => {
        const returnTo = safeLocalPath(c.req.query('return'));
        // The viewer-zone middleware has already checked and remembered ?tz=; go back to the page.
        if (c.req.query('tz')) return c.redirect(returnTo, 303);
        const now = clock.now();
        const query = c.req.query('q')?.slice(0, 64);
        const language = languageOf(c);
        const [programme, useful] = await Promise.all([getProgramme(db), usefulZones(db, now, c.get('viewer'), language)]);
        const results = query?.trim() ? searchZones(query, now, { limit: 30, language }) : undefined;
        return c.html(
          <TimezonePage
            siteTitle={programme.title}
            viewer={c.get('viewer')}
            returnTo={returnTo}
            now={now}
            query={query}
            results={results}
            useful={useful}
            share={pageShare(baseUrl, programme, '/timezone')}
          />,
        );
      })
      // The picker's type-ahead: the same search as ?q=, as JSON, in the reader's language (the
      // language middleware says so in Vary). Local times move on every minute.
      .get('/timezone/search', (c) => {
        const query = (c.req.query('q') ?? '').slice(0, 64);
        const matches = query.trim() ? searchZones(query, clock.now(), { limit: 10, language: languageOf(c) }) : [];
        c.header('Cache-Control', 'public, max-age=60');
        return c.json({ query, matches });
      })
  );
}
