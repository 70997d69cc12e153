// Public feeds: which webinars each feed holds and what it is called.
import type { Db } from '../db/connection.js';
import { currentLanguage, withLanguage } from '../i18n/current-language.js';
import { getAreaBySlug, getProgramme, getWebinarBySlug, lastWebinarChange, listWebinars } from '../programme/programme.service.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import { buildCalendar, type CalendarEvent, type CalendarMethod } from './calendar.builder.js';
import { latest } from './calendar.http.js';
import { webinarEvent, type EventLink, type EventProgramme } from './webinar-events.js';
import type { DateTime } from 'luxon';

export type BuiltCalendar = { body: string; lastModified: DateTime; filename: string };

/** Public links (recording, slides) per webinar; filled by the materials feature. */
export type LinksOfWebinars = (db: Db, webinars: Webinar[]) => Promise<Map<number, EventLink[]>>;

export type PublicCalendarDeps = { db: Db; baseUrl: string; linksOf: LinksOfWebinars };

function publicCalendar(
  programme: Programme,
  webinars: Webinar[],
  links: Map<number, EventLink[]>,
  baseUrl: string,
  name: string,
  description: string,
  method?: CalendarMethod,
) {
  // Public feeds are in English, whoever asks first: one copy of each is kept and served to everyone
  // (see calendar.routes.ts), and a calendar client's request says little about its readers.
  return withLanguage('en', () =>
    buildCalendar({
      name,
      description,
      zoneHint: programme.defaultZone,
      method,
      events: publicEvents(webinars, programme, baseUrl, links),
    }),
  );
}

type KeptEvent = { context: string; links: EventLink[]; event: CalendarEvent };

/**
 * The last public event made from each webinar object. Webinars are given again as the same
 * object while their rows read the same (programme/known-webinars.ts), so after a change to one
 * webinar of 1,000 the feeds make one event and find the other 999 here; buildCalendar then finds
 * their text by the same object. An event depends on the webinar, the links, the base URL, the
 * language and the programme's fields in EventProgramme (the type of what webinarEvent may read),
 * and is used again only when all of them are as before.
 */
const keptEvents = new WeakMap<Webinar, KeptEvent>();

function publicEvents(webinars: readonly Webinar[], programme: EventProgramme, baseUrl: string, links: Map<number, EventLink[]>): CalendarEvent[] {
  const shown: { [Field in keyof EventProgramme]: string } = {
    defaultZone: programme.defaultZone,
    organiserName: programme.organiserName,
    organiserEmail: programme.organiserEmail,
  };
  const context = JSON.stringify([currentLanguage(), baseUrl, shown]);
  return webinars.map((webinar) => {
    const webinarLinks = links.get(webinar.id) ?? [];
    // Only a frozen webinar (as known-webinars.ts gives them) cannot change under its kept event.
    if (!Object.isFrozen(webinar)) return webinarEvent(webinar, programme, { baseUrl, links: webinarLinks });
    const kept = keptEvents.get(webinar);
    if (kept && kept.context === context && sameLinks(kept.links, webinarLinks)) return kept.event;
    const event = webinarEvent(webinar, programme, { baseUrl, links: webinarLinks });
    keptEvents.set(webinar, { context, links: webinarLinks, event });
    return event;
  });
}

function sameLinks(a: readonly EventLink[], b: readonly EventLink[]): boolean {
  return a.length === b.length && a.every((link, i) => link.label === b[i]!.label && link.url === b[i]!.url);
}

/**
 * Publishing materials touches the webinar's updated_at, so webinars' change times cover them; all
 * webinars count, also those no longer in the feed, so that one leaving it moves the date too.
 */
async function lastChange(db: Db, programme: Programme): Promise<DateTime> {
  const newest = await lastWebinarChange(db);
  return newest ? latest(programme.updatedAt, newest) : programme.updatedAt;
}

export async function programmeFeed({ db, baseUrl, linksOf }: PublicCalendarDeps): Promise<BuiltCalendar> {
  const programme = await getProgramme(db);
  const webinars = await listWebinars(db);
  return {
    body: publicCalendar(programme, webinars, await linksOf(db, webinars), baseUrl, programme.title, programme.tagline || programme.description),
    lastModified: await lastChange(db, programme),
    filename: 'programme.ics',
  };
}

export async function areaFeed({ db, baseUrl, linksOf }: PublicCalendarDeps, areaSlug: string): Promise<BuiltCalendar> {
  const programme = await getProgramme(db);
  const area = await getAreaBySlug(db, areaSlug);
  const webinars = await listWebinars(db, { areaId: area.id });
  return {
    body: publicCalendar(programme, webinars, await linksOf(db, webinars), baseUrl, `${programme.title}: ${area.name}`, area.description),
    lastModified: await lastChange(db, programme),
    filename: `${area.slug}.ics`,
  };
}

export async function webinarFile({ db, baseUrl, linksOf }: PublicCalendarDeps, slug: string): Promise<BuiltCalendar> {
  const programme = await getProgramme(db);
  const webinar = await getWebinarBySlug(db, slug);
  return {
    body: publicCalendar(programme, [webinar], await linksOf(db, [webinar]), baseUrl, webinar.title, programme.title, 'PUBLISH'),
    lastModified: await lastChange(db, programme),
    filename: `${webinar.slug}.ics`,
  };
}
