// What the attendee's own pages show, built here in a fixed number of queries whatever the number of
// registrations; views/registration turns it into HTML.
import type { Child } from 'hono/jsx';
import type { DateTime } from 'luxon';
import { getProgramme, listWebinars, splitByTime } from '../programme/programme.service.js';
import type { Programme, Webinar } from '../programme/programme.types.js';
import type { Language } from '../i18n/languages.js';
import { localizeWebinar, localizeWebinarOf, localizeWebinars } from '../programme/localize-webinar.js';
import { personalUrl } from './registration.emails.js';
import { listWaitlistPlacesOfAttendee } from './registration.repository.js';
import { findOpenRequest, listOpenRequests, listRegistrationsWithWebinars, registrationClosedReason, type RegistrationDeps } from './registration.service.js';
import type { Attendee, RegistrationWithWebinar } from './registration.types.js';

/** Materials for registered attendees, per webinar (filled by the materials feature). */
export type AttendeeMaterials = (attendee: Attendee, webinarIds: number[]) => Promise<Map<number, Child>>;

/** What the personal page reports after a redirect (`?done=`); the view words it. */
export const PERSONAL_PAGE_ACTIONS = ['cancelled', 'zone', 'link', 'registered', 'discarded', 'language'] as const;
export type PersonalPageAction = (typeof PERSONAL_PAGE_ACTIONS)[number];

/** The line on top of the personal page: thanks after registering, an action done, or why one was refused. */
export type PersonalPageNotice =
  | { kind: 'welcome'; registrations: RegistrationWithWebinar[]; already: ReadonlySet<number> }
  | { kind: 'done'; action: PersonalPageAction }
  | { kind: 'refused'; reason: string };

export type PersonalPage = {
  programme: Programme;
  attendee: Attendee;
  /** Every registration of the attendee, cancelled ones too, in start order. */
  registrations: RegistrationWithWebinar[];
  /** Upcoming webinars this attendee can still register for with one click. */
  others: Webinar[];
  /** Webinars whose registration the attendee cancelled and can take again (registration is open). */
  reopenable: Set<number>;
  /** Places in the waiting list, by registration id. */
  waitlistPlaces: Map<number, number>;
  /** Registrations someone asked for this address, waiting for the attendee to confirm them. */
  requests: Array<{ id: number; webinar: Webinar }>;
  feedUrl: string;
  now: DateTime;
  notice?: PersonalPageNotice;
  zoneError?: string;
  /** What was typed for the zone when it was refused, to offer "Did you mean" choices for. */
  zoneTyped?: string;
  /** Materials for registered attendees, per webinar id (filled by the materials feature). */
  materials?: Map<number, Child>;
};

export type PersonalPageRequest = {
  /** Slugs just registered for (`?registered=`): the page thanks for them. */
  registered?: readonly string[];
  /** Of those, the slugs that were registered before (`?already=`): nothing changed for them. */
  already?: readonly string[];
  /** `?done=`; anything but a known action is ignored. */
  done?: string;
  /** Why the action the page answers was refused. */
  refused?: string;
  zoneError?: string;
  zoneTyped?: string;
};

function isAction(value: string | undefined): value is PersonalPageAction {
  return (PERSONAL_PAGE_ACTIONS as readonly string[]).includes(value ?? '');
}

function noticeOf(request: PersonalPageRequest, registrations: RegistrationWithWebinar[]): PersonalPageNotice | undefined {
  const registered = request.registered ?? [];
  if (registered.length > 0) {
    const welcomed = registrations.filter((r) => registered.includes(r.webinar.slug) && r.status !== 'cancelled');
    const already = new Set(welcomed.filter((r) => request.already?.includes(r.webinar.slug)).map((r) => r.webinarId));
    if (welcomed.length > 0) return { kind: 'welcome', registrations: welcomed, already };
  }
  if (request.refused !== undefined) return { kind: 'refused', reason: request.refused };
  return isAction(request.done) ? { kind: 'done', action: request.done } : undefined;
}

/** The attendee's own page: their registrations with waiting places, open requests and what else they can join. */
export async function personalPage(
  deps: RegistrationDeps & { attendeeMaterialsOf?: AttendeeMaterials },
  attendee: Attendee,
  request: PersonalPageRequest = {},
  /** The reader's (the request's): the webinars' titles and abstracts are shown in it. */
  language: Language = 'en',
): Promise<PersonalPage> {
  const { db } = deps;
  const now = deps.clock.now();
  const programme = await getProgramme(db);
  const registrations = (await listRegistrationsWithWebinars(db, attendee.id)).map((r) => localizeWebinarOf(r, language));
  // A webinar appears once: a cancelled registration stays in its place (with "Register again"
  // while registration is open), never also among the others.
  const registeredIds = new Set(registrations.map((r) => r.webinarId));
  const others = splitByTime(localizeWebinars(await listWebinars(db), language), now).upcoming.filter(
    (w) => !registeredIds.has(w.id) && !registrationClosedReason(w, now),
  );
  const reopenable = new Set(
    registrations
      .filter((r) => r.status === 'cancelled' && r.webinar.status === 'published' && !registrationClosedReason(r.webinar, now))
      .map((r) => r.webinarId),
  );
  const waitlistPlaces = new Map((await listWaitlistPlacesOfAttendee(db, attendee.id)).map((row) => [row.registrationId, row.place]));
  const requests = (await listOpenRequests(deps, attendee)).map((r) => localizeWebinarOf(r, language));
  const confirmedIds = registrations.filter((r) => r.status === 'confirmed').map((r) => r.webinarId);
  const materials = deps.attendeeMaterialsOf ? await deps.attendeeMaterialsOf(attendee, confirmedIds) : undefined;
  return {
    programme,
    attendee,
    registrations,
    others,
    reopenable,
    waitlistPlaces,
    requests,
    feedUrl: `${personalUrl(deps.baseUrl, attendee.token)}/calendar.ics`,
    now,
    notice: noticeOf(request, registrations),
    zoneError: request.zoneError,
    zoneTyped: request.zoneTyped,
    materials,
  };
}

/** The page behind an emailed "please confirm" link; undefined once the request is used or gone. */
export async function confirmRequestPage(deps: RegistrationDeps, attendee: Attendee, requestId: number) {
  const request = await findOpenRequest(deps, attendee, requestId);
  if (!request) return undefined;
  return { programme: await getProgramme(deps.db), attendee, request };
}

/** "Check your email" after registering an address that has an owner: the titles asked for. */
export async function checkEmailPage(deps: RegistrationDeps, slugs: readonly string[], language: Language = 'en') {
  const [programme, webinars] = await Promise.all([getProgramme(deps.db), listWebinars(deps.db)]);
  return { programme, titles: webinars.filter((w) => slugs.includes(w.slug)).map((w) => localizeWebinar(w, language).title) };
}
