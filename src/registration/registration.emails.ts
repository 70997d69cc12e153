// The emails registration sends: confirmation (with invite), waiting list, promotion,
// cancellation receipt, reminders, a new personal link. Each is written in its recipient's
// language, whatever the language of the request that causes it (a coordinator's, say).
import { buildCalendar } from '../calendar/calendar.builder.js';
import { webinarEvent, webinarUrl } from '../calendar/webinar-events.js';
import { t } from '../i18n/catalogue.js';
import { withLanguage } from '../i18n/current-language.js';
import type { OutgoingEmail } from '../mail/outbox.service.js';
import { emailBody, footerFor, whenFor } from '../notifications/email-text.js';
import type { DateTime } from 'luxon';
import { showIn } from '../time/index.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { getProgramme } from '../programme/programme.service.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import { localizeWebinar } from '../programme/localize-webinar.js';
import type { Attendee } from './registration.types.js';

/** What every email needs: the programme (organiser, zone), absolute links, and the time of writing. */
export type EmailContext = { programme: Programme; baseUrl: string; now: DateTime };

export async function emailContext(db: Db, baseUrl: string, clock: Clock): Promise<EmailContext> {
  return { programme: await getProgramme(db), baseUrl, now: clock.now() };
}

export type EmailRecipient = Pick<Attendee, 'id' | 'name' | 'email' | 'zone' | 'token' | 'language'>;

export function personalUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/my/${token}`;
}

/** A METHOD:REQUEST (or CANCEL) invite for one attendee, with the organiser and the attendee named. */
export function attendeeInvite(ctx: EmailContext, given: Webinar, attendee: EmailRecipient, method: 'REQUEST' | 'CANCEL') {
  const webinar = forRecipient(given, attendee);
  const content = withLanguage(attendee.language, () =>
    buildCalendar({
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
          extraDescription: t('calendar.invite.registrations', { url: personalUrl(ctx.baseUrl, attendee.token) }),
        }),
      ],
    }),
  );
  return { method, content } as const;
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
function remindersToCome(webinar: Webinar, now: DateTime): 'both' | 'last' | 'none' {
  // In milliseconds: every confirmation asks, and luxon's diff() made a Duration to read one number.
  const hoursLeft = (webinar.startsAt.toMillis() - now.toMillis()) / 3_600_000;
  if (hoursLeft > 24) return 'both';
  if (hoursLeft > 1) return 'last';
  return 'none';
}

/** The webinar as the recipient reads it: its title and abstract in their language where written. */
function forRecipient(webinar: Webinar, recipient: Pick<EmailRecipient, 'language'>): Webinar {
  return localizeWebinar(webinar, recipient.language);
}

/** "Hello Ada," */
export function hello(recipient: Pick<EmailRecipient, 'name'>): string {
  return t('emails.hello', { name: recipient.name });
}

/** "When (your time):" and the webinar's time in the recipient's zone (and the programme's). */
export function whenParagraph(ctx: Pick<EmailContext, 'programme'>, webinar: Webinar, zone: string): string {
  return t('emails.when', { when: whenFor(webinar, zone, ctx.programme.defaultZone) });
}

/** The personal page with what it is for, and the warning that goes with the link. */
function managePersonalPage(ctx: Pick<EmailContext, 'baseUrl'>, recipient: Pick<EmailRecipient, 'token'>): string {
  return `${t('emails.personalPage.manage', { url: personalUrl(ctx.baseUrl, recipient.token) })}\n${t('emails.keepLinkPrivate')}`;
}

export function confirmationEmail(
  ctx: EmailContext,
  given: Webinar,
  attendee: EmailRecipient,
  kind: 'registration-confirmed' | 'promoted' = 'registration-confirmed',
): OutgoingEmail {
  const promoted = kind === 'promoted';
  const webinar = forRecipient(given, attendee);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, kind),
    subject: promoted ? t('emails.promoted.subject', { title }) : t('emails.confirmed.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        promoted ? t('emails.promoted.body', { title }) : t('emails.confirmed.body', { title }),
        whenParagraph(ctx, webinar, attendee.zone),
        webinar.joinUrl ? t('emails.joinLink', { url: webinar.joinUrl }) : t('emails.joinLinkLater'),
        t('emails.confirmed.invite', { reminders: remindersToCome(webinar, ctx.now) }),
        managePersonalPage(ctx, attendee),
        t('emails.aboutWebinar', { url: webinarUrl(ctx.baseUrl, webinar) }),
      ],
      attendeeFooter(ctx, attendee),
    ),
    ics: attendeeInvite(ctx, webinar, attendee, 'REQUEST'),
  }));
}

export function waitlistedEmail(ctx: EmailContext, given: Webinar, attendee: EmailRecipient, place: number): OutgoingEmail {
  const webinar = forRecipient(given, attendee);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, 'waitlisted'),
    subject: t('emails.waitlisted.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        `${t('emails.waitlisted.body', { title, place })} ${t('emails.waitlist.moveUp')}`,
        whenParagraph(ctx, webinar, attendee.zone),
        t('emails.personalPage', { url: personalUrl(ctx.baseUrl, attendee.token) }),
      ],
      attendeeFooter(ctx, attendee),
    ),
  }));
}

/**
 * Someone registered an address that already had a place: nothing changed, and the owner of the
 * address (the only one who may see it) is told where they stand, with their link.
 */
export function alreadyRegisteredEmail(
  ctx: EmailContext,
  given: Webinar,
  attendee: EmailRecipient,
  place: { status: 'confirmed' } | { status: 'waitlisted'; place: number },
): OutgoingEmail {
  const webinar = forRecipient(given, attendee);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, 'already-registered'),
    subject: t('emails.already.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        place.status === 'confirmed' ? t('emails.already.confirmed', { title }) : t('emails.already.waitlisted', { title, place: place.place }),
        whenParagraph(ctx, webinar, attendee.zone),
        managePersonalPage(ctx, attendee),
        t('emails.already.notYou'),
      ],
      attendeeFooter(ctx, attendee),
    ),
    // At most one a day per webinar: anyone can type the address, and the form has no captcha.
    dedupeKey: `already-registered:${attendee.id}:${webinar.id}:${ctx.now.toUTC().toISODate()}`,
  }));
}

export function cancellationEmail(ctx: EmailContext, given: Webinar, attendee: EmailRecipient, wasConfirmed: boolean): OutgoingEmail {
  const webinar = forRecipient(given, attendee);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, 'registration-cancelled'),
    subject: t('emails.cancelled.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        wasConfirmed
          ? // True whether or not anyone was waiting: the next on the waiting list, if any, has the seat.
            t('emails.cancelled.seat', { title })
          : t('emails.cancelled.waitlist', { title }),
        t('emails.cancelled.again', { url: webinarUrl(ctx.baseUrl, webinar) }),
        t('emails.personalPage', { url: personalUrl(ctx.baseUrl, attendee.token) }),
      ],
      attendeeFooter(ctx, attendee),
    ),
    ics: wasConfirmed ? attendeeInvite(ctx, webinar, attendee, 'CANCEL') : null,
  }));
}

export function reminderEmail(ctx: EmailContext, given: Webinar, attendee: EmailRecipient, hoursBefore: 24 | 1, registrationId: number): OutgoingEmail {
  const webinar = forRecipient(given, attendee);
  const title = webinar.title;
  return withLanguage(attendee.language, () => ({
    ...attendeeEmailBase(webinar, attendee, `reminder-${hoursBefore}h`),
    subject: hoursBefore === 24 ? t('emails.reminder24.subject', { title }) : t('emails.reminder1.subject', { title }),
    ...emailBody(
      [
        hello(attendee),
        hoursBefore === 24 ? t('emails.reminder24.body', { title }) : t('emails.reminder1.body', { title }),
        whenParagraph(ctx, webinar, attendee.zone),
        webinar.joinUrl ? t('emails.joinLink', { url: webinar.joinUrl }) : null,
        t('emails.reminder.cancel', { url: personalUrl(ctx.baseUrl, attendee.token) }),
      ],
      attendeeFooter(ctx, attendee),
    ),
    // One reminder per registration, kind and start time, whatever happens to the server in between;
    // a webinar that moves gets its reminders again for the new time.
    dedupeKey: `reminder-${hoursBefore}h:${registrationId}:${webinar.startsAt.toUTC().toISO({ suppressMilliseconds: true })}`,
    notAfter: webinar.startsAt,
  }));
}

export function newLinkEmail(ctx: EmailContext, attendee: EmailRecipient): OutgoingEmail {
  return withLanguage(attendee.language, () => ({
    kind: 'personal-link',
    to: { address: attendee.email, name: attendee.name },
    attendeeId: attendee.id,
    webinarId: null,
    subject: t('emails.newLink.subject', { programme: ctx.programme.title }),
    ...emailBody([hello(attendee), t('emails.newLink.body'), personalUrl(ctx.baseUrl, attendee.token)], attendeeFooter(ctx, attendee)),
  }));
}

/**
 * Someone asked to register an address that has a personal page, from somewhere its owner has not
 * opened that page: nothing happens until the owner confirms here. At most one a day per webinar.
 */
export function registrationRequestEmail(ctx: EmailContext, given: Webinar, attendee: EmailRecipient, requestId: number, expiresAt: DateTime): OutgoingEmail {
  const webinar = forRecipient(given, attendee);
  const title = webinar.title;
  return withLanguage(attendee.language, () => {
    const until = showIn(expiresAt, attendee.zone);
    return {
      ...attendeeEmailBase(webinar, attendee, 'registration-request'),
      subject: t('emails.request.subject', { title }),
      ...emailBody(
        [
          hello(attendee),
          t('emails.request.body', { title }),
          confirmUrl(ctx.baseUrl, attendee.token, requestId),
          whenParagraph(ctx, webinar, attendee.zone),
          t('emails.request.expiry', { date: until.date, time: until.time, zone: until.abbreviation }),
        ],
        attendeeFooter(ctx, attendee),
      ),
      dedupeKey: `registration-request:${attendee.id}:${webinar.id}:${ctx.now.toUTC().toISODate()}`,
      notAfter: expiresAt,
    };
  });
}

export function confirmUrl(baseUrl: string, token: string, requestId: number): string {
  return `${personalUrl(baseUrl, token)}/confirm/${requestId}`;
}

/** Where "this wasn't me" leads: one button that removes the address and everything about it. */
export function removeUrl(baseUrl: string, token: string): string {
  return `${personalUrl(baseUrl, token)}/remove`;
}

/** The programme's footer, and for every email to an attendee the way out (in the current language). */
export function attendeeFooter(ctx: Pick<EmailContext, 'programme' | 'baseUrl'>, attendee: Pick<EmailRecipient, 'token'>): string {
  return `${t('emails.footer.remove')}\n${removeUrl(ctx.baseUrl, attendee.token)}\n\n${footerFor(ctx.programme, ctx.baseUrl)}`;
}
