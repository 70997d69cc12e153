// SQL for the programme: settings, areas, speakers and webinars.
import type { Db } from '../db/connection.js';
import { forUpdate } from '../db/dialect.js';
import { preparedQuery } from '../db/prepared-query.js';
import type {
  KnowledgeArea,
  KnowledgeAreaUpdate,
  NewKnowledgeArea,
  NewSpeaker,
  ProgrammeRow,
  SpeakerRole,
  SpeakerRow,
  SpeakerUpdate,
  WebinarRow,
  WebinarStatus,
} from '../db/schema.js';

export async function findProgrammeRow(db: Db): Promise<ProgrammeRow | undefined> {
  return (await programmeRow(db, {})).rows[0];
}

export async function listAreaRows(db: Db): Promise<KnowledgeArea[]> {
  return (await areaRows(db, {})).rows;
}

// These, lockWebinarRows and listSpeakersOfWebinars run on every registration: prepared (see src/db/prepared-query.ts).
const programmeRow = preparedQuery((db) => db.selectFrom('programme').selectAll().where('id', '=', 1));
const areaRows = preparedQuery((db) => db.selectFrom('knowledge_area').selectAll().orderBy('position').orderBy('name'));

export async function findAreaRowBySlug(db: Db, slug: string): Promise<KnowledgeArea | undefined> {
  return db.selectFrom('knowledge_area').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listWebinarRows(db: Db, filter: { statuses: readonly WebinarStatus[]; areaId?: number; ids?: readonly number[] }): Promise<WebinarRow[]> {
  let query = db.selectFrom('webinar').selectAll().where('status', 'in', filter.statuses);
  if (filter.areaId !== undefined) query = query.where('area_id', '=', filter.areaId);
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    query = query.where('id', 'in', filter.ids);
  }
  return query.orderBy('starts_at_utc').orderBy('id').execute();
}

export async function findWebinarRowBySlug(db: Db, slug: string): Promise<WebinarRow | undefined> {
  return db.selectFrom('webinar').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/**
 * Locks webinar rows until the transaction ends, in id order so that two transactions locking
 * the same webinars cannot deadlock. Seats, the waiting list, materials' order and the calendar
 * sequence of a webinar are decided only while holding its row.
 */
export async function lockWebinarRows(db: Db, filter: { ids?: readonly number[]; slugs?: readonly string[] }): Promise<WebinarRow[]> {
  const ids = filter.ids ?? [];
  const slugs = filter.slugs ?? [];
  if (ids.length === 0 && slugs.length === 0) return [];
  return (await lockWebinarsWith(db, { ids: ids.length > 0 ? ids : undefined, slugs: slugs.length > 0 ? slugs : undefined })).rows;
}

/** The SQL depends on which lists are given and their lengths, which prepared queries allow for. */
const lockWebinarsWith = preparedQuery((db, { ids, slugs }: { ids?: readonly number[]; slugs?: readonly string[] }) =>
  forUpdate(
    db,
    db
      .selectFrom('webinar')
      .selectAll()
      .where((eb) => eb.or([...(ids ? [eb('id', 'in', ids)] : []), ...(slugs ? [eb('slug', 'in', slugs)] : [])]))
      .orderBy('id'),
  ),
);

export async function listSpeakersOfWebinars(db: Db, webinarIds: readonly number[]): Promise<Array<SpeakerRow & { webinar_id: number; role: SpeakerRole }>> {
  if (webinarIds.length === 0) return [];
  return (await speakersOfWebinars(db, { webinarIds })).rows;
}

const speakersOfWebinars = preparedQuery((db, { webinarIds }: { webinarIds: readonly number[] }) =>
  db
    .selectFrom('webinar_speaker')
    .innerJoin('speaker', 'speaker.id', 'webinar_speaker.speaker_id')
    .selectAll('speaker')
    .select(['webinar_speaker.webinar_id', 'webinar_speaker.role'])
    .where('webinar_speaker.webinar_id', 'in', webinarIds)
    .orderBy('webinar_speaker.position')
    .orderBy('speaker.name'),
);

export async function findSpeakerRowBySlug(db: Db, slug: string, options: { lock?: boolean } = {}): Promise<SpeakerRow | undefined> {
  const query = db.selectFrom('speaker').selectAll().where('slug', '=', slug);
  return (options.lock ? forUpdate(db, query) : query).executeTakeFirst();
}

/** The speakers' private-page tokens (null: no link sent), for their invitations. */
export async function listSpeakerTokens(db: Db, ids: number[]): Promise<Map<number, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('speaker').select(['id', 'token']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.token]));
}

export async function listSpeakerRows(db: Db): Promise<SpeakerRow[]> {
  return db.selectFrom('speaker').selectAll().orderBy('name').execute();
}

export async function listWebinarIdsOfSpeaker(db: Db, speakerId: number): Promise<number[]> {
  const rows = await db.selectFrom('webinar_speaker').select('webinar_id').where('speaker_id', '=', speakerId).execute();
  return rows.map((row) => row.webinar_id);
}

/** The new speaker's id, or undefined when the slug is taken. */
export async function insertSpeakerRow(db: Db, speaker: NewSpeaker): Promise<number | undefined> {
  const row = await db
    .insertInto('speaker')
    .values(speaker)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateSpeakerRow(db: Db, id: number, update: SpeakerUpdate): Promise<void> {
  await db.updateTable('speaker').set(update).where('id', '=', id).execute();
}

export async function updateAreaRow(db: Db, id: number, update: KnowledgeAreaUpdate): Promise<void> {
  await db.updateTable('knowledge_area').set(update).where('id', '=', id).execute();
}

/**
 * Marks webinars as changed without touching what they say: their calendar events show a
 * speaker's city and the area's name, so a change to those must move DTSTAMP, LAST-MODIFIED and
 * the feeds' Last-Modified, or clients that poll with If-Modified-Since keep the old text.
 */
export async function touchWebinars(db: Db, which: { ids: number[] } | { areaId: number }, at: string): Promise<void> {
  let query = db.updateTable('webinar').set({ updated_at: at });
  if ('ids' in which) {
    if (which.ids.length === 0) return;
    query = query.where('id', 'in', which.ids);
  } else {
    query = query.where('area_id', '=', which.areaId);
  }
  await query.execute();
}

/** Marks speakers as changed, so that their feeds' Last-Modified moves when a webinar leaves them. */
export async function touchSpeakers(db: Db, ids: number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('speaker').set({ updated_at: at }).where('id', 'in', ids).execute();
}

/** The new area's id, or undefined when the slug is taken. */
export async function insertAreaRow(db: Db, area: NewKnowledgeArea): Promise<number | undefined> {
  const row = await db
    .insertInto('knowledge_area')
    .values(area)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function upsertProgrammeRow(db: Db, programme: Omit<ProgrammeRow, 'id'>): Promise<void> {
  await db
    .insertInto('programme')
    .values({ id: 1, ...programme })
    .onConflict((oc) => oc.column('id').doUpdateSet(programme))
    .execute();
}

/** The newest change to any webinar, whatever its status. */
/** When each webinar starts, how long it lasts and when its registration closes: what time changes on a page. */
export async function listWebinarTimes(
  db: Db,
): Promise<Array<{ starts_at_utc: string; duration_minutes: number; registration_closes_minutes_before: number }>> {
  return db.selectFrom('webinar').select(['starts_at_utc', 'duration_minutes', 'registration_closes_minutes_before']).execute();
}

/** The webinars' ids and times in start order: enough to split and page them before loading any in full. */
export async function listWebinarTimesInOrder(db: Db, filter: { statuses: readonly WebinarStatus[]; areaId?: number }) {
  let query = db.selectFrom('webinar').select(['id', 'starts_at_utc', 'duration_minutes']).where('status', 'in', filter.statuses);
  if (filter.areaId !== undefined) query = query.where('area_id', '=', filter.areaId);
  return query.orderBy('starts_at_utc').orderBy('id').execute();
}

export async function latestWebinarChange(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('webinar')
    .select((eb) => eb.fn.max('updated_at').as('latest'))
    .executeTakeFirst();
  return row?.latest ?? undefined;
}
