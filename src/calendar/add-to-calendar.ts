// "Add to calendar" links for web calendars, with UTC times so that they match the feed exactly.
import type { DateTime } from 'luxon';

export type AddToCalendarEvent = { title: string; start: DateTime; end: DateTime; description: string; location: string };

function compactUtc(instant: DateTime): string {
  return instant.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

function extendedUtc(instant: DateTime): string {
  return instant.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/** Google Calendar's event template (calendar.google.com/calendar/render?action=TEMPLATE). */
export function googleCalendarUrl(event: AddToCalendarEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${compactUtc(event.start)}/${compactUtc(event.end)}`,
    details: event.description,
    location: event.location,
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}

/**
 * Outlook on the web compose form. The current form is /calendar/action/compose with rru=addevent
 * and ISO 8601 extended times; the older /calendar/0/deeplink/compose form stopped working.
 */
export function outlookCalendarUrl(event: AddToCalendarEvent, host: 'outlook.live.com' | 'outlook.office.com'): string {
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    startdt: extendedUtc(event.start),
    enddt: extendedUtc(event.end),
    subject: event.title,
    body: event.description,
    location: event.location,
  });
  return `https://${host}/calendar/action/compose?${params}`;
}

/** webcal:// makes Apple Calendar and Outlook desktop offer a subscription instead of a one-off import. */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:\/\//, 'webcal://');
}

/**
 * Subscribing to a feed from Google Calendar on the web: it asks the signed-in person to confirm,
 * then polls the feed (every several hours). Google takes the feed as a webcal:// address.
 */
export function googleSubscribeUrl(feedUrl: string): string {
  return `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcalUrl(feedUrl) })}`;
}

/** Outlook on the web's "Subscribe from web" form, filled in: outlook.live.com (Outlook.com) or outlook.office.com (Microsoft 365). */
export function outlookSubscribeUrl(feedUrl: string, name: string, host: 'outlook.live.com' | 'outlook.office.com'): string {
  return `https://${host}/calendar/0/addfromweb?${new URLSearchParams({ url: feedUrl, name })}`;
}
