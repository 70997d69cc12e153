// Webinars -> calendar events: the text and links every calendar shows for a webinar.
import type { DateTime } from 'luxon';
import { t } from '../i18n/catalogue.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import { formatDuration, showIn } from '../time/index.js';
import type { CalendarEvent } from './calendar.builder.js';

export type EventLink = { label: string; url: string };

export type WebinarEventOptions = {
  baseUrl: string;
  /** Public materials (recording, slides) to list once published. */
  links?: EventLink[];
  /** Only for someone entitled to it (a confirmed attendee, a speaker): never in public feeds. */
  joinUrl?: string | null;
  status?: 'CONFIRMED' | 'TENTATIVE';
  alarms?: number[];
  attendees?: CalendarEvent['attendees'];
  /** The summary around the title ("Speaking: …"), in the current language; the title alone when absent. */
  summaryOf?: (title: string) => string;
  uidSuffix?: string;
  extraDescription?: string;
  /**
   * For iTIP messages (METHOD:REQUEST/CANCEL) DTSTAMP is when the message was written (RFC 5545
   * 3.8.7.2), so that a client can order two messages with the same SEQUENCE; feeds leave it out
   * and use the webinar's last change, so that polls give the same bytes.
   */
  stamp?: DateTime;
  /** The recipient's own place is cancelled (not the webinar): a CANCEL for them alone. */
  cancelledForRecipient?: boolean;
};

/** What of the programme an event shows: the fields a kept event depends on (see calendar.service.ts). */
export type EventProgramme = Pick<Programme, 'defaultZone' | 'organiserName' | 'organiserEmail'>;

export function webinarUrl(baseUrl: string, webinar: Webinar): string {
  return `${baseUrl}/webinars/${webinar.slug}`;
}

export function webinarDescription(webinar: Webinar, programme: EventProgramme, options: WebinarEventOptions): string {
  const start = showIn(webinar.startsAt, programme.defaultZone);
  const lines = [
    webinar.status === 'cancelled'
      ? `${t('calendar.cancelled.webinar')}\n`
      : options.cancelledForRecipient
        ? `${t('calendar.cancelled.registration')}\n`
        : null,
    webinar.abstract,
    '',
    `${start.date}, ${start.time} ${start.abbreviation} (${programme.defaultZone}), ${formatDuration(webinar.durationMinutes)}.`,
    '',
    ...webinar.speakers.map(
      (s) =>
        `${t(s.role === 'moderator' ? 'calendar.role.moderator' : s.role === 'panelist' ? 'calendar.role.panelist' : 'calendar.role.speaker')}: ${s.name}, ${[s.title, s.organisation].filter(Boolean).join(', ')} (${s.city}, ${s.country})`,
    ),
    '',
    options.joinUrl && webinar.status !== 'cancelled' && !options.cancelledForRecipient ? t('calendar.join', { url: options.joinUrl }) : null,
    ...(options.links ?? []).map((link) => `${link.label}: ${link.url}`),
    t('calendar.webinarPage', { url: webinarUrl(options.baseUrl, webinar) }),
    options.extraDescription ?? null,
  ];
  return lines
    .filter((line) => line !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function webinarEvent(webinar: Webinar, programme: EventProgramme, options: WebinarEventOptions): CalendarEvent {
  const cancelled = webinar.status === 'cancelled' || options.cancelledForRecipient === true;
  const summary = options.summaryOf ? options.summaryOf(webinar.title) : webinar.title;
  return {
    uid: options.uidSuffix ? webinar.uid.replace('@', `-${options.uidSuffix}@`) : webinar.uid,
    sequence: webinar.sequence,
    start: webinar.startsAt,
    end: webinar.endsAt,
    stamp: options.stamp ?? webinar.updatedAt,
    lastModified: webinar.updatedAt,
    // Google Calendar drops cancelled events from subscribed feeds; the prefix tells the truth
    // in the clients that keep them (struck through) and in those that show only the summary.
    summary: !cancelled ? summary : t(webinar.status === 'cancelled' ? 'calendar.summary.cancelled' : 'calendar.summary.cancelledForYou', { summary }),
    description: webinarDescription(webinar, programme, options),
    url: webinarUrl(options.baseUrl, webinar),
    location: options.joinUrl && !cancelled ? options.joinUrl : null,
    categories: webinar.area ? [webinar.area.name] : [],
    organizer: { name: programme.organiserName, email: programme.organiserEmail },
    status: cancelled ? 'CANCELLED' : (options.status ?? 'CONFIRMED'),
    attendees: options.attendees ?? [],
    alarms: cancelled ? [] : (options.alarms ?? []),
  };
}
