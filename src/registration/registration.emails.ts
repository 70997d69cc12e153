// The emails registration sends: confirmation (with invite), waiting list, promotion,
// cancellation receipt, reminders, a new personal link.
import { buildCalendar } from '../calendar/calendar.builder.js';
import { webinarEvent, webinarUrl } from '../calendar/webinar-events.js';
import type { OutgoingEmail } from '../mail/outbox.service.js';
import { emailBody, footerFor, whenFor } from '../notifications/email-text.js';
import type { DateTime } from 'luxon';
import { showIn } from '../time/index.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { getProgramme } from '../programme/programme.service.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import type { Attendee } from './registration.types.js';

/** What every email needs: the programme (organiser, zone), absolute links, and the time of writing. */
export type EmailContext = { programme: Programme; baseUrl: string; now: DateTime };

export async function emailContext(db: Db, baseUrl: string, clock: Clock): Promise<EmailContext> {
  return { programme: await getProgramme(db), baseUrl, now: clock.now() };
}

export type EmailRecipient = Pick<Attendee, 'id' | 'name' | 'email' | 'zone' | 'token'>;

export function personalUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/my/${token}`;
}

/** A METHOD:REQUEST (or CANCEL) invite for one attendee, with the organiser and the attendee named. */
export function attendeeInvite(ctx: EmailContext, webinar: Webinar, attendee: EmailRecipient, method: 'REQUEST' | 'CANCEL') {
  return {
    method,
    content: buildCalendar({
      name: webinar.title,
      description: ctx.programme.title,
      zoneHint: attendee.zone,
      method,
      events: [
        webinarEvent(webinar, ctx.programme, {
          baseUrl: ctx.baseUrl,
          stamp: ctx.now,
          cancelledForRecipient: method === 'CANCEL' && webinar.status !== 'cancelled',
          joinUrl: webinar.joinUrl,
          alarms: [15],
          attendees: [{ name: attendee.name, email: attendee.email, role: 'required', status: 'accepted' }],
          extraDescription: `Your registrations: ${personalUrl(ctx.baseUrl, attendee.token)}`,
        }),
      ],
    }),
  } as const;
}

/**
 * What every email about an attendee's registration carries. None of them is worth sending once
 * the webinar is over (after a long mail outage, say), so the outbox drops them then.
 */
export function attendeeEmailBase(
  webinar: Webinar,
  attendee: EmailRecipient,
  kind: string,
): Pick<OutgoingEmail, 'kind' | 'to' | 'webinarId' | 'attendeeId' | 'notAfter'> {
  return { kind, to: { address: attendee.email, name: attendee.name }, webinarId: webinar.id, attendeeId: attendee.id, notAfter: webinar.endsAt };
}

/** What reminders are still to come (reminders.ts sends them 24 hours and 1 hour before): only those. */
function reminderPromise(webinar: Webinar, now: DateTime): string {
  const hoursLeft = webinar.startsAt.diff(now).as('hours');
  if (hoursLeft > 24) return ' We will remind you 24 hours and 1 hour before the start.';
  if (hoursLeft > 1) return ' We will remind you 1 hour before the start.';
  return '';
}

export function confirmationEmail(
  ctx: EmailContext,
  webinar: Webinar,
  attendee: EmailRecipient,
  kind: 'registration-confirmed' | 'promoted' = 'registration-confirmed',
): OutgoingEmail {
  const promoted = kind === 'promoted';
  return {
    ...attendeeEmailBase(webinar, attendee, kind),
    subject: promoted ? `A seat is free: you are now registered for ${webinar.title}` : `You are registered: ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${attendee.name},`,
        promoted
          ? `Good news: a seat became free, and you moved up from the waiting list. You are now registered for “${webinar.title}”.`
          : `You are registered for “${webinar.title}”.`,
        `When (your time):\n${whenFor(webinar, attendee.zone, ctx.programme.defaultZone)}`,
        webinar.joinUrl ? `Join link: ${webinar.joinUrl}` : 'The join link will be on your personal page before the webinar.',
        `The attached invitation adds the webinar to your calendar.${reminderPromise(webinar, ctx.now)}`,
        `Your personal page, where you can see your registrations, change your time zone or cancel: ${personalUrl(ctx.baseUrl, attendee.token)}\nKeep this link to yourself: anyone who has it can manage your registrations.`,
        `About the webinar: ${webinarUrl(ctx.baseUrl, webinar)}`,
      ],
      attendeeFooter(ctx, attendee),
    ),
    ics: attendeeInvite(ctx, webinar, attendee, 'REQUEST'),
  };
}

export function waitlistedEmail(ctx: EmailContext, webinar: Webinar, attendee: EmailRecipient, place: number): OutgoingEmail {
  return {
    ...attendeeEmailBase(webinar, attendee, 'waitlisted'),
    subject: `On the waiting list: ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${attendee.name},`,
        `“${webinar.title}” is full, so you are on the waiting list, in place ${place}. If a seat becomes free, you move up automatically and we email you a calendar invitation with the join link.`,
        `When (your time):\n${whenFor(webinar, attendee.zone, ctx.programme.defaultZone)}`,
        `Your personal page: ${personalUrl(ctx.baseUrl, attendee.token)}`,
      ],
      attendeeFooter(ctx, attendee),
    ),
  };
}

/**
 * Someone registered an address that already had a place: nothing changed, and the owner of the
 * address (the only one who may see it) is told where they stand, with their link.
 */
export function alreadyRegisteredEmail(
  ctx: EmailContext,
  webinar: Webinar,
  attendee: EmailRecipient,
  place: { status: 'confirmed' } | { status: 'waitlisted'; place: number },
): OutgoingEmail {
  return {
    ...attendeeEmailBase(webinar, attendee, 'already-registered'),
    subject: `Already registered: ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${attendee.name},`,
        place.status === 'confirmed'
          ? `Someone (you, we hope) registered this address again for “${webinar.title}”. You already have a seat, so nothing has changed.`
          : `Someone (you, we hope) registered this address again for “${webinar.title}”. You are already on the waiting list, in place ${place.place}, so nothing has changed.`,
        `When (your time):\n${whenFor(webinar, attendee.zone, ctx.programme.defaultZone)}`,
        `Your personal page, where you can see your registrations, change your time zone or cancel: ${personalUrl(ctx.baseUrl, attendee.token)}\nKeep this link to yourself: anyone who has it can manage your registrations.`,
        'If it was not you, there is nothing to do: nobody else was shown your registrations or this link.',
      ],
      attendeeFooter(ctx, attendee),
    ),
    // At most one a day per webinar: anyone can type the address, and the form has no captcha.
    dedupeKey: `already-registered:${attendee.id}:${webinar.id}:${ctx.now.toUTC().toISODate()}`,
  };
}

export function cancellationEmail(ctx: EmailContext, webinar: Webinar, attendee: EmailRecipient, wasConfirmed: boolean): OutgoingEmail {
  return {
    ...attendeeEmailBase(webinar, attendee, 'registration-cancelled'),
    subject: `Cancelled: your registration for ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${attendee.name},`,
        wasConfirmed
          ? // True whether or not anyone was waiting: the next on the waiting list, if any, has the seat.
            `Your registration for “${webinar.title}” is cancelled, and your seat is free for someone else. The attached cancellation removes it from your calendar.`
          : `You have left the waiting list for “${webinar.title}”.`,
        `Changed your mind? You can register again while registration is open: ${webinarUrl(ctx.baseUrl, webinar)}`,
        `Your personal page: ${personalUrl(ctx.baseUrl, attendee.token)}`,
      ],
      attendeeFooter(ctx, attendee),
    ),
    ics: wasConfirmed ? attendeeInvite(ctx, webinar, attendee, 'CANCEL') : null,
  };
}

export function reminderEmail(ctx: EmailContext, webinar: Webinar, attendee: EmailRecipient, hoursBefore: 24 | 1, registrationId: number): OutgoingEmail {
  return {
    ...attendeeEmailBase(webinar, attendee, `reminder-${hoursBefore}h`),
    subject: `${hoursBefore === 24 ? 'Tomorrow' : 'In one hour'}: ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${attendee.name},`,
        `A reminder: “${webinar.title}” starts ${hoursBefore === 24 ? 'in 24 hours' : 'in one hour'}.`,
        `When (your time):\n${whenFor(webinar, attendee.zone, ctx.programme.defaultZone)}`,
        webinar.joinUrl ? `Join link: ${webinar.joinUrl}` : null,
        `Can't make it? Please cancel so that someone on the waiting list gets your seat: ${personalUrl(ctx.baseUrl, attendee.token)}`,
      ],
      attendeeFooter(ctx, attendee),
    ),
    // One reminder per registration, kind and start time, whatever happens to the server in between;
    // a webinar that moves gets its reminders again for the new time.
    dedupeKey: `reminder-${hoursBefore}h:${registrationId}:${webinar.startsAt.toUTC().toISO({ suppressMilliseconds: true })}`,
    notAfter: webinar.startsAt,
  };
}

export function newLinkEmail(ctx: EmailContext, attendee: EmailRecipient): OutgoingEmail {
  return {
    kind: 'personal-link',
    to: { address: attendee.email, name: attendee.name },
    attendeeId: attendee.id,
    webinarId: null,
    subject: `Your personal link for ${ctx.programme.title}`,
    ...emailBody(
      [`Hello ${attendee.name},`, `Here is your new personal link. The previous one no longer works.`, personalUrl(ctx.baseUrl, attendee.token)],
      attendeeFooter(ctx, attendee),
    ),
  };
}

/**
 * Someone asked to register an address that has a personal page, from somewhere its owner has not
 * opened that page: nothing happens until the owner confirms here. At most one a day per webinar.
 */
export function registrationRequestEmail(ctx: EmailContext, webinar: Webinar, attendee: EmailRecipient, requestId: number, expiresAt: DateTime): OutgoingEmail {
  const until = showIn(expiresAt, attendee.zone);
  return {
    ...attendeeEmailBase(webinar, attendee, 'registration-request'),
    subject: `Please confirm: ${webinar.title}`,
    ...emailBody(
      [
        `Hello ${attendee.name},`,
        `Someone asked to register this address for “${webinar.title}”. If it was you, confirm it here; until then it holds no seat:`,
        `${confirmUrl(ctx.baseUrl, attendee.token, requestId)}`,
        `When (your time):\n${whenFor(webinar, attendee.zone, ctx.programme.defaultZone)}`,
        `The link works until ${until.date}, ${until.time} ${until.abbreviation}. If it was not you, ignore this email: nothing changes, and nobody else was shown your registrations or your personal page.`,
      ],
      attendeeFooter(ctx, attendee),
    ),
    dedupeKey: `registration-request:${attendee.id}:${webinar.id}:${ctx.now.toUTC().toISODate()}`,
    notAfter: expiresAt,
  };
}

export function confirmUrl(baseUrl: string, token: string, requestId: number): string {
  return `${personalUrl(baseUrl, token)}/confirm/${requestId}`;
}

/** Where "this wasn't me" leads: one button that removes the address and everything about it. */
export function removeUrl(baseUrl: string, token: string): string {
  return `${personalUrl(baseUrl, token)}/remove`;
}

/** The programme's footer, and for every email to an attendee the way out. */
export function attendeeFooter(ctx: Pick<EmailContext, 'programme' | 'baseUrl'>, attendee: Pick<EmailRecipient, 'token'>): string {
  return `Not you, or no longer interested? Remove this address and everything about it:\n${removeUrl(ctx.baseUrl, attendee.token)}\n\n${footerFor(ctx.programme, ctx.baseUrl)}`;
}
