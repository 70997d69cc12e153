// Registration rules: one attendee per address, seats up to the capacity, an ordered waiting list,
// promotion when a seat frees, and every email written in the same transaction as the change.
import { t } from '../i18n/catalogue.js';
import { withLanguage } from '../i18n/current-language.js';
import { message, type Message } from '../i18n/message.js';
import { storedLanguage, type Language } from '../i18n/languages.js';
import { localizeWebinarOf, titleInEachLanguage } from '../programme/localize-webinar.js';
import { buildCalendar } from '../calendar/calendar.builder.js';
import { latest } from '../calendar/calendar.http.js';
import type { BuiltCalendar } from '../calendar/calendar.service.js';
import { webinarEvent, type EventLink } from '../calendar/webinar-events.js';
import { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { AttendeeRow, RegistrationRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { enqueueEmail } from '../mail/outbox.service.js';
import { ALL_STATUSES, getProgramme, listWebinars, lockPublicWebinarsBySlug, lockWebinars } from '../programme/programme.service.js';
import type { Webinar } from '../programme/programme.types.js';
import { generateToken, tokenLookup, tokensEqual, looksLikeToken } from '../security/tokens.js';
import { formatDuration, toStoredInstant, utc } from '../time/index.js';
import {
  deleteAttendee,
  findAttendeeByEmail,
  findAttendeeById,
  findAttendeeByTokenLookup,
  insertAttendeeIfNew,
  updateAttendee,
  updateAttendeeLanguage,
} from './attendee.repository.js';
import {
  alreadyRegisteredEmail,
  cancellationEmail,
  confirmationEmail,
  emailContext,
  newLinkEmail,
  registrationRequestEmail,
  waitlistedEmail,
  type EmailContext,
  type EmailRecipient,
} from './registration.emails.js';
import {
  countConfirmed,
  countConfirmedByWebinar,
  countLiveRegistrations,
  deleteRegistrationRequest,
  findRegistrationRequest,
  listRegistrationRequestsOf,
  upsertRegistrationRequest,
  deleteRegistration,
  findRegistration,
  findRegistrationById,
  insertRegistration,
  listRegisteredAttendees,
  listRegistrationsOfAttendee,
  countWaitlistedUpTo,
  setRegistrationStatus,
  countRegisteredByZone,
} from './registration.repository.js';
import type { Attendee, RegisterOutcome, RegisterResult, Registration, RegistrationWithWebinar } from './registration.types.js';
import type { RegistrationInput } from './registration.validation.js';

export type RegistrationDeps = { db: Db; clock: Clock; baseUrl: string };

export function toAttendee(row: AttendeeRow): Attendee {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisation: row.organisation,
    organisationType: row.organisation_type,
    zone: row.zone,
    token: row.token,
    language: storedLanguage(row.language),
    createdAt: utc(row.created_at),
    updatedAt: utc(row.updated_at),
  };
}

export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    webinarId: row.webinar_id,
    attendeeId: row.attendee_id,
    status: row.status,
    question: row.question,
    createdAt: utc(row.created_at),
    updatedAt: utc(row.updated_at),
  };
}

/** Why a webinar takes no registration now, or undefined when it does. */
export function registrationClosedReason(webinar: Webinar, now: DateTime): Message | undefined {
  const closesMinutesBefore = webinar.registrationClosesMinutesBefore;
  const title = () => titleInEachLanguage(webinar);
  if (webinar.status === 'cancelled') return message('registration.closed.cancelled', { title: title() });
  if (webinar.status !== 'published') return message('registration.closed.notOpen', { title: title() });
  // In milliseconds: instants compare the same, and every registration asks (luxon's minus() made a DateTime).
  const nowMillis = now.toMillis();
  const startsMillis = webinar.startsAt.toMillis();
  if (nowMillis >= webinar.endsAt.toMillis()) return message('registration.closed.past', { title: title() });
  if (nowMillis >= startsMillis - closesMinutesBefore * 60_000) {
    return nowMillis >= startsMillis
      ? message('registration.closed.started', { title: title() })
      : message('registration.closed.before', { title: title(), duration: formatDuration(closesMinutesBefore) });
  }
  return undefined;
}

export function assertOpenForRegistration(webinar: Webinar, now: DateTime): void {
  const reason = registrationClosedReason(webinar, now);
  if (reason) throw new ConflictError(reason);
}

/**
 * Registers an address for one or more webinars in one transaction. An existing attendee keeps their
 * name, organisation and zone: typing someone's address must not change or reveal their data. And
 * nobody but the owner of an address may act for it: a registration for an address that already has
 * a personal page takes effect at once only from that page, or from the browser that opened it
 * (`ownerLookup`, the hash of the link it keeps). From anywhere else it becomes a request that holds
 * no seat and changes nothing, and the owner confirms it from the email it sends them; their link,
 * and the calendar they subscribed to with it, stay as they are.
 */
export async function register(
  deps: RegistrationDeps,
  slugs: readonly string[],
  input: RegistrationInput,
  options: {
    fromOwnPage?: boolean;
    ownerLookup?: string;
    /** The request's, for a new attendee who named none. */
    language?: Language;
  } = {},
): Promise<RegisterResult> {
  const { db, clock, baseUrl } = deps;
  return inTransaction(db, async (trx) => {
    // Seats are counted and given while holding the webinars' rows: two instances registering at
    // once take turns instead of both seeing the last free seat.
    const webinars = await lockPublicWebinarsBySlug(trx, slugs);
    const now = clock.now();
    const at = toStoredInstant(now);
    // A refusal names the webinar in its reader's language (see registrationClosedReason).
    for (const webinar of webinars) assertOpenForRegistration(webinar, now);
    const ctx = await emailContext(trx, baseUrl, clock);

    // Locked as well: the same address registering for two webinars at once is decided once.
    let attendeeRow = await findAttendeeByEmail(trx, input.email, { lock: true });
    let createdAttendee = false;
    if (!attendeeRow) {
      const token = generateToken();
      attendeeRow = await insertAttendeeIfNew(trx, {
        email: input.email,
        name: input.name,
        organisation: input.organisation,
        organisation_type: input.organisationType,
        zone: input.timezone,
        // The language they asked for, or else registered in: their emails, invites and personal page use it.
        language: input.language ?? options.language ?? 'en',
        token,
        token_lookup: tokenLookup(token),
        consent_at: at,
        created_at: at,
        updated_at: at,
      });
      createdAttendee = attendeeRow !== undefined;
      // Another transaction created this address a moment ago; it has committed, so it is visible now.
      attendeeRow ??= await findAttendeeByEmail(trx, input.email, { lock: true });
      if (!attendeeRow) throw new Error(`The attendee ${input.email} was neither inserted nor found.`);
    }
    const attendee = toAttendee(attendeeRow);
    const actsAsOwner =
      createdAttendee || options.fromOwnPage === true || (options.ownerLookup !== undefined && tokensEqual(options.ownerLookup, attendeeRow.token_lookup));

    const outcomes: RegisterOutcome[] = [];
    for (const webinar of webinars) {
      // An attendee created by this transaction has no registrations yet.
      const previous = createdAttendee ? undefined : await findRegistration(trx, webinar.id, attendee.id);
      if (previous && previous.status !== 'cancelled') {
        outcomes.push({ webinar, status: previous.status, alreadyRegistered: true, registrationId: previous.id });
        // The page after registering only says "we have emailed you": the email must come. The
        // owner is shown their page instead, which says it.
        if (!actsAsOwner) {
          const place =
            previous.status === 'confirmed'
              ? { status: 'confirmed' as const }
              : { status: 'waitlisted' as const, place: await waitlistPlace(trx, webinar.id, previous.id) };
          await enqueueEmail(trx, clock, alreadyRegisteredEmail(ctx, webinar, attendee, place));
        }
        continue;
      }
      if (!actsAsOwner) {
        await requestConfirmation(trx, deps, ctx, webinar, attendee, input.question);
        outcomes.push({ webinar, status: 'requested', alreadyRegistered: false, registrationId: null });
        continue;
      }
      // A cancelled registration is replaced, so that a new place in the waiting list is at its end.
      if (previous) await deleteRegistration(trx, previous.id);
      const seatFree = webinar.capacity === null || (await countConfirmed(trx, webinar.id)) < webinar.capacity;
      const row = await insertRegistration(trx, {
        webinar_id: webinar.id,
        attendee_id: attendee.id,
        status: seatFree ? 'confirmed' : 'waitlisted',
        question: input.question,
        created_at: at,
        updated_at: at,
        confirmed_at: seatFree ? at : null,
        cancelled_at: null,
      });
      if (seatFree) await enqueueEmail(trx, clock, confirmationEmail(ctx, webinar, attendee, 'registration-confirmed'));
      else await enqueueEmail(trx, clock, waitlistedEmail(ctx, webinar, attendee, await waitlistPlace(trx, webinar.id, row.id)));
      outcomes.push({ webinar, status: seatFree ? 'confirmed' : 'waitlisted', alreadyRegistered: false, registrationId: row.id });
    }
    return { attendee, createdAttendee, actedAsOwner: actsAsOwner, outcomes };
  });
}

/** How long a request waits for its owner's confirmation (less when registration closes sooner). */
export const REQUEST_VALID_DAYS = 7;

/**
 * Keeps a registration that someone asked for the attendee, and emails the owner the one link that
 * confirms it. Asking again renews the same request: its emailed link keeps working, and the owner
 * hears about it at most once a day (anyone can type an address).
 */
async function requestConfirmation(trx: Db, deps: RegistrationDeps, ctx: EmailContext, webinar: Webinar, attendee: Attendee, question: string | null) {
  const now = deps.clock.now();
  const closes = webinar.startsAt.minus({ minutes: webinar.registrationClosesMinutesBefore });
  const expiresAt = DateTime.min(now.plus({ days: REQUEST_VALID_DAYS }), closes);
  const request = await upsertRegistrationRequest(trx, {
    webinar_id: webinar.id,
    attendee_id: attendee.id,
    question,
    created_at: toStoredInstant(now),
    expires_at: toStoredInstant(expiresAt),
  });
  await enqueueEmail(trx, deps.clock, registrationRequestEmail(ctx, webinar, attendee, request.id, expiresAt));
}

/** A request the attendee was emailed about, as their confirmation page shows it; undefined once used or gone. */
export async function findOpenRequest(
  deps: RegistrationDeps,
  attendee: Attendee,
  requestId: number,
): Promise<{ id: number; webinar: Webinar; expiresAt: DateTime } | undefined> {
  const row = await findRegistrationRequest(deps.db, requestId, attendee.id);
  if (!row || utc(row.expires_at) <= deps.clock.now()) return undefined;
  const [webinar] = await listWebinars(deps.db, { ids: [row.webinar_id] });
  return webinar ? { id: row.id, webinar, expiresAt: utc(row.expires_at) } : undefined;
}

/** The attendee's open requests, with their webinars, for their page. */
export async function listOpenRequests(deps: RegistrationDeps, attendee: Attendee): Promise<Array<{ id: number; webinar: Webinar }>> {
  const rows = await listRegistrationRequestsOf(deps.db, attendee.id, toStoredInstant(deps.clock.now()));
  const webinars = new Map((await listWebinars(deps.db, { ids: rows.map((row) => row.webinar_id) })).map((webinar) => [webinar.id, webinar]));
  return rows.flatMap((row) => {
    const webinar = webinars.get(row.webinar_id);
    return webinar ? [{ id: row.id, webinar }] : [];
  });
}

/** The owner confirms a request from their email: it becomes a registration now, in the queue's order. */
export async function confirmRequest(deps: RegistrationDeps, attendee: Attendee, requestId: number): Promise<RegisterResult> {
  return inTransaction(deps.db, async (trx) => {
    const row = await findRegistrationRequest(trx, requestId, attendee.id);
    if (!row || utc(row.expires_at) <= deps.clock.now()) throw new NotFoundError(message('registration.error.requestUnusable'));
    const [webinar] = await listWebinars(trx, { ids: [row.webinar_id] });
    if (!webinar) throw new NotFoundError(message('registration.error.requestUnusable'));
    await deleteRegistrationRequest(trx, row.id);
    return register({ ...deps, db: trx }, [webinar.slug], { ...attendeeInput(attendee), question: row.question }, { fromOwnPage: true });
  });
}

/** "This wasn't me": the request goes, and nothing else changes. */
export async function discardRequest(deps: RegistrationDeps, attendee: Attendee, requestId: number): Promise<void> {
  const row = await findRegistrationRequest(deps.db, requestId, attendee.id);
  if (row) await deleteRegistrationRequest(deps.db, row.id);
}

/** What registering again as the attendee takes: their own details, never someone else's typing. */
export function attendeeInput(attendee: Attendee): Omit<RegistrationInput, 'question'> {
  return {
    name: attendee.name,
    email: attendee.email,
    organisation: attendee.organisation,
    organisationType: attendee.organisationType,
    timezone: attendee.zone,
  };
}

/** A waiting registration's place in the queue (1 is next); counted in SQL, not by loading the list. */
export async function waitlistPlace(db: Db, webinarId: number, registrationId: number): Promise<number> {
  return countWaitlistedUpTo(db, webinarId, registrationId);
}

/**
 * Confirms people from the waiting list, in order, while there are free seats and the webinar is
 * still ahead. Called whenever a seat may have freed (a cancellation, a larger capacity).
 */
export async function fillFreeSeats(deps: RegistrationDeps, webinar: Webinar): Promise<number> {
  const { db, clock, baseUrl } = deps;
  return inTransaction(db, async (trx) => {
    const now = clock.now();
    // The row as it is now, locked: the capacity may have changed since the caller read it.
    const [row] = await lockWebinars(trx, { ids: [webinar.id] });
    if (row?.status !== 'published' || now >= webinar.startsAt) return 0;
    const free = row.capacity === null ? Number.MAX_SAFE_INTEGER : row.capacity - (await countConfirmed(trx, webinar.id));
    if (free <= 0) return 0;
    const waiting = await listRegisteredAttendees(trx, webinar.id, 'waitlisted', Math.min(free, 10_000));
    const promoted = waiting.map((attendee) => ({ ...attendee, language: storedLanguage(attendee.language) }));
    const ctx = await emailContext(trx, baseUrl, clock);
    for (const attendee of promoted) await promoteRegistration(trx, clock, ctx, webinar, attendee, attendee.registrationId);
    return promoted.length;
  });
}

/**
 * Gives a waiting registration its seat and tells the attendee, in the caller's transaction: the one
 * promotion step, whether the waiting list moves up (fillFreeSeats) or a coordinator promotes someone.
 */
export async function promoteRegistration(
  trx: Db,
  clock: Clock,
  ctx: EmailContext,
  webinar: Webinar,
  attendee: EmailRecipient,
  registrationId: number,
): Promise<void> {
  await setRegistrationStatus(trx, registrationId, 'confirmed', toStoredInstant(clock.now()));
  await enqueueEmail(trx, clock, confirmationEmail(ctx, webinar, attendee, 'promoted'));
}

/** How many seats of the webinar are taken (confirmed registrations). */
export async function countConfirmedSeats(db: Db, webinarId: number): Promise<number> {
  return countConfirmed(db, webinarId);
}

/** The webinars among these whose every seat is taken: registering for them joins the waiting list. */
export async function fullWebinarIds(db: Db, webinars: ReadonlyArray<Pick<Webinar, 'id' | 'capacity'>>): Promise<Set<number>> {
  const limited = webinars.filter((webinar) => webinar.capacity !== null);
  const confirmed = await countConfirmedByWebinar(
    db,
    limited.map((webinar) => webinar.id),
  );
  return new Set(limited.filter((webinar) => (confirmed.get(webinar.id) ?? 0) >= webinar.capacity!).map((webinar) => webinar.id));
}

/** Whether the attendee holds a confirmed seat at the webinar. */
export async function hasConfirmedSeat(db: Db, webinarId: number, attendeeId: number): Promise<boolean> {
  return (await findRegistration(db, webinarId, attendeeId))?.status === 'confirmed';
}

/**
 * Where a webinar's audience sits: its confirmed and waiting attendees counted per zone, the
 * largest group first (ties by zone name). Waiting attendees count, as many of them get a seat.
 */
export async function countAudienceByZone(db: Db, webinarId: number): Promise<Array<{ zone: string; count: number }>> {
  const groups = await countRegisteredByZone(db, webinarId);
  return groups.sort((a, b) => b.count - a.count || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
}

/** A webinar's confirmed or waiting attendees, in registration order, with what emails to them need. */
export async function listAttendeesOfWebinar(
  db: Db,
  webinarId: number,
  status: 'confirmed' | 'waitlisted',
): Promise<Array<EmailRecipient & { registrationId: number; attendeeId: number }>> {
  return (await listRegisteredAttendees(db, webinarId, status)).map((row) => ({ ...row, language: storedLanguage(row.language) }));
}

export async function findAttendee(db: Db, attendeeId: number): Promise<Attendee | undefined> {
  const row = await findAttendeeById(db, attendeeId);
  return row && toAttendee(row);
}

/**
 * Cancels a live registration in the caller's transaction, whoever asked: the attendee gets the
 * receipt, and a freed seat goes to the waiting list. Returns how many moved up.
 */
export async function withdrawRegistration(
  trx: Db,
  deps: RegistrationDeps,
  webinar: Webinar,
  attendee: Attendee,
  registration: { id: number; status: 'confirmed' | 'waitlisted' },
  ctx?: EmailContext,
): Promise<number> {
  const { clock, baseUrl } = deps;
  const wasConfirmed = registration.status === 'confirmed';
  await setRegistrationStatus(trx, registration.id, 'cancelled', toStoredInstant(clock.now()));
  await enqueueEmail(trx, clock, cancellationEmail(ctx ?? (await emailContext(trx, baseUrl, clock)), webinar, attendee, wasConfirmed));
  return wasConfirmed ? fillFreeSeats({ db: trx, clock, baseUrl }, webinar) : 0;
}

/** A webinar's confirmed attendees and waiting list, counted (who a change to it concerns). */
export async function countPeopleOfWebinar(db: Db, webinarId: number): Promise<{ confirmed: number; waitlisted: number }> {
  return countLiveRegistrations(db, webinarId);
}

/** What cancelling one of the attendee's registrations would do, for the page that asks first. */
export type CancellationPreview = {
  registration: RegistrationWithWebinar;
  /** A confirmed seat goes to the first person waiting when someone waits; null for a waiting place. */
  seat: 'to-next-waiting' | 'free' | null;
};

/**
 * The registration the attendee is about to cancel and what follows, or undefined when there is
 * nothing to cancel any more (already cancelled, the webinar started or was cancelled). Changes nothing.
 */
export async function cancellationPreview(deps: RegistrationDeps, attendee: Attendee, registrationId: number): Promise<CancellationPreview | undefined> {
  const found = await findRegistrationById(deps.db, registrationId);
  if (!found || found.attendee_id !== attendee.id) throw new NotFoundError(message('registration.error.noSuchRegistration'));
  const [webinar] = await listWebinars(deps.db, { statuses: ALL_STATUSES, ids: [found.webinar_id] });
  if (!webinar) throw new NotFoundError(message('registration.error.noSuchRegistration'));
  if (found.status === 'cancelled' || webinar.status !== 'published' || deps.clock.now() >= webinar.startsAt) return undefined;
  const registration = { ...toRegistration(found), webinar };
  if (found.status === 'waitlisted') return { registration, seat: null };
  const { waitlisted } = await countLiveRegistrations(deps.db, webinar.id);
  return { registration, seat: waitlisted > 0 ? 'to-next-waiting' : 'free' };
}

/** Cancels one of the attendee's registrations; a freed seat goes to the first on the waiting list. */
export async function cancelRegistration(
  deps: RegistrationDeps,
  attendee: Attendee,
  registrationId: number,
): Promise<{ webinar: Webinar; wasConfirmed: boolean }> {
  const { db, clock } = deps;
  return inTransaction(db, async (trx) => {
    const found = await findRegistrationById(trx, registrationId);
    if (!found || found.attendee_id !== attendee.id) throw new NotFoundError(message('registration.error.noSuchRegistration'));
    await lockWebinars(trx, { ids: [found.webinar_id] });
    // Read again under the lock: a coordinator may have cancelled or promoted it meanwhile.
    const row = (await findRegistrationById(trx, registrationId))!;
    const [webinar] = await listWebinars(trx, { statuses: ALL_STATUSES, ids: [row.webinar_id] });
    if (!webinar) throw new NotFoundError(message('registration.error.noSuchRegistration'));
    if (row.status === 'cancelled') return { webinar, wasConfirmed: false };
    if (clock.now() >= webinar.startsAt) throw new ConflictError(message('registration.error.alreadyStarted', { title: titleInEachLanguage(webinar) }));
    await withdrawRegistration(trx, deps, webinar, attendee, { id: row.id, status: row.status });
    return { webinar, wasConfirmed: row.status === 'confirmed' };
  });
}

/** The attendee behind a secret link, or undefined: unknown and malformed tokens look the same. */
export async function findAttendeeByToken(db: Db, token: string): Promise<Attendee | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const row = await findAttendeeByTokenLookup(db, tokenLookup(token));
  if (!row || !tokensEqual(row.token, token)) return undefined;
  return toAttendee(row);
}

export async function getAttendeeByToken(db: Db, token: string): Promise<Attendee> {
  const attendee = await findAttendeeByToken(db, token);
  if (!attendee) throw new NotFoundError(message('registration.error.linkGone'));
  return attendee;
}

export async function listRegistrationsWithWebinars(db: Db, attendeeId: number): Promise<RegistrationWithWebinar[]> {
  const rows = await listRegistrationsOfAttendee(db, attendeeId);
  const webinars = new Map((await listWebinars(db, { ids: rows.map((r) => r.webinar_id) })).map((w) => [w.id, w]));
  return rows
    .filter((row) => webinars.has(row.webinar_id))
    .map((row) => ({ ...toRegistration(row), webinar: webinars.get(row.webinar_id)! }))
    .sort((a, b) => a.webinar.startsAt.toMillis() - b.webinar.startsAt.toMillis());
}

export async function changeAttendeeZone(deps: RegistrationDeps, attendee: Attendee, zone: string): Promise<void> {
  await updateAttendee(deps.db, attendee.id, { zone, updated_at: toStoredInstant(deps.clock.now()) });
}

/** The language of the attendee's emails, invites and personal feed, as they chose it on their page. */
export async function setAttendeeLanguage(deps: RegistrationDeps, attendee: Attendee, language: Language): Promise<void> {
  await updateAttendeeLanguage(deps.db, attendee.id, language, toStoredInstant(deps.clock.now()));
}

/** Links to materials per webinar in an attendee's feed (filled by the materials feature). */
export type AttendeeFeedLinks = (
  attendee: Attendee,
  registrations: ReadonlyArray<{ webinarId: number; confirmed: boolean }>,
) => Promise<Map<number, EventLink[]>>;

/**
 * The attendee's own feed: confirmed webinars with the join link and a reminder, waiting places as
 * tentative. Every change that alters it moves its date: a promotion, a cancellation, a new zone.
 */
export async function personalFeed(deps: RegistrationDeps, attendee: Attendee, linksOf?: AttendeeFeedLinks): Promise<BuiltCalendar> {
  const programme = await getProgramme(deps.db);
  const all = await listRegistrationsWithWebinars(deps.db, attendee.id);
  // Titles and abstracts in the attendee's language too, like the feed's own words.
  const registrations = all.filter((r) => r.status !== 'cancelled').map((r) => localizeWebinarOf(r, attendee.language));
  const links = linksOf
    ? await linksOf(
        attendee,
        registrations.map((r) => ({ webinarId: r.webinarId, confirmed: r.status === 'confirmed' })),
      )
    : new Map<number, EventLink[]>();
  const waitlisted = (summary: string) => t('calendar.personal.waitlisted', { summary });
  // In the attendee's language, whatever the calendar client that asks for it sends.
  return {
    body: withLanguage(attendee.language, () =>
      buildCalendar({
        name: t('calendar.personal.name', { programme: programme.title }),
        description: t('calendar.personal.description', { name: attendee.name }),
        zoneHint: attendee.zone,
        events: registrations.map((r) =>
          webinarEvent(r.webinar, programme, {
            baseUrl: deps.baseUrl,
            joinUrl: r.status === 'confirmed' ? r.webinar.joinUrl : null,
            status: r.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
            summaryOf: r.status === 'waitlisted' ? waitlisted : undefined,
            alarms: r.status === 'confirmed' ? [15] : [],
            links: links.get(r.webinarId) ?? [],
          }),
        ),
      }),
    ),
    filename: 'my-webinars.ics',
    lastModified: latest(programme.updatedAt, attendee.updatedAt, ...all.flatMap((r) => [r.updatedAt, r.webinar.updatedAt])),
  };
}

/** Replaces the secret link: the old one stops working at once, and the new one is emailed. */
export async function resetAttendeeToken(deps: RegistrationDeps, attendee: Attendee): Promise<string> {
  return inTransaction(deps.db, async (trx) => {
    const token = generateToken();
    await updateAttendee(trx, attendee.id, { token, token_lookup: tokenLookup(token), updated_at: toStoredInstant(deps.clock.now()) });
    await enqueueEmail(trx, deps.clock, newLinkEmail(await emailContext(trx, deps.baseUrl, deps.clock), { ...attendee, token }));
    return token;
  });
}

/** Deletes the attendee and everything about them; their seats go to the waiting lists. */
export async function deleteAttendeeData(deps: RegistrationDeps, attendee: Attendee): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    // Webinars before the attendee, in the order registering takes them, so the two never deadlock;
    // the registrations are read again under those locks.
    await lockWebinars(trx, { ids: (await listRegistrationsOfAttendee(trx, attendee.id)).map((r) => r.webinar_id) });
    const registrations = await listRegistrationsOfAttendee(trx, attendee.id);
    const freed = registrations.filter((r) => r.status === 'confirmed').map((r) => r.webinar_id);
    await deleteAttendee(trx, attendee.id);
    for (const webinar of await listWebinars(trx, { ids: freed })) await fillFreeSeats({ db: trx, clock: deps.clock, baseUrl: deps.baseUrl }, webinar);
  });
}
