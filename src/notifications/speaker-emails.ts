// Invitations for speakers: their own event (panelist link, technical check) in their own zone and
// their own language, whatever the language of the coordinator whose change sends them.
import { buildCalendar } from '../calendar/calendar.builder.js';
import { speakerEvents } from '../calendar/speaker-events.js';
import { t } from '../i18n/catalogue.js';
import { withLanguage } from '../i18n/current-language.js';
import { speakerPageUrl } from '../speakers/speaker-access.service.js';
import type { OutgoingEmail } from '../mail/outbox.service.js';
import { localizeWebinar } from '../programme/localize-webinar.js';
import type { Speaker, Webinar } from '../programme/programme.types.js';
import type { WebinarChange } from '../programme/webinar.service.js';
import type { EmailContext } from '../registration/registration.emails.js';
import { showIn } from '../time/index.js';
import { emailBody, footerFor, whenFor } from './email-text.js';

type SpeakerRecipient = Pick<Speaker, 'id' | 'name' | 'zone' | 'language'> & { email: string | null; token?: string | null };

/**
 * The invitation holds the session only. An iTIP message (METHOD:REQUEST) is about one UID: with
 * the technical check as a second VEVENT, Outlook and Gmail show and update just one of the two,
 * and a second invite per speaker would double every update and cancellation. So the email says
 * in words that the invitation holds the session, and gives the check's time in the speaker's
 * zone and the programme's; the check is also named in the session's description, and it is its
 * own event in the speaker's feed.
 */
function invite(ctx: EmailContext, webinar: Webinar, speaker: SpeakerRecipient, method: 'REQUEST' | 'CANCEL') {
  // Called in the speaker's language, with the webinar localized for them (see the emails below).
  const [session] = speakerEvents(webinar, ctx.programme, {
    baseUrl: ctx.baseUrl,
    stamp: ctx.now,
    cancelledForRecipient: method === 'CANCEL' && webinar.status !== 'cancelled',
    speaker: { name: speaker.name, email: speaker.email ?? '' },
    privateUrl: speaker.token ? speakerPageUrl(ctx.baseUrl, speaker.token) : null,
  });
  const check = techCheckLine(webinar, speaker.zone, ctx.programme.defaultZone);
  return {
    method,
    content: buildCalendar({
      name: webinar.title,
      description: ctx.programme.title,
      zoneHint: speaker.zone,
      method,
      events: [check ? { ...session!, description: `${check}\n\n${session!.description}` } : session!],
    }),
  } as const;
}

/** "Technical check: Thu 18 Mar 2027, 15:30 CET (Europe/Oslo), 30 minutes before the start.", with the programme's time below when the zone differs. */
function techCheckLine(webinar: Webinar, zone: string, programmeZone: string): string | null {
  if (webinar.techCheckMinutes <= 0) return null;
  const instant = webinar.startsAt.minus({ minutes: webinar.techCheckMinutes });
  const inZone = (z: string) => {
    const at = showIn(instant, z);
    return `${at.date}, ${at.time} ${at.abbreviation} (${z})`;
  };
  const line = t('speakerEmails.techCheck', { when: inZone(zone), minutes: webinar.techCheckMinutes });
  return zone === programmeZone ? line : `${line}\n= ${inZone(programmeZone)}`;
}

/** What the attached invitation holds, said as it is: the session, and the check only in words. */
function inviteSentence(webinar: Webinar, change: WebinarChange | null): string {
  const invitation = t(change ? 'speakerEmails.invite.changed' : 'speakerEmails.invite.new', { title: webinar.title });
  return webinar.techCheckMinutes > 0 ? `${invitation} ${t('speakerEmails.invite.checkInWords')}` : invitation;
}

/** What changed for a speaker, in words and in their zone; the current details follow in the email. */
function speakerChanges(change: WebinarChange, speaker: SpeakerRecipient, programmeZone: string): string[] {
  const { before, after, fields } = change;
  if (!before) return [];
  const lines: string[] = [];
  if (fields.includes('start') || fields.includes('duration'))
    lines.push(t('speakerEmails.changed.time', { when: whenFor(before, speaker.zone, programmeZone) }));
  if (fields.includes('techCheck')) {
    lines.push(
      after.techCheckMinutes <= 0
        ? t('speakerEmails.changed.techCheckRemoved')
        : before.techCheckMinutes > 0
          ? t('speakerEmails.changed.techCheckMoved', { after: after.techCheckMinutes, before: before.techCheckMinutes })
          : t('speakerEmails.changed.techCheckAdded', { after: after.techCheckMinutes }),
    );
  }
  if (fields.includes('speakerJoinUrl')) {
    lines.push(
      t(
        after.speakerJoinUrl
          ? 'speakerEmails.changed.speakerLinkNew'
          : after.joinUrl
            ? 'speakerEmails.changed.speakerLinkWithdrawnUseJoin'
            : 'speakerEmails.changed.speakerLinkWithdrawn',
      ),
    );
  }
  // Without a panelists' link, speakers join by the attendees' one.
  else if (fields.includes('joinUrl') && !after.speakerJoinUrl) lines.push(t('speakerEmails.changed.joinLinkNew'));
  return lines.length > 0 ? [`${t('speakerEmails.changed.heading')}\n${lines.map((line) => `- ${line}`).join('\n')}`] : [];
}

/** The invitation, or its update after `change`, in the speaker's language, the webinar's title in it where written. */
export function speakerInviteEmail(ctx: EmailContext, given: Webinar, speaker: SpeakerRecipient, change: WebinarChange | null): OutgoingEmail {
  const webinar = localizeWebinar(given, speaker.language);
  return withLanguage(speaker.language, () => ({
    kind: change ? 'speaker-updated' : 'speaker-invited',
    to: { address: speaker.email ?? '', name: speaker.name },
    webinarId: webinar.id,
    notAfter: webinar.endsAt,
    subject: t(change ? 'speakerEmails.updated.subject' : 'speakerEmails.invited.subject', { title: webinar.title }),
    ...emailBody(
      [
        t('emails.hello', { name: speaker.name }),
        inviteSentence(webinar, change),
        t('emails.when', { when: whenFor(webinar, speaker.zone, ctx.programme.defaultZone) }),
        ...(change ? speakerChanges(change, speaker, ctx.programme.defaultZone) : []),
        techCheckLine(webinar, speaker.zone, ctx.programme.defaultZone),
        webinar.speakerJoinUrl
          ? t('speakerEmails.speakerLink', { url: webinar.speakerJoinUrl })
          : webinar.joinUrl
            ? t('emails.joinLink', { url: webinar.joinUrl })
            : t('speakerEmails.speakerLinkLater'),
        speaker.token ? t('speakerEmails.speakerPage', { url: speakerPageUrl(ctx.baseUrl, speaker.token) }) : null,
      ],
      footerFor(ctx.programme, ctx.baseUrl),
    ),
    ics: invite(ctx, webinar, speaker, 'REQUEST'),
  }));
}

/** The session taken out of the speaker's calendar, in their language. */
export function speakerCancellationEmail(ctx: EmailContext, given: Webinar, speaker: SpeakerRecipient): OutgoingEmail {
  const webinar = localizeWebinar(given, speaker.language);
  const title = webinar.title;
  return withLanguage(speaker.language, () => ({
    kind: 'speaker-cancelled',
    to: { address: speaker.email ?? '', name: speaker.name },
    webinarId: webinar.id,
    notAfter: webinar.endsAt,
    subject: t('speakerEmails.cancelled.subject', { title }),
    ...emailBody(
      [
        t('emails.hello', { name: speaker.name }),
        webinar.status === 'cancelled'
          ? t('speakerEmails.cancelled.webinar', { title })
          : webinar.status === 'draft'
            ? t('speakerEmails.cancelled.draft', { title })
            : t('speakerEmails.cancelled.removed', { title }),
        t('speakerEmails.cancelled.planned', { when: whenFor(webinar, speaker.zone, ctx.programme.defaultZone) }),
      ],
      footerFor(ctx.programme, ctx.baseUrl),
    ),
    ics: invite(ctx, webinar, speaker, 'CANCEL'),
  }));
}
