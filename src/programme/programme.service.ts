// Reading the programme: what is public, in which order, and what is upcoming or past; and the few
// facts about webinars and speakers that other features keep or move (speaker links, change times).
import type { DateTime } from 'luxon';
import { message } from '../i18n/message.js';
import type { Db } from '../db/connection.js';
import type { WebinarRow, WebinarStatus } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { Language } from '../i18n/languages.js';
import { toStoredInstant, utc } from '../time/index.js';
import { knownWebinar } from './known-webinars.js';
import { toArea, toProgramme, toSpeaker } from './programme.mappers.js';
import {
  findAreaRowBySlug,
  findProgrammeRow,
  findSpeakerRowBySlug,
  findWebinarRowBySlug,
  latestWebinarChange,
  listAreaRows,
  listSpeakerRows,
  listSpeakersOfWebinars,
  listSpeakerTokens,
  listWebinarIdsOfSpeaker,
  listWebinarRows,
  listWebinarTimes,
  listWebinarTimesInOrder,
  lockWebinarRows,
  touchWebinars,
  updateSpeakerRow,
} from './programme.repository.js';
import type { Area, Programme, Speaker, Webinar } from './programme.types.js';

/** Cancelled webinars stay visible (marked) so that nobody waits for a session that will not happen. */
export const PUBLIC_STATUSES: readonly WebinarStatus[] = ['published', 'cancelled'];
export const ALL_STATUSES: readonly WebinarStatus[] = ['draft', 'published', 'cancelled'];

export async function getProgramme(db: Db): Promise<Programme> {
  const programme = await findProgramme(db);
  if (!programme) throw new Error('The programme settings row is missing: the database was not seeded.');
  return programme;
}

/** The programme settings, or undefined in a database that has not been seeded yet. */
export async function findProgramme(db: Db): Promise<Programme | undefined> {
  const row = await findProgrammeRow(db);
  return row && toProgramme(row);
}

export async function listAreas(db: Db): Promise<Area[]> {
  return (await listAreaRows(db)).map(toArea);
}

export async function listSpeakers(db: Db): Promise<Speaker[]> {
  return (await listSpeakerRows(db)).map(toSpeaker);
}

export async function getAreaBySlug(db: Db, slug: string): Promise<Area> {
  const row = await findAreaRowBySlug(db, slug);
  if (!row) throw new NotFoundError(message('refusals.missing.area', { slug }));
  return toArea(row);
}

export async function listWebinars(db: Db, filter: { statuses?: readonly WebinarStatus[]; areaId?: number; ids?: readonly number[] } = {}): Promise<Webinar[]> {
  return toWebinars(db, await listWebinarRows(db, { statuses: filter.statuses ?? PUBLIC_STATUSES, areaId: filter.areaId, ids: filter.ids }));
}

/** Webinars with their areas and speakers: two queries for any number of rows. */
async function toWebinars(db: Db, rows: readonly WebinarRow[]): Promise<Webinar[]> {
  if (rows.length === 0) return [];
  const areas = new Map((await listAreas(db)).map((area) => [area.id, area]));
  const speakersOf = new Map<number, Awaited<ReturnType<typeof listSpeakersOfWebinars>>>();
  for (const speaker of await listSpeakersOfWebinars(
    db,
    rows.map((row) => row.id),
  )) {
    const list = speakersOf.get(speaker.webinar_id);
    if (list) list.push(speaker);
    else speakersOf.set(speaker.webinar_id, [speaker]);
  }
  return rows.map((row) => knownWebinar(row, row.area_id === null ? null : (areas.get(row.area_id) ?? null), speakersOf.get(row.id) ?? []));
}

export async function findWebinarBySlug(db: Db, slug: string, statuses: readonly WebinarStatus[] = PUBLIC_STATUSES): Promise<Webinar | undefined> {
  const row = await findWebinarRowBySlug(db, slug);
  if (!row || !statuses.includes(row.status)) return undefined;
  const [webinar] = await listWebinars(db, { statuses, ids: [row.id] });
  return webinar;
}

export async function getWebinarBySlug(db: Db, slug: string, statuses: readonly WebinarStatus[] = PUBLIC_STATUSES): Promise<Webinar> {
  const webinar = await findWebinarBySlug(db, slug, statuses);
  if (!webinar) throw new NotFoundError(message('refusals.missing.webinar', { slug }));
  return webinar;
}

/**
 * Locks the webinars (by id or slug) for the rest of the caller's transaction: whoever decides on
 * a webinar's seats, waiting list, materials or calendar sequence calls this first, so that two
 * instances deciding at once take turns. Unknown ids and slugs lock nothing. Returns what seats
 * depend on, as it is now.
 */
export async function lockWebinars(
  trx: Db,
  filter: { ids?: readonly number[]; slugs?: readonly string[] },
): Promise<Array<{ id: number; status: WebinarStatus; capacity: number | null; startsAtUtc: string }>> {
  return (await lockWebinarRows(trx, filter)).map((row) => ({ id: row.id, status: row.status, capacity: row.capacity, startsAtUtc: row.starts_at_utc }));
}

/**
 * Locks the public webinars with these slugs (see lockWebinars) and returns them in full, in the
 * order of `slugs`; a slug that is unknown or not public is a NotFoundError. One query fewer than
 * locking and then reading each: a registration does this on every request.
 */
export async function lockPublicWebinarsBySlug(trx: Db, slugs: readonly string[]): Promise<Webinar[]> {
  const rows = (await lockWebinarRows(trx, { slugs })).filter((row) => PUBLIC_STATUSES.includes(row.status));
  const bySlug = new Map((await toWebinars(trx, rows)).map((webinar) => [webinar.slug, webinar]));
  return slugs.map((slug) => {
    const webinar = bySlug.get(slug);
    if (!webinar) throw new NotFoundError(message('refusals.missing.webinar', { slug }));
    return webinar;
  });
}

export async function getSpeakerBySlug(db: Db, slug: string): Promise<Speaker> {
  const row = await findSpeakerRowBySlug(db, slug);
  if (!row) throw new NotFoundError(message('refusals.missing.speaker', { slug }));
  return toSpeaker(row);
}

/**
 * The speaker with their private-page token (null: no link yet), which the speakers feature keeps
 * on the speaker's row. `lock` holds the row for the rest of the caller's transaction.
 */
export async function findSpeakerWithToken(db: Db, slug: string, options: { lock?: boolean } = {}): Promise<(Speaker & { token: string | null }) | undefined> {
  const row = await findSpeakerRowBySlug(db, slug, options);
  return row && { ...toSpeaker(row), token: row.token };
}

/** Stores a speaker's private-page token and its lookup hash, or removes both (null). */
export async function setSpeakerToken(db: Db, speakerId: number, token: { token: string; lookup: string } | null, at: DateTime): Promise<void> {
  await updateSpeakerRow(db, speakerId, { token: token?.token ?? null, token_lookup: token?.lookup ?? null, updated_at: toStoredInstant(at) });
}

/** The zone a speaker chose on their private page. */
export async function setSpeakerZone(db: Db, speakerId: number, zone: string, at: DateTime): Promise<void> {
  await updateSpeakerRow(db, speakerId, { zone, updated_at: toStoredInstant(at) });
}

/** The language of a speaker's emails, invites and feed; `updatedAt` moves too, so that the feed's does. */
export async function setSpeakerLanguage(db: Db, speakerId: number, language: Language, at: DateTime): Promise<void> {
  await updateSpeakerRow(db, speakerId, { language, updated_at: toStoredInstant(at) });
}

/** The speakers' private-page tokens by id (null: no link sent), for their invitations. */
export async function speakerTokensOf(db: Db, speakerIds: number[]): Promise<Map<number, string | null>> {
  return listSpeakerTokens(db, speakerIds);
}

export async function listWebinarsOfSpeaker(db: Db, speakerId: number, statuses: readonly WebinarStatus[] = PUBLIC_STATUSES): Promise<Webinar[]> {
  return listWebinars(db, { statuses, ids: await listWebinarIdsOfSpeaker(db, speakerId) });
}

export type WebinarPage = { webinars: Webinar[]; total: number };

/**
 * One page of the upcoming webinars (a session under way included) in start order, or of the past
 * ones most recent first: only the webinars on the page are loaded in full, so a programme of a
 * thousand webinars costs what its first page shows.
 */
export async function pageOfWebinars(
  db: Db,
  options: { now: DateTime; when: 'upcoming' | 'past'; offset: number; limit: number; areaId?: number },
): Promise<WebinarPage> {
  const now = options.now.toMillis();
  const times = await listWebinarTimesInOrder(db, { statuses: PUBLIC_STATUSES, areaId: options.areaId });
  const ended = (row: (typeof times)[number]) => Date.parse(row.starts_at_utc) + row.duration_minutes * 60_000 <= now;
  const matching = options.when === 'upcoming' ? times.filter((row) => !ended(row)) : times.filter(ended).reverse();
  const ids = matching.slice(options.offset, options.offset + options.limit).map((row) => row.id);
  const byId = new Map((await listWebinars(db, { ids })).map((webinar) => [webinar.id, webinar]));
  return { webinars: ids.map((id) => byId.get(id)).filter((webinar) => webinar !== undefined), total: matching.length };
}

/** Upcoming (including a session under way) in start order, then past ones, most recent first. */
export function splitByTime(webinars: readonly Webinar[], now: DateTime): { upcoming: Webinar[]; past: Webinar[] } {
  const upcoming = webinars.filter((webinar) => webinar.endsAt > now);
  const past = webinars.filter((webinar) => webinar.endsAt <= now).reverse();
  return { upcoming, past };
}

export function isLive(webinar: Webinar, now: DateTime): boolean {
  return webinar.startsAt <= now && now < webinar.endsAt && webinar.status === 'published';
}

/**
 * Marks webinars as changed without changing what they say (materials added or removed, say), so
 * that their feeds' Last-Modified and ETag move.
 */
export async function markWebinarsChanged(db: Db, webinarIds: number[], at: DateTime): Promise<void> {
  await touchWebinars(db, { ids: webinarIds }, toStoredInstant(at));
}

/** The newest change to any webinar, whatever its status; undefined while there are none. */
export async function lastWebinarChange(db: Db): Promise<DateTime | undefined> {
  const newest = await latestWebinarChange(db);
  return newest === undefined ? undefined : utc(newest);
}

/** Whether the webinar is on the public programme (published or cancelled): one row, no speakers. */
export async function isPublicWebinar(db: Db, webinarId: number): Promise<boolean> {
  return (await listWebinarRows(db, { statuses: PUBLIC_STATUSES, ids: [webinarId] })).length > 0;
}

/**
 * Every moment (epoch ms, ascending) at which a page changes with no change to the data: a
 * webinar's registration closing, its start (it goes live) and its end (it moves to the past).
 */
export async function listWebinarMoments(db: Db): Promise<number[]> {
  const moments = new Set<number>();
  for (const row of await listWebinarTimes(db)) {
    const start = Date.parse(row.starts_at_utc);
    moments.add(start - row.registration_closes_minutes_before * 60_000);
    moments.add(start);
    moments.add(start + row.duration_minutes * 60_000);
  }
  return [...moments].sort((a, b) => a - b);
}
