// Changing speakers, knowledge areas and the programme settings.
import type { Clock } from '../clock.js';
import { message } from '../i18n/message.js';
import type { Db } from '../db/connection.js';
import { isUniqueViolation } from '../db/dialect.js';
import { inTransaction } from '../db/transaction.js';
import { NotFoundError } from '../errors.js';
import { slugify } from '../validation.js';
import { toArea, toSpeaker } from './programme.mappers.js';
import { toStoredInstant } from '../time/index.js';
import {
  findAreaRowBySlug,
  findSpeakerRowBySlug,
  insertAreaRow,
  insertSpeakerRow,
  listWebinarIdsOfSpeaker,
  lockWebinarRows,
  touchWebinars,
  updateAreaRow,
  updateSpeakerRow,
  upsertProgrammeRow,
} from './programme.repository.js';
import type { Area, Speaker } from './programme.types.js';
import type { AreaInput, ProgrammeInput, SpeakerInput } from './programme-admin.validation.js';
import { getProgramme, listSpeakers } from './programme.service.js';
import { slugExists } from './webinar.repository.js';
import { deleteStoredFile } from '../materials/stored-files.js';
import { NO_PHOTO } from './speaker-photo.repository.js';
import { uniqueSlug } from './webinar.service.js';
import { insertUnderFreeSlug, slugTaken, type SluggedTable } from './slugs.js';

export async function createSpeaker(db: Db, clock: Clock, input: SpeakerInput): Promise<Speaker> {
  return inTransaction(db, async (trx) => {
    const now = toStoredInstant(clock.now());
    const insert = (slug: string) =>
      insertSpeakerRow(trx, {
        slug,
        name: input.name,
        title: input.title,
        organisation: input.organisation,
        city: input.city,
        country: input.country,
        zone: input.zone,
        bio: input.bio,
        photo_url: input.photoUrl,
        email: input.email,
        language: input.language,
        created_at: now,
        updated_at: now,
      });
    const { slug } = await insertUnderFreeSlug('speaker', input.slug, slugify(input.name) || 'speaker', insert, (base) => uniqueSlug(trx, base, 'speaker'));
    return toSpeaker((await findSpeakerRowBySlug(trx, slug))!);
  });
}

export async function updateSpeaker(db: Db, clock: Clock, slug: string, patch: Partial<SpeakerInput>): Promise<Speaker> {
  return slugRaceIsConflict(
    'speaker',
    patch.slug,
    inTransaction(db, async (trx) => {
      const found = await findSpeakerRowBySlug(trx, slug);
      if (!found) throw new NotFoundError(message('refusals.missing.speaker', { slug }));
      // The speaker's webinars before the speaker, in the order changing a webinar takes them (it
      // locks the webinar, then touches its speakers), so the two never wait for each other in a circle.
      const webinarIds = await listWebinarIdsOfSpeaker(trx, found.id);
      await lockWebinarRows(trx, { ids: webinarIds });
      const row = (await findSpeakerRowBySlug(trx, slug, { lock: true }))!;
      const at = toStoredInstant(clock.now());
      if (patch.slug && patch.slug !== slug && (await slugExists(trx, 'speaker', patch.slug))) {
        throw slugTaken('speaker', patch.slug);
      }
      // A new photo link takes the place of an uploaded photo, as an upload takes the link's.
      const linkReplacesUpload = Boolean(patch.photoUrl) && row.photo_file !== null;
      // A field the patch leaves out is undefined here, and Kysely's set() leaves such columns alone.
      await updateSpeakerRow(trx, row.id, {
        ...(linkReplacesUpload ? NO_PHOTO : {}),
        slug: patch.slug || undefined,
        name: patch.name,
        title: patch.title,
        organisation: patch.organisation,
        city: patch.city,
        country: patch.country,
        zone: patch.zone,
        bio: patch.bio,
        photo_url: patch.photoUrl,
        email: patch.email,
        language: patch.language,
        updated_at: at,
      });
      if (linkReplacesUpload) await deleteStoredFile(trx, row.photo_file!);
      await touchWebinars(trx, { ids: webinarIds }, at);
      return toSpeaker((await findSpeakerRowBySlug(trx, patch.slug || slug))!);
    }),
  );
}

export async function createArea(db: Db, input: AreaInput): Promise<Area> {
  return inTransaction(db, async (trx) => {
    const insert = (slug: string) => insertAreaRow(trx, { slug, name: input.name, description: input.description, position: input.position });
    const { slug } = await insertUnderFreeSlug('knowledge_area', input.slug, slugify(input.name) || 'area', insert, (base) =>
      uniqueSlug(trx, base, 'knowledge_area'),
    );
    return toArea((await findAreaRowBySlug(trx, slug))!);
  });
}

export async function updateArea(db: Db, clock: Clock, slug: string, input: AreaInput): Promise<Area> {
  return slugRaceIsConflict(
    'knowledge_area',
    input.slug,
    inTransaction(db, async (trx) => {
      const row = await findAreaRowBySlug(trx, slug);
      if (!row) throw new NotFoundError(message('refusals.missing.area', { slug }));
      const newSlug = input.slug || slug;
      if (newSlug !== slug && (await slugExists(trx, 'knowledge_area', newSlug))) throw slugTaken('knowledge_area', newSlug);
      await updateAreaRow(trx, row.id, { slug: newSlug, name: input.name, description: input.description, position: input.position });
      await touchWebinars(trx, { areaId: row.id }, toStoredInstant(clock.now()));
      return toArea((await findAreaRowBySlug(trx, newSlug))!);
    }),
  );
}

/** A new slug checked free and then taken by someone else before the commit: the same 409 as when it was taken before. */
async function slugRaceIsConflict<T>(table: SluggedTable, slug: string | undefined, change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (slug && isUniqueViolation(error)) throw slugTaken(table, slug);
    throw error;
  }
}

export async function updateProgrammeSettings(db: Db, clock: Clock, input: ProgrammeInput): Promise<void> {
  await upsertProgrammeRow(db, {
    title: input.title,
    tagline: input.tagline,
    description: input.description,
    organiser_name: input.organiserName,
    organiser_email: input.organiserEmail,
    default_zone: input.defaultZone,
    audience_zones: input.audienceZones.join(' '),
    updated_at: toStoredInstant(clock.now()),
  });
}

/** The audience zones the scheduling assistant assumes before anyone registers, and whether they are the default. */
export type AudienceZones = { zones: string[]; isDefault: boolean };

/**
 * The programme's audience zones as set, or by default the programme's own zone followed by its
 * speakers' zones (in the speakers' order, each once): the people a programme invites usually sit
 * where its speakers do.
 */
export async function getAudienceZones(db: Db, options: { ignoreSetting?: boolean } = {}): Promise<AudienceZones> {
  const programme = await getProgramme(db);
  if (programme.audienceZones.length > 0 && !options.ignoreSetting) return { zones: programme.audienceZones, isDefault: false };
  const speakers = await listSpeakers(db);
  return { zones: [...new Set([programme.defaultZone, ...speakers.map((s) => s.zone)])], isDefault: true };
}
