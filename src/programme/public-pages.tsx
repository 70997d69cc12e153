// Builds the public programme and webinar pages with every feature's part in its slot
// (registration form, add to calendar, materials), so that a form with errors can be shown again.
import type { Child } from 'hono/jsx';
import { AddToCalendar } from '../../views/calendar/add-to-calendar.js';
import { SubscribeBox } from '../../views/calendar/subscribe-box.js';
import { ProgrammePage } from '../../views/programme/programme-page.js';
import { RegistrationClosedNotice, WebinarPage } from '../../views/programme/webinar-page.js';
import type { ViewerZoneProps } from '../../views/layout.js';
import { RegistrationForm } from '../../views/registration/registration-form.js';
import { LocalTime } from '../../views/components/local-time.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../calendar/add-to-calendar.js';
import { webinarDescription, webinarUrl } from '../calendar/webinar-events.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { FieldErrors } from '../errors.js';
import { countConfirmedSeats, fullWebinarIds, registrationClosedReason } from '../registration/registration.service.js';
import { getProgramme, getWebinarBySlug, listAreas, pageOfWebinars } from './programme.service.js';
import type { Webinar } from './programme.types.js';
import { worldClock } from './world-clock.js';
import { pageShare, webinarShare } from '../previews/share-meta.js';
import { jsonLdText, programmeEventData, webinarEventData } from './event-data.js';
import { t } from '../i18n/catalogue.js';
import { message, sayHere, type Words } from '../i18n/message.js';
import { WhenRendered } from '../../views/components/when-rendered.js';
import type { Language } from '../i18n/languages.js';
import { localizeWebinar, localizePageOfWebinars } from './localize-webinar.js';

export type PublicPageDeps = {
  db: Db;
  clock: Clock;
  baseUrl: string;
  /** Public recordings and slides of a webinar (filled by the materials feature). */
  materialsOf?: (webinar: Webinar) => Promise<Child | undefined>;
};

/** How many upcoming and past webinars the programme page shows; /webinars lists them all. */
export const PROGRAMME_PAGE_UPCOMING = 12;
export const PROGRAMME_PAGE_PAST = 6;

export type FormState = { values: Record<string, string | string[] | undefined>; errors: FieldErrors };

/** `language`: the reader's (the request's), which picks the webinars' titles and abstracts. */
export async function programmePage(deps: PublicPageDeps, viewer: ViewerZoneProps, language: Language, form?: FormState) {
  const now = deps.clock.now();
  const [programme, areas, upcoming, past] = await Promise.all([
    getProgramme(deps.db),
    listAreas(deps.db),
    pageOfWebinars(deps.db, { now, when: 'upcoming', offset: 0, limit: PROGRAMME_PAGE_UPCOMING }).then((page) => localizePageOfWebinars(page, language)),
    pageOfWebinars(deps.db, { now, when: 'past', offset: 0, limit: PROGRAMME_PAGE_PAST }).then((page) => localizePageOfWebinars(page, language)),
  ]);
  // The card that leads the page (on a phone, the first screen): the first one that still takes place.
  const next = upcoming.webinars.find((webinar) => webinar.status !== 'cancelled');
  const open = upcoming.webinars.filter((webinar) => !registrationClosedReason(webinar, now));
  const full = open.length > 1 ? await fullWebinarIds(deps.db, open) : new Set<number>();
  return (
    <WhenRendered
      page={() => (
        <ProgrammePage
          programme={programme}
          areas={areas}
          upcoming={upcoming.webinars}
          upcomingTotal={upcoming.total}
          past={past.webinars}
          pastTotal={past.total}
          viewer={viewer}
          now={now}
          share={pageShare(deps.baseUrl, programme, '/')}
          structuredData={jsonLdText(programmeEventData(programme, [...upcoming.webinars, ...past.webinars], deps.baseUrl))}
          next={next ? { id: next.id, open: !registrationClosedReason(next, now) } : undefined}
          aside={<SubscribeBox feedUrl={`${deps.baseUrl}/calendar.ics`} intro={t('public.programme.subscribeIntro')} calendarName={programme.title} />}
          afterUpcoming={
            open.length > 1 ? (
              <RegistrationForm
                action="/register"
                heading={t('public.programme.series.heading')}
                intro={t('public.programme.series.intro')}
                submitLabel={t('public.programme.series.submit')}
                values={form?.values ?? {}}
                errors={form?.errors ?? {}}
                defaultZone={viewer.zone}
                now={now}
                choices={open.map((webinar) => ({
                  slug: webinar.slug,
                  label: (
                    <>
                      {webinar.title} (<LocalTime instant={webinar.startsAt} zone={viewer.zone} />)
                      {full.has(webinar.id) ? t('public.programme.series.full') : ''}
                    </>
                  ),
                }))}
              />
            ) : undefined
          }
        />
      )}
    />
  );
}

export async function webinarPage(
  deps: PublicPageDeps,
  slug: string,
  viewer: ViewerZoneProps,
  language: Language,
  options: { form?: FormState; notice?: Child } = {},
) {
  const now = deps.clock.now();
  const programme = await getProgramme(deps.db);
  const loaded = await getWebinarBySlug(deps.db, slug);
  const webinar = localizeWebinar(loaded, language);
  // Described when rendered, in the reader's language (see WhenRendered).
  const calendarEvent = () => ({
    title: webinar.title,
    start: webinar.startsAt,
    end: webinar.endsAt,
    description: webinarDescription(webinar, programme, { baseUrl: deps.baseUrl }),
    location: webinarUrl(deps.baseUrl, webinar),
  });
  const upcoming = webinar.status === 'published' && webinar.endsAt > now;
  const closed = registrationClosedReason(webinar, now);
  const seatsNow = closed ? { line: '' as Words, full: false } : await seats(deps.db, webinar);
  const materials = deps.materialsOf ? await deps.materialsOf(webinar) : undefined;
  return (
    <WhenRendered
      page={() => (
        <WebinarPage
          programme={programme}
          webinar={webinar}
          worldClock={worldClock(webinar, viewer.zone, programme.defaultZone, viewer.chosen)}
          viewer={viewer}
          now={now}
          notice={options.notice}
          // The preview image is one per webinar, in English like the public feeds: its address and
          // its alt text follow the webinar as loaded; the page's own title and description are the reader's.
          share={webinarShare(deps.baseUrl, programme, loaded)}
          structuredData={jsonLdText(
            webinarEventData(webinar, programme, { baseUrl: deps.baseUrl, availability: closed ? 'closed' : seatsNow.full ? 'waiting-list' : 'open' }),
          )}
          materials={materials}
          addToCalendar={
            upcoming ? (
              <AddToCalendar
                icsUrl={`/webinars/${webinar.slug}/calendar.ics`}
                googleUrl={googleCalendarUrl(calendarEvent())}
                outlookUrl={outlookCalendarUrl(calendarEvent(), 'outlook.live.com')}
                office365Url={outlookCalendarUrl(calendarEvent(), 'outlook.office.com')}
              />
            ) : undefined
          }
          register={
            closed ? (
              // Say why there is no form where someone would look for one, or has just tried to use it.
              options.form || (webinar.status === 'published' && upcoming) ? (
                <RegistrationClosedNotice reason={sayHere(closed)} alert={options.form !== undefined} />
              ) : undefined
            ) : (
              <RegistrationForm
                action={`/webinars/${webinar.slug}/register`}
                heading={seatsNow.full ? t('public.register.waitingList') : t('public.register.heading')}
                intro={sayHere(seatsNow.line)}
                submitLabel={seatsNow.full ? t('public.register.waitingList') : t('public.register.submit')}
                values={options.form?.values ?? {}}
                errors={options.form?.errors ?? {}}
                defaultZone={viewer.zone}
                now={now}
              />
            )
          }
        />
      )}
    />
  );
}

/** What the form says about seats, and whether it is for the waiting list (every seat taken). */
async function seats(db: Db, webinar: Webinar): Promise<{ line: Words; full: boolean }> {
  if (webinar.capacity === null) return { line: message('public.register.unlimited'), full: false };
  const left = webinar.capacity - (await countConfirmedSeats(db, webinar.id));
  if (left <= 0) return { line: message('public.register.full'), full: true };
  return { line: message('public.register.seatsLeft', { left: String(left), capacity: String(webinar.capacity) }), full: false };
}
