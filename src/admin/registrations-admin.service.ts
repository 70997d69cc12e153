// The coordinators' rules for registrations: who is registered where, the counts that measure the
// programme, and manual cancel/promote with their emails written in the same transaction.
import { t } from '../i18n/catalogue.js';
import { message } from '../i18n/message.js';
import type { DateTime } from 'luxon';
import type { Db } from '../db/connection.js';
import type { OrganisationType, RegistrationStatus } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { utc } from '../time/index.js';
import { ALL_STATUSES, getWebinarBySlug, listWebinars, lockWebinars } from '../programme/programme.service.js';
import type { Webinar } from '../programme/programme.types.js';
import { emailContext, type EmailContext } from '../registration/registration.emails.js';
import {
  countConfirmedSeats,
  countPeopleOfWebinar,
  findAttendee,
  promoteRegistration,
  withdrawRegistration,
  type RegistrationDeps,
} from '../registration/registration.service.js';
import type { Attendee } from '../registration/registration.types.js';
import { ORGANISATION_TYPES } from '../registration/registration.validation.js';
import {
  countConfirmedInProgramme,
  countRegistrations,
  findRegistrationRow,
  listRegistrationRows,
  listWaitingRows,
  type CountRow,
  type RegistrationListFilter,
  type RegistrationListRow,
} from './registrations-admin.repository.js';

export type AdminRegistration = {
  id: number;
  webinarId: number;
  attendeeId: number;
  name: string;
  email: string;
  organisation: string;
  organisationType: OrganisationType;
  zone: string;
  status: RegistrationStatus;
  question: string | null;
  createdAt: DateTime;
  confirmedAt: DateTime | null;
  cancelledAt: DateTime | null;
  /** 1 for the first person waiting; null unless waitlisted. */
  waitlistPlace: number | null;
};

export type StatusCounts = Record<RegistrationStatus, number>;
export type RegistrationCounts = { byStatus: StatusCounts; byOrganisationType: Record<OrganisationType, StatusCounts> };

export type ProgrammeCounts = {
  confirmedRegistrations: number;
  /** People with at least one confirmed registration: someone at all four webinars counts once. */
  distinctAttendees: number;
  byOrganisationType: Record<OrganisationType, { registrations: number; attendees: number }>;
};

function toAdminRegistration(row: RegistrationListRow, waitlistPlace: number | null): AdminRegistration {
  return {
    id: row.id,
    webinarId: row.webinar_id,
    attendeeId: row.attendee_id,
    name: row.name,
    email: row.email,
    organisation: row.organisation,
    organisationType: row.organisation_type,
    zone: row.zone,
    status: row.status,
    question: row.question,
    createdAt: utc(row.created_at),
    confirmedAt: row.confirmed_at === null ? null : utc(row.confirmed_at),
    cancelledAt: row.cancelled_at === null ? null : utc(row.cancelled_at),
    waitlistPlace,
  };
}

/** Any webinar, drafts and cancelled ones included: coordinators see them all. */
export async function getAdminWebinar(db: Db, slug: string): Promise<Webinar> {
  return getWebinarBySlug(db, slug, ALL_STATUSES);
}

export async function listWebinarRegistrations(db: Db, webinarId: number, filter: RegistrationListFilter): Promise<AdminRegistration[]> {
  return (await listRegistrationsAndWaitingList(db, webinarId, filter)).registrations ?? [];
}

/**
 * The registrations the filter selects (none without a filter) and the whole waiting list, from
 * one read of the waiting list: places are counted over all of it, whatever the filter hides.
 */
export async function listRegistrationsAndWaitingList(
  db: Db,
  webinarId: number,
  filter: RegistrationListFilter | null,
): Promise<{ registrations: AdminRegistration[] | null; waiting: AdminRegistration[] }> {
  const waitingRows = await listWaitingRows(db, webinarId);
  const places = new Map(waitingRows.map((row, index) => [row.id, index + 1]));
  const registrations = filter ? (await listRegistrationRows(db, webinarId, filter)).map((row) => toAdminRegistration(row, places.get(row.id) ?? null)) : null;
  return { registrations, waiting: waitingRows.map((row, index) => toAdminRegistration(row, index + 1)) };
}

function emptyStatusCounts(): StatusCounts {
  return { confirmed: 0, waitlisted: 0, cancelled: 0 };
}

function emptyCounts(): RegistrationCounts {
  const byOrganisationType = Object.fromEntries(ORGANISATION_TYPES.map((t) => [t.value, emptyStatusCounts()])) as Record<OrganisationType, StatusCounts>;
  return { byStatus: emptyStatusCounts(), byOrganisationType };
}

function addCount(counts: RegistrationCounts, row: CountRow): void {
  counts.byStatus[row.status] += row.n;
  counts.byOrganisationType[row.organisationType] ??= emptyStatusCounts();
  counts.byOrganisationType[row.organisationType][row.status] += row.n;
}

/** Counts for each of the given webinars, zeros included. */
export async function countRegistrationsByWebinar(db: Db, webinarIds: readonly number[]): Promise<Map<number, RegistrationCounts>> {
  const counts = new Map(webinarIds.map((id) => [id, emptyCounts()]));
  for (const row of await countRegistrations(db, webinarIds)) {
    const forWebinar = counts.get(row.webinarId);
    if (forWebinar) addCount(forWebinar, row);
  }
  return counts;
}

export async function countWebinarRegistrations(db: Db, webinarId: number): Promise<RegistrationCounts> {
  return (await countRegistrationsByWebinar(db, [webinarId])).get(webinarId) ?? emptyCounts();
}

/** Drafts take no registrations, and nobody came to a cancelled webinar: only published ones count. */
export async function countProgrammeRegistrations(db: Db): Promise<ProgrammeCounts> {
  const byOrganisationType = Object.fromEntries(
    ORGANISATION_TYPES.map((t) => [t.value, { registrations: 0, attendees: 0 }]),
  ) as ProgrammeCounts['byOrganisationType'];
  let confirmedRegistrations = 0;
  let distinctAttendees = 0;
  for (const row of await countConfirmedInProgramme(db, ['published'])) {
    byOrganisationType[row.organisationType] = { registrations: row.registrations, attendees: row.attendees };
    confirmedRegistrations += row.registrations;
    // An attendee has one organisation type, so the per-type distinct counts add up.
    distinctAttendees += row.attendees;
  }
  return { confirmedRegistrations, distinctAttendees, byOrganisationType };
}

export function statusLabel(status: RegistrationStatus): string {
  return t(`workspacePages.registrations.status.${status}`);
}

// --- Manual changes ------------------------------------------------------------------------------

type Loaded = { row: RegistrationListRow; webinar: Webinar; attendee: Attendee; ctx: EmailContext };

async function loadForChange(trx: Db, deps: RegistrationDeps, registrationId: number): Promise<Loaded> {
  // The webinar's row first, as registering does; the registration is read under that lock.
  const unlocked = await findRegistrationRow(trx, registrationId);
  if (unlocked) await lockWebinars(trx, { ids: [unlocked.webinar_id] });
  const row = unlocked && (await findRegistrationRow(trx, registrationId));
  const [webinar] = row ? await listWebinars(trx, { statuses: ALL_STATUSES, ids: [row.webinar_id] }) : [];
  if (!row || !webinar) throw new NotFoundError(message('workspacePages.registrations.error.noSuchRegistration', { id: String(registrationId) }));
  if (deps.clock.now() >= webinar.startsAt) {
    throw new ConflictError(message('workspacePages.registrations.error.started', { title: webinar.title }));
  }
  const attendee = await findAttendee(trx, row.attendee_id);
  if (!attendee) throw new NotFoundError(message('workspacePages.registrations.error.noSuchRegistration', { id: String(registrationId) }));
  return { row, webinar, attendee, ctx: await emailContext(trx, deps.baseUrl, deps.clock) };
}

/** What cancelling a registration from the workspace would do, for the step that asks first. */
export type AdminCancellationPreview = {
  registrationId: number;
  name: string;
  email: string;
  status: 'confirmed' | 'waitlisted';
  webinar: Webinar;
  /** Where a confirmed seat goes; null for a waiting place. */
  seat: 'to-next-waiting' | 'free' | null;
};

/** Reads what `adminCancelRegistration` would change and refuses as it would; changes nothing. */
export async function adminCancellationPreview(deps: RegistrationDeps, registrationId: number): Promise<AdminCancellationPreview> {
  const row = await findRegistrationRow(deps.db, registrationId);
  const [webinar] = row ? await listWebinars(deps.db, { statuses: ALL_STATUSES, ids: [row.webinar_id] }) : [];
  if (!row || !webinar) throw new NotFoundError(message('workspacePages.registrations.error.noSuchRegistration', { id: String(registrationId) }));
  if (deps.clock.now() >= webinar.startsAt) {
    throw new ConflictError(message('workspacePages.registrations.error.started', { title: webinar.title }));
  }
  if (row.status === 'cancelled')
    throw new ConflictError(message('workspacePages.registrations.error.alreadyCancelled', { name: row.name, title: webinar.title }));
  const waiting = row.status === 'confirmed' && webinar.status === 'published' ? (await countPeopleOfWebinar(deps.db, webinar.id)).waitlisted : 0;
  const seat = row.status === 'waitlisted' ? null : waiting > 0 ? 'to-next-waiting' : 'free';
  return { registrationId: row.id, name: row.name, email: row.email, status: row.status, webinar, seat };
}

export type AdminCancelResult = { webinar: Webinar; name: string; wasConfirmed: boolean; promoted: number };

/** Cancels a confirmed or waiting registration; a freed seat goes to the first person waiting. */
export async function adminCancelRegistration(deps: RegistrationDeps, registrationId: number): Promise<AdminCancelResult> {
  return inTransaction(deps.db, async (trx) => {
    const { row, webinar, attendee, ctx } = await loadForChange(trx, deps, registrationId);
    if (row.status === 'cancelled')
      throw new ConflictError(message('workspacePages.registrations.error.alreadyCancelled', { name: row.name, title: webinar.title }));
    const promoted = await withdrawRegistration(trx, deps, webinar, attendee, { id: row.id, status: row.status }, ctx);
    return { webinar, name: row.name, wasConfirmed: row.status === 'confirmed', promoted };
  });
}

export type AdminPromoteResult = { webinar: Webinar; name: string; confirmed: number; overCapacity: boolean };

/**
 * Confirms a waiting registration now, out of turn if need be: a coordinator's override, allowed even
 * when the webinar is full. The result says when it took the webinar over its capacity.
 */
export async function adminPromoteRegistration(deps: RegistrationDeps, registrationId: number): Promise<AdminPromoteResult> {
  const { clock } = deps;
  return inTransaction(deps.db, async (trx) => {
    const { row, webinar, attendee, ctx } = await loadForChange(trx, deps, registrationId);
    if (row.status === 'confirmed')
      throw new ConflictError(message('workspacePages.registrations.error.alreadyConfirmed', { name: row.name, title: webinar.title }));
    if (row.status === 'cancelled') {
      throw new ConflictError(message('workspacePages.registrations.error.cancelledNotPromotable', { name: row.name, title: webinar.title }));
    }
    if (webinar.status !== 'published')
      throw new ConflictError(
        message(
          webinar.status === 'cancelled' ? 'workspacePages.registrations.error.webinarCancelled' : 'workspacePages.registrations.error.webinarNotPublished',
          {
            title: webinar.title,
          },
        ),
      );
    await promoteRegistration(trx, clock, ctx, webinar, attendee, row.id);
    const confirmed = await countConfirmedSeats(trx, webinar.id);
    return { webinar, name: row.name, confirmed, overCapacity: webinar.capacity !== null && confirmed > webinar.capacity };
  });
}
