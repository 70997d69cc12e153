// A speaker's events for a webinar: the session (with the panelists' link) and the technical check.
import type { DateTime } from 'luxon';
import { t } from '../i18n/catalogue.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import type { CalendarEvent } from './calendar.builder.js';
import { webinarEvent, type EventLink } from './webinar-events.js';

export type SpeakerEventOptions = {
  baseUrl: string;
  /** Named as ATTENDEE in invites; omitted in feeds. */
  speaker?: { name: string; email: string };
  privateUrl: string | null;
  /** When the message was written, for invites (see WebinarEventOptions.stamp). */
  stamp?: DateTime;
  /** The speaker was taken off the webinar: their events are cancelled, the webinar is not. */
  cancelledForRecipient?: boolean;
  /** Published materials (the recording, slides), shown on the session event. */
  links?: EventLink[];
};

export function speakerEvents(webinar: Webinar, programme: Programme, options: SpeakerEventOptions): CalendarEvent[] {
  const joinUrl = webinar.speakerJoinUrl ?? webinar.joinUrl;
  const attendees = options.speaker?.email
    ? [{ name: options.speaker.name, email: options.speaker.email, role: 'required' as const, status: 'accepted' as const }]
    : [];
  const extra = [
    webinar.speakerJoinUrl ? t('calendar.speaker.linkPrivate') : null,
    options.privateUrl ? t('calendar.speaker.page', { url: options.privateUrl }) : null,
  ]
    .filter(Boolean)
    .join('\n');
  // Speakers get their own UIDs: the public event (same webinar) may sit in the same calendar.
  const session = webinarEvent(webinar, programme, {
    baseUrl: options.baseUrl,
    joinUrl,
    alarms: [60],
    attendees,
    uidSuffix: 'speaker',
    stamp: options.stamp,
    cancelledForRecipient: options.cancelledForRecipient,
    summaryOf: (summary) => t('calendar.speaker.session', { summary }),
    extraDescription: extra,
    links: options.links,
  });
  if (webinar.techCheckMinutes <= 0) return [session];
  const check = webinarEvent(webinar, programme, {
    baseUrl: options.baseUrl,
    joinUrl,
    alarms: [15],
    attendees,
    uidSuffix: 'techcheck',
    stamp: options.stamp,
    cancelledForRecipient: options.cancelledForRecipient,
    summaryOf: (summary) => t('calendar.speaker.techCheck', { summary }),
    extraDescription: extra,
  });
  return [
    session,
    {
      ...check,
      start: webinar.startsAt.minus({ minutes: webinar.techCheckMinutes }),
      end: webinar.startsAt,
      description: `${t('calendar.speaker.techCheckDescription')}\n\n${check.description}`,
    },
  ];
}
