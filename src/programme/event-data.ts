// What search engines read about the programme: schema.org Event data (JSON-LD) for a webinar page
// and an EventSeries for the programme page. Pure: domain objects in, plain objects out.
//
// Times are ISO 8601 with the offset of the programme's zone (the zone the organisers plan in), as
// every time on the pages is; the join link is private and never appears here, the location is
// the public page.
import { showIn } from '../time/index.js';
import type { Programme, Webinar } from './programme.types.js';

const SCHEMA = 'https://schema.org';

/** Whether someone can register now, and for a seat or only for the waiting list. */
export type RegistrationAvailability = 'open' | 'waiting-list' | 'closed';

export type EventDataOptions = {
  baseUrl: string;
  availability: RegistrationAvailability;
  /** The page's preview image (absolute), when there is one. */
  imageUrl?: string;
};

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export function webinarEventData(webinar: Webinar, programme: Programme, options: EventDataOptions): JsonObject {
  const url = `${options.baseUrl}/webinars/${webinar.slug}`;
  const zone = programme.defaultZone;
  const data: JsonObject = {
    '@context': SCHEMA,
    '@type': 'Event',
    name: webinar.title,
    description: webinar.abstract,
    url,
    startDate: showIn(webinar.startsAt, zone).datetime,
    endDate: showIn(webinar.endsAt, zone).datetime,
    eventStatus: `${SCHEMA}/${eventStatus(webinar)}`,
    eventAttendanceMode: `${SCHEMA}/OnlineEventAttendanceMode`,
    location: { '@type': 'VirtualLocation', url },
    organizer: organizer(programme, options.baseUrl),
    performer: webinar.speakers.map((speaker) => {
      const person: JsonObject = { '@type': 'Person', name: speaker.name, url: `${options.baseUrl}/speakers/${speaker.slug}` };
      if (speaker.title) person.jobTitle = speaker.title;
      if (speaker.organisation) person.worksFor = { '@type': 'Organization', name: speaker.organisation };
      if (speaker.country) person.homeLocation = { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: speaker.country } };
      return person;
    }),
    isAccessibleForFree: true,
    superEvent: { '@type': 'EventSeries', name: programme.title, url: `${options.baseUrl}/` },
  };
  if (webinar.status !== 'cancelled' && webinar.previousStartsAt) data.previousStartDate = showIn(webinar.previousStartsAt, zone).datetime;
  if (options.imageUrl) data.image = [options.imageUrl];
  if (options.availability !== 'closed' && webinar.status === 'published') {
    data.offers = {
      '@type': 'Offer',
      url: `${url}#register`,
      price: 0,
      priceCurrency: 'SEK',
      availability: `${SCHEMA}/${options.availability === 'open' ? 'InStock' : 'SoldOut'}`,
      validFrom: showIn(webinar.createdAt, zone).datetime,
    };
  }
  return data;
}

/** The programme as a series, with the webinars its page lists (each a short Event). */
export function programmeEventData(programme: Programme, webinars: readonly Webinar[], baseUrl: string): JsonObject {
  const zone = programme.defaultZone;
  return {
    '@context': SCHEMA,
    '@type': 'EventSeries',
    name: programme.title,
    description: programme.tagline || programme.description,
    url: `${baseUrl}/`,
    organizer: organizer(programme, baseUrl),
    eventAttendanceMode: `${SCHEMA}/OnlineEventAttendanceMode`,
    subEvent: webinars.map((webinar) => ({
      '@type': 'Event',
      name: webinar.title,
      url: `${baseUrl}/webinars/${webinar.slug}`,
      startDate: showIn(webinar.startsAt, zone).datetime,
      endDate: showIn(webinar.endsAt, zone).datetime,
      eventStatus: `${SCHEMA}/${eventStatus(webinar)}`,
      eventAttendanceMode: `${SCHEMA}/OnlineEventAttendanceMode`,
      location: { '@type': 'VirtualLocation', url: `${baseUrl}/webinars/${webinar.slug}` },
    })),
  };
}

function eventStatus(webinar: Webinar): string {
  if (webinar.status === 'cancelled') return 'EventCancelled';
  return webinar.previousStartsAt ? 'EventRescheduled' : 'EventScheduled';
}

function organizer(programme: Programme, baseUrl: string): JsonObject {
  return { '@type': 'Organization', name: programme.organiserName, url: `${baseUrl}/` };
}

/**
 * JSON for a <script type="application/ld+json"> element: "<" is written as \u003c so that no
 * text typed by a coordinator ("</script>", "<!--") can end the element early.
 */
export function jsonLdText(data: JsonObject): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
