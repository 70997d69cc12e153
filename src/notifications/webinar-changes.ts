// When a published webinar changes, every confirmed attendee and every speaker hears about it in
// their own zone, with an updated invite (same UID, higher SEQUENCE) or a cancellation; people on
// the waiting list get a short note without invite when it moves or is cancelled. Runs inside
// the transaction of the change, so the emails are written with it or not at all. Each email is
// in its recipient's language, never in that of the coordinator who made the change.
import type { Clock } from '../clock.js';
import { t } from '../i18n/catalogue.js';
import { withLanguage } from '../i18n/current-language.js';
import { enqueueEmail, moveWebinarMailExpiry, type OutgoingEmail } from '../mail/outbox.service.js';
import { speakerTokensOf } from '../programme/programme.service.js';
import type { Webinar } from '../programme/programme.types.js';
import { localizeWebinar } from '../programme/localize-webinar.js';
import type { WebinarChange, WebinarChangeListener } from '../programme/webinar.service.js';
import {
  attendeeEmailBase,
  attendeeFooter,
  attendeeInvite,
  emailContext,
  hello,
  personalUrl,
  type EmailContext,
  type EmailRecipient,
} from '../registration/registration.emails.js';
import { fillFreeSeats, listAttendeesOfWebinar } from '../registration/registration.service.js';
import { formatDuration } from '../time/index.js';
import { emailBody, whenFor } from './email-text.js';
import { speakerCancellationEmail, speakerInviteEmail } from './speaker-emails.js';

export type ChangeNotifierDeps = { clock: Clock; baseUrl: string };

/** What changed, in words (the current language's), for someone in `zone`. */
export function describeChange(change: WebinarChange, zone: string, programmeZone: string): string[] {
  const { before, after } = change;
  if (!before) return [];
  const lines: string[] = [];
  if (before.status === 'cancelled' && after.status === 'published') {
    lines.push(`${t('emails.changed.backOn')}\n${t('emails.when', { when: whenFor(after, zone, programmeZone) })}`);
  }
  if (change.fields.includes('start') || change.fields.includes('duration')) {
    lines.push(t('emails.changed.newTime', { when: whenFor(after, zone, programmeZone) }));
    lines.push(t('emails.changed.previously', { when: whenFor(before, zone, programmeZone) }));
  }
  if (change.fields.includes('duration') && !change.fields.includes('start')) {
    lines.push(t('emails.changed.duration', { after: formatDuration(after.durationMinutes), before: formatDuration(before.durationMinutes) }));
  }
  if (change.fields.includes('joinUrl') && after.joinUrl) lines.push(t('emails.changed.newJoinLink', { url: after.joinUrl }));
  return lines;
}

function updatedEmailForAttendee(ctx: EmailContext, change: WebinarChange, attendee: EmailRecipient): OutgoingEmail {
  const webinar = localizeWebinar(change.after, attendee.language);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, 'webinar-updated'),
    subject: t('emails.changed.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        t('emails.changed.body', { title }),
        ...describeChange(change, attendee.zone, ctx.programme.defaultZone),
        change.fields.includes('joinUrl') || !webinar.joinUrl ? null : t('emails.joinLink', { url: webinar.joinUrl }),
        t('emails.changed.cancel', { url: personalUrl(ctx.baseUrl, attendee.token) }),
      ],
      attendeeFooter(ctx, attendee),
    ),
    ics: attendeeInvite(ctx, webinar, attendee, 'REQUEST'),
  }));
}

/**
 * A move told to someone on the waiting list: the new time in their zone and the programme's and
 * their place, and no invite (they hold no seat, so their calendar must not say they have one)
 * and no join link (that is for seats).
 */
export function movedEmailForWaitlisted(ctx: EmailContext, change: WebinarChange, attendee: EmailRecipient, place: number): OutgoingEmail {
  const before = change.before;
  const webinar = localizeWebinar(change.after, attendee.language);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, 'waitlist-moved'),
    subject: t('emails.moved.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        `${t('emails.moved.body', { title, place })} ${t('emails.waitlist.moveUp')}`,
        t('emails.changed.newTime', { when: whenFor(webinar, attendee.zone, ctx.programme.defaultZone) }),
        before ? t('emails.changed.previously', { when: whenFor(before, attendee.zone, ctx.programme.defaultZone) }) : null,
        t('emails.moved.leave', { url: personalUrl(ctx.baseUrl, attendee.token) }),
      ],
      attendeeFooter(ctx, attendee),
    ),
  }));
}

function cancelledEmailForAttendee(ctx: EmailContext, given: Webinar, attendee: EmailRecipient, confirmed: boolean): OutgoingEmail {
  const webinar = localizeWebinar(given, attendee.language);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, 'webinar-cancelled'),
    subject: t('emails.webinarCancelled.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        t(confirmed ? 'emails.webinarCancelled.bodyWithInvite' : 'emails.webinarCancelled.body', {
          title,
          when: whenFor(webinar, attendee.zone, ctx.programme.defaultZone),
        }),
        t('emails.webinarCancelled.programme', { url: `${ctx.baseUrl}/` }),
      ],
      attendeeFooter(ctx, attendee),
    ),
    ics: confirmed ? attendeeInvite(ctx, webinar, attendee, 'CANCEL') : null,
  }));
}

export function webinarChangeNotifier(deps: ChangeNotifierDeps): WebinarChangeListener {
  return async function notifyWebinarChange(trx, change) {
    const { before, after } = change;
    // Emails still waiting for the mail server expire with the webinar's new end, not its old one.
    if (change.fields.includes('start') || change.fields.includes('duration')) await moveWebinarMailExpiry(trx, after.id, after.endsAt);
    const ctx = await emailContext(trx, deps.baseUrl, deps.clock);
    const wasPublished = before?.status === 'published';
    // The speakers' private links go into their invitations.
    const tokens = await speakerTokensOf(
      trx,
      [...after.speakers, ...(before?.speakers ?? [])].map((s) => s.id),
    );
    const withToken = <T extends { id: number }>(speaker: T) => ({ ...speaker, token: tokens.get(speaker.id) ?? null });
    // Each speaker's email is in their stored language, read with the webinar's speakers (the
    // emails set it themselves), never in the coordinator's.
    const toSpeaker = (email: OutgoingEmail) => enqueueEmail(trx, deps.clock, email);

    if (after.status === 'cancelled' && wasPublished) {
      for (const status of ['confirmed', 'waitlisted'] as const) {
        for (const a of await listAttendeesOfWebinar(trx, after.id, status)) {
          await enqueueEmail(trx, deps.clock, cancelledEmailForAttendee(ctx, after, a, status === 'confirmed'));
        }
      }
      for (const speaker of after.speakers) if (speaker.email) await toSpeaker(speakerCancellationEmail(ctx, after, withToken(speaker)));
      return;
    }
    // Back to a draft: only speakers can have it in their calendars (a webinar with registrations
    // cannot go back to a draft), and theirs must lose it.
    if (after.status === 'draft' && wasPublished) {
      for (const speaker of before.speakers) if (speaker.email) await toSpeaker(speakerCancellationEmail(ctx, after, withToken(speaker)));
      return;
    }
    if (after.status !== 'published') return;

    if (!wasPublished) {
      // Back from a cancellation: the attendees whose calendars say cancelled get the event again.
      if (before?.status === 'cancelled') {
        for (const a of await listAttendeesOfWebinar(trx, after.id, 'confirmed')) {
          await enqueueEmail(trx, deps.clock, updatedEmailForAttendee(ctx, change, a));
        }
      }
      // Newly published: the speakers get their invitation now.
      for (const speaker of after.speakers) if (speaker.email) await toSpeaker(speakerInviteEmail(ctx, after, withToken(speaker), null));
      return;
    }

    if (change.rescheduled) {
      for (const a of await listAttendeesOfWebinar(trx, after.id, 'confirmed')) {
        await enqueueEmail(trx, deps.clock, updatedEmailForAttendee(ctx, change, a));
      }
    }
    const beforeIds = new Set(before.speakers.map((s) => s.id));
    const afterIds = new Set(after.speakers.map((s) => s.id));
    for (const speaker of after.speakers) {
      if (!speaker.email) continue;
      if (!beforeIds.has(speaker.id)) await toSpeaker(speakerInviteEmail(ctx, after, withToken(speaker), null));
      else if (change.speakersRescheduled) await toSpeaker(speakerInviteEmail(ctx, after, withToken(speaker), change));
    }
    for (const speaker of before.speakers) {
      if (speaker.email && !afterIds.has(speaker.id)) await toSpeaker(speakerCancellationEmail(ctx, after, withToken(speaker)));
    }
    if ((after.capacity ?? Infinity) > (before.capacity ?? Infinity) || change.fields.includes('start')) {
      await fillFreeSeats({ db: trx, clock: deps.clock, baseUrl: deps.baseUrl }, after);
    }
    // After filling seats: whoever moved up just got the invite, and the rest learn their place.
    if (change.fields.includes('start') || change.fields.includes('duration')) {
      const waiting = await listAttendeesOfWebinar(trx, after.id, 'waitlisted');
      // In registration order, which is the waiting list's (see waitlistPlace).
      for (const [index, a] of waiting.entries()) await enqueueEmail(trx, deps.clock, movedEmailForWaitlisted(ctx, change, a, index + 1));
    }
  };
}
