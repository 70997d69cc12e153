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
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import type { DateTime } from 'luxon';

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
  attendees: Array<{ name: string; email: string; role?: 'chair' | 'required' | 'optional' | 'non-participant'; status?: 'accepted' | 'tentative' | 'needs-action' | 'declined' }>;
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
  return instant.toUTC().toJSDate();
}

export function buildCalendar(document: CalendarDocument): string {
  const calendar = ical({
    name: document.name,
    description: document.description,
    prodId: PRODUCT_ID,
    // REFRESH-INTERVAL and X-PUBLISHED-TTL: calendar clients poll once an hour.
    ttl: REFRESH_SECONDS,
    method: document.method ? METHOD[document.method] : null,
  });
  calendar.x('X-WR-TIMEZONE', document.zoneHint);
  const events = [...document.events].sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.uid.localeCompare(b.uid));
  for (const event of events) {
    calendar.createEvent({
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
      organizer: event.organizer,
      status: STATUS[event.status],
      transparency: event.status === 'CANCELLED' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      attendees: event.attendees.map((attendee) => ({
        name: attendee.name,
        email: attendee.email,
        role: ROLE[attendee.role ?? 'required'],
        status: PARTSTAT[attendee.status ?? 'accepted'],
        rsvp: false,
      })),
      alarms: event.alarms.map((minutes) => ({
        type: ICalAlarmType.display,
        trigger: minutes * 60,
        description: `${event.summary} starts in ${minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`}`,
      })),
    });
  }
  return calendar.toString();
}
