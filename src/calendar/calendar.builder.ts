// The one iCalendar writer: feeds, single-event files and email invites are all built here.
//
// Design: DTSTART/DTEND/DTSTAMP/LAST-MODIFIED are written in UTC ("...Z") and no TZID is used.
// A UTC instant means the same moment in every client (Outlook, Google, Apple, Thunderbird), needs
// no VTIMEZONE, and so avoids the silent wrong-hour bugs of the alternative: ical-generator writes a
// plain Date under a TZID with the server's local hours, timezones-ical-library answers
// Europe/Stockholm with a block named Europe/Berlin, and a calendar-level timezone makes DTSTAMP
// lose its "Z". Clients show UTC events in the user's own zone, which is what attendees want; the
// programme's zone is given as the X-WR-TIMEZONE hint only.
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEvent,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalEventData,
} from 'ical-generator';
import type { DateTime } from 'luxon';
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import { BoundedCache } from '../time/bounded-cache.js';
import { foldLines } from './fold-lines.js';

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export type CalendarEvent = {
  uid: string;
  sequence: number;
  start: DateTime;
  end: DateTime;
  /** The event's last change: using it (not "now") keeps the output byte-identical between polls. */
  stamp: DateTime;
  lastModified: DateTime;
  summary: string;
  description: string;
  url: string;
  location: string | null;
  categories: string[];
  organizer: { name: string; email: string };
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  attendees: Array<{
    name: string;
    email: string;
    role?: 'chair' | 'required' | 'optional' | 'non-participant';
    status?: 'accepted' | 'tentative' | 'needs-action' | 'declined';
  }>;
  /** Minutes before the start at which to remind. */
  alarms: number[];
};

export type CalendarDocument = {
  name: string;
  description: string;
  /** IANA zone given as a display hint (X-WR-TIMEZONE); the events themselves are in UTC. */
  zoneHint: string;
  method?: CalendarMethod;
  events: CalendarEvent[];
};

const PRODUCT_ID = { company: 'webinar-hub', product: 'programme', language: 'EN' };
const REFRESH_SECONDS = 3600;

const STATUS = { CONFIRMED: ICalEventStatus.CONFIRMED, TENTATIVE: ICalEventStatus.TENTATIVE, CANCELLED: ICalEventStatus.CANCELLED };
const METHOD = { PUBLISH: ICalCalendarMethod.PUBLISH, REQUEST: ICalCalendarMethod.REQUEST, CANCEL: ICalCalendarMethod.CANCEL };
const ROLE = {
  chair: ICalAttendeeRole.CHAIR,
  required: ICalAttendeeRole.REQ,
  optional: ICalAttendeeRole.OPT,
  'non-participant': ICalAttendeeRole.NON,
};
const PARTSTAT = {
  accepted: ICalAttendeeStatus.ACCEPTED,
  tentative: ICalAttendeeStatus.TENTATIVE,
  'needs-action': ICalAttendeeStatus.NEEDSACTION,
  declined: ICalAttendeeStatus.DECLINED,
};

/** A plain Date is UTC by construction; with no timezone set anywhere, ical-generator writes it with "Z". */
function utc(instant: DateTime): Date {
  return new Date(instant.toMillis());
}

/**
 * ical-generator writes every line, but folding them itself cost more than all the rest (a
 * TextEncoder per character), so the text is put together here: the calendar's own lines from a
 * calendar with no events, and each event's lines (ICalEvent.toString, unfolded) folded by
 * foldLines, exactly as ical-generator folds. Folding works line by line, so joining folded pieces
 * at line ends gives the same bytes as folding the whole.
 */
export function buildCalendar(document: CalendarDocument): string {
  const { head, tail } = calendarFrame(document);
  const events = [...document.events].sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.uid.localeCompare(b.uid));
  return head + events.map(eventText).join('') + tail;
}

// Both caches hold text that depends on nothing but its key: a changed webinar or calendar is a
// new key, never a stale answer. A feed of 1,000 webinars is written again after any change to one
// of them; ical-generator takes tens of microseconds per event, a key a few. 2,000 events (a
// programme of 1,000 webinars and the personal feeds around it) take about 12 MB when every event
// is long and non-ASCII, less for most programmes.
const frames = new BoundedCache<string, CalendarFrame>(500);
const eventTexts = new BoundedCache<string, Array<{ event: CalendarEvent; language: Language; text: string }>>(2_000);
const VARIANTS_PER_EVENT = 4;

type CalendarFrame = { head: string; tail: string };

function calendarFrame(document: CalendarDocument): CalendarFrame {
  const key = JSON.stringify([document.name, document.description, document.zoneHint, document.method ?? null]);
  return frames.get(key) ?? frames.set(key, writeFrame(document));
}

/** ical-generator writes the events after the calendar's properties and before its X- properties. */
function writeFrame(document: CalendarDocument): CalendarFrame {
  const calendar = ical({
    name: document.name,
    description: document.description,
    prodId: PRODUCT_ID,
    // REFRESH-INTERVAL and X-PUBLISHED-TTL: calendar clients poll once an hour.
    ttl: REFRESH_SECONDS,
    method: document.method ? METHOD[document.method] : null,
  });
  calendar.x('X-WR-TIMEZONE', document.zoneHint);
  const text = calendar.toString();
  const at = text.indexOf('\r\nX-WR-TIMEZONE:') + 2;
  if (at < 2) throw new Error('ical-generator no longer ends a calendar with its X- properties');
  return { head: text.slice(0, at), tail: text.slice(at) };
}

/**
 * Events are written against a calendar of their own, never added to it: an ICalEvent reads
 * nothing from its calendar but the calendar's timezone, which is never set (see the top).
 */
const EVENT_CALENDAR = ical();

function eventText(event: CalendarEvent): string {
  // The alarms' words are the one text written here, in the current language.
  const language = currentLanguage();
  const variants = eventTexts.get(event.uid);
  // The same event object (a public feed's event kept per webinar) needs no comparing.
  const known = variants?.find(
    (variant) => (variant.language === language || event.alarms.length === 0) && (variant.event === event || sameEvent(variant.event, event)),
  );
  if (known) return known.text;
  const text = foldLines(new ICalEvent(eventData(event), EVENT_CALENDAR).toString());
  // The public feed, a personal feed and a speaker's feed each show a webinar their own way.
  eventTexts.set(event.uid, [{ event, language, text }, ...(variants ?? []).slice(0, VARIANTS_PER_EVENT - 1)]);
  return text;
}

/**
 * Whether two events would be written the same: every field compared (the type makes a new field
 * a compile error until it is here). Comparing beats building a key of 700 characters per event
 * and hashing it, which was a quarter of a large feed's build.
 */
function sameEvent(a: CalendarEvent, b: CalendarEvent): boolean {
  const same: { [Field in keyof CalendarEvent]: boolean } = {
    uid: a.uid === b.uid,
    sequence: a.sequence === b.sequence,
    start: a.start.toMillis() === b.start.toMillis(),
    end: a.end.toMillis() === b.end.toMillis(),
    stamp: a.stamp.toMillis() === b.stamp.toMillis(),
    lastModified: a.lastModified.toMillis() === b.lastModified.toMillis(),
    summary: a.summary === b.summary,
    description: a.description === b.description,
    url: a.url === b.url,
    location: a.location === b.location,
    categories: sameList(a.categories, b.categories, (x, y) => x === y),
    organizer: a.organizer.name === b.organizer.name && a.organizer.email === b.organizer.email,
    status: a.status === b.status,
    attendees: sameList(a.attendees, b.attendees, (x, y) => x.name === y.name && x.email === y.email && x.role === y.role && x.status === y.status),
    alarms: sameList(a.alarms, b.alarms, (x, y) => x === y),
  };
  for (const field in same) if (!same[field as keyof CalendarEvent]) return false;
  return true;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

/**
 * Text for a parameter value (the CN of ORGANIZER and ATTENDEE, the only parameters written from
 * people's input). ical-generator always quotes CN, so `;`, `:` and `,` stay inside the value, but
 * it escapes `"` as `\"`, which RFC 5545 does not know: parsers (ical.js, Outlook) end the value
 * there, and a name could add parameters or attendees. A quoted value may hold anything but `"`
 * and control characters (RFC 5545 3.1, QSAFE-CHAR): `"` becomes `'`, control characters a space.
 * Ordinary names pass unchanged, byte for byte.
 */
export function parameterText(text: string): string {
  return text.replace(/"/g, "'").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
}

function eventData(event: CalendarEvent): ICalEventData {
  return {
    id: event.uid,
    sequence: event.sequence,
    start: utc(event.start),
    end: utc(event.end),
    stamp: utc(event.stamp),
    lastModified: utc(event.lastModified),
    summary: event.summary,
    description: event.description,
    url: event.url,
    location: event.location,
    categories: event.categories.map((name) => ({ name })),
    organizer: { name: parameterText(event.organizer.name), email: event.organizer.email },
    status: STATUS[event.status],
    transparency: event.status === 'CANCELLED' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    attendees: event.attendees.map((attendee) => ({
      name: parameterText(attendee.name),
      email: attendee.email,
      role: ROLE[attendee.role ?? 'required'],
      status: PARTSTAT[attendee.status ?? 'accepted'],
      rsvp: false,
    })),
    alarms: event.alarms.map((minutes) => ({
      type: ICalAlarmType.display,
      trigger: minutes * 60,
      description:
        minutes >= 60 && minutes % 60 === 0
          ? t('calendar.alarm.hours', { summary: event.summary, hours: minutes / 60 })
          : t('calendar.alarm.minutes', { summary: event.summary, minutes }),
    })),
  };
}
