// Invitations for speakers: their own event (panelist link, technical check) in their own zone.
import { buildCalendar } from '../calendar/calendar.builder.js';
import { speakerEvents } from '../calendar/speaker-events.js';
import { speakerPageUrl } from '../speakers/speaker-access.service.js';
import type { OutgoingEmail } from '../mail/outbox.service.js';
import type { Speaker, Webinar } from '../programme/programme.types.js';
import type { WebinarChange } from '../programme/webinar.service.js';
import type { EmailContext } from '../registration/registration.emails.js';
import { showIn } from '../time/index.js';
import { emailBody, footerFor, whenFor } from './email-text.js';

type SpeakerRecipient = Pick<Speaker, 'id' | 'name' | 'zone'> & { email: string | null; token?: string | null };

/**
 * The invitation holds the session only. An iTIP message (METHOD:REQUEST) is about one UID: with
 * the technical check as a second VEVENT, Outlook and Gmail show and update just one of the two,
 * and a second invite per speaker would double every update and cancellation. So the email says
 * in words that the invitation holds the session, and gives the check's time in the speaker's
 * zone and the programme's; the check is also named in the session's description, and it is its
 * own event in the speaker's feed.
 */
function invite(ctx: EmailContext, webinar: Webinar, speaker: SpeakerRecipient, method: 'REQUEST' | 'CANCEL') {
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
  const line = `Technical check: ${inZone(zone)}, ${webinar.techCheckMinutes} minutes before the start.`;
  return zone === programmeZone ? line : `${line}\n= ${inZone(programmeZone)}`;
}

/** What the attached invitation holds, said as it is: the session, and the check only in words. */
function inviteSentence(webinar: Webinar, change: WebinarChange | null): string {
  const invitation = change
    ? `Your session “${webinar.title}” has changed. The attached update replaces it in your calendar.`
    : `Thank you for speaking in “${webinar.title}”. The attached invitation adds your session to your calendar.`;
  return webinar.techCheckMinutes > 0
    ? `${invitation} The technical check is not a separate event in it: its time is below, and in the session's description.`
    : invitation;
}

/** What changed for a speaker, in words and in their zone; the current details follow in the email. */
function speakerChanges(change: WebinarChange, speaker: SpeakerRecipient, programmeZone: string): string[] {
  const { before, after, fields } = change;
  if (!before) return [];
  const lines: string[] = [];
  if (fields.includes('start') || fields.includes('duration')) lines.push(`The time: previously\n${whenFor(before, speaker.zone, programmeZone)}`);
  if (fields.includes('techCheck')) {
    lines.push(
      after.techCheckMinutes > 0
        ? `The technical check: now ${after.techCheckMinutes} minutes before the start${before.techCheckMinutes > 0 ? ` (was ${before.techCheckMinutes})` : ' (there was none)'}.`
        : 'The technical check: there is none any more.',
    );
  }
  if (fields.includes('speakerJoinUrl')) {
    lines.push(
      after.speakerJoinUrl
        ? 'Your speaker link: it is new (below).'
        : after.joinUrl
          ? 'Your speaker link: withdrawn; use the join link below for now.'
          : 'Your speaker link: withdrawn; a new one will follow.',
    );
  }
  // Without a panelists' link, speakers join by the attendees' one.
  else if (fields.includes('joinUrl') && !after.speakerJoinUrl) lines.push('The join link: it is new (below).');
  return lines.length > 0 ? [`What changed:\n${lines.map((line) => `- ${line}`).join('\n')}`] : [];
}

export function speakerInviteEmail(ctx: EmailContext, webinar: Webinar, speaker: SpeakerRecipient, change: WebinarChange | null): OutgoingEmail {
  return {
    kind: change ? 'speaker-updated' : 'speaker-invited',
    to: { address: speaker.email ?? '', name: speaker.name },
    webinarId: webinar.id,
    notAfter: webinar.endsAt,
    subject: change ? `Changed: your session “${webinar.title}”` : `You are speaking: ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${speaker.name},`,
        inviteSentence(webinar, change),
        `When (your time):\n${whenFor(webinar, speaker.zone, ctx.programme.defaultZone)}`,
        ...(change ? speakerChanges(change, speaker, ctx.programme.defaultZone) : []),
        techCheckLine(webinar, speaker.zone, ctx.programme.defaultZone),
        webinar.speakerJoinUrl
          ? `Your speaker link (panelists only, please do not share): ${webinar.speakerJoinUrl}`
          : webinar.joinUrl
            ? `Join link: ${webinar.joinUrl}`
            : 'The speaker link will follow.',
        speaker.token ? `Your speaker page, with your sessions in your time and your audience's clocks: ${speakerPageUrl(ctx.baseUrl, speaker.token)}` : null,
      ],
      footerFor(ctx.programme, ctx.baseUrl),
    ),
    ics: invite(ctx, webinar, speaker, 'REQUEST'),
  };
}

export function speakerCancellationEmail(ctx: EmailContext, webinar: Webinar, speaker: SpeakerRecipient): OutgoingEmail {
  return {
    kind: 'speaker-cancelled',
    to: { address: speaker.email ?? '', name: speaker.name },
    webinarId: webinar.id,
    notAfter: webinar.endsAt,
    subject: `Cancelled: your session “${webinar.title}”`,
    ...emailBody(
      [
        `Hello ${speaker.name},`,
        webinar.status === 'cancelled'
          ? `“${webinar.title}” has been cancelled. The attached cancellation removes it from your calendar.`
          : webinar.status === 'draft'
            ? `“${webinar.title}” has been taken off the published programme for now. The attached cancellation removes it from your calendar; you will get a new invitation if it is published again.`
            : `You are no longer on the programme of “${webinar.title}”. The attached cancellation removes it from your calendar.`,
        `It was planned for:\n${whenFor(webinar, speaker.zone, ctx.programme.defaultZone)}`,
      ],
      footerFor(ctx.programme, ctx.baseUrl),
    ),
    ics: invite(ctx, webinar, speaker, 'CANCEL'),
  };
}
