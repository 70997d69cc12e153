// Materials of a webinar: publishing links and files, removing them, who may fetch a file, and
// announcing them to everyone registered, one gathered email per person and batch. Every change moves the webinar's updated_at so that
// feeds (Last-Modified, ETag) pick it up; the SEQUENCE stays, as the event itself did not move.
import type { Clock } from '../clock.js';
import { message } from '../i18n/message.js';
import type { Db } from '../db/connection.js';
import type { MaterialRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { NotFoundError, type Validated } from '../errors.js';
import type { DateTime } from 'luxon';
import { deleteUnsentEmail, enqueueEmail, lockUnsentEmails, outboxTimestamp, replaceUnsentEmail } from '../mail/outbox.service.js';
import { toStoredInstant, utc } from '../time/index.js';
import { ALL_STATUSES, getWebinarBySlug, isPublicWebinar, listWebinars, lockWebinars, markWebinarsChanged } from '../programme/programme.service.js';
import { emailContext } from '../registration/registration.emails.js';
import type { Webinar } from '../programme/programme.types.js';
import { findAttendeeByToken, hasConfirmedSeat, listAttendeesOfWebinar } from '../registration/registration.service.js';
import { deleteFileChunks, hasFileChunks } from './file-chunk.repository.js';
import { MATERIALS_EMAIL_KIND, materialsAvailableEmail, parseMaterialsKey } from './material.emails.js';
import {
  deleteMaterialRow,
  findMaterialRow,
  insertMaterialRow,
  listMaterialsEmailKeys,
  listMaterialRows,
  listUnsentAnnouncements,
  nextMaterialPosition,
  updateMaterialRow,
} from './material.repository.js';
import type { Material } from './material.types.js';
import type { MaterialEdit, MaterialInput } from './material.validation.js';
import { contentSize, discardStoredFile, newStoredName, stageFile, storedFileStream, type ByteRange } from './stored-files.js';

export type MaterialDeps = {
  db: Db;
  clock: Clock;
  baseUrl: string;
};

export function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    webinarId: row.webinar_id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    file:
      row.file_name === null
        ? null
        : {
            storedName: row.file_name,
            originalName: row.original_name ?? '',
            contentType: row.content_type ?? 'application/octet-stream',
            sizeBytes: row.size_bytes ?? 0,
            extension: row.file_name.slice(row.file_name.lastIndexOf('.') + 1),
          },
    visibility: row.visibility,
    position: row.position,
    createdAt: utc(row.created_at),
    updatedAt: utc(row.updated_at),
  };
}

/** Coordinators add materials to webinars in any status, drafts included. */
export async function getWebinarForMaterials(db: Db, slug: string): Promise<Webinar> {
  return getWebinarBySlug(db, slug, ALL_STATUSES);
}

export async function listMaterials(db: Db, webinarId: number): Promise<Material[]> {
  return (await listMaterialRows(db, [webinarId], { publicOnly: false })).map(toMaterial);
}

export async function listMaterialsOfWebinars(db: Db, webinarIds: readonly number[], options: { publicOnly?: boolean } = {}): Promise<Map<number, Material[]>> {
  const byWebinar = new Map<number, Material[]>();
  for (const row of await listMaterialRows(db, webinarIds, { publicOnly: options.publicOnly ?? false })) {
    byWebinar.set(row.webinar_id, [...(byWebinar.get(row.webinar_id) ?? []), toMaterial(row)]);
  }
  return byWebinar;
}

/** Past published webinars with public materials, most recent first, for /recordings. */
export async function listPublishedRecordings(deps: Pick<MaterialDeps, 'db' | 'clock'>): Promise<Array<{ webinar: Webinar; materials: Material[] }>> {
  const now = deps.clock.now();
  const past = (await listWebinars(deps.db, { statuses: ['published'] })).filter((w) => w.endsAt <= now).reverse();
  const materials = await listMaterialsOfWebinars(
    deps.db,
    past.map((w) => w.id),
    { publicOnly: true },
  );
  return past.filter((w) => materials.has(w.id)).map((webinar) => ({ webinar, materials: materials.get(webinar.id)! }));
}

/**
 * Publishing a recording of a webinar that is over tells everyone registered. Before the end there
 * is no recording to watch yet (a link added during the session is the live stream; a coordinator
 * can still announce by hand), and drafts and cancelled webinars have nobody to tell.
 */
function announcesRecording(webinar: Webinar, input: MaterialInput, clock: Clock): boolean {
  return input.kind === 'recording' && webinar.status === 'published' && clock.now() >= webinar.endsAt;
}

/**
 * How long a recording's announcement waits before it goes out. Coordinators publish a recording
 * and then, within minutes, the slides and a link or two: each attendee should get one email
 * listing all of it, not one per upload. Ten minutes covers an upload session and still reads as
 * news; the "Email registered attendees" button sends it at once.
 */
export const ANNOUNCEMENT_GATHER_MINUTES = 10;

/** Adds a material; `announced` is how many "now available" emails a recording queued. */
export async function addMaterial(deps: MaterialDeps, webinarSlug: string, input: MaterialInput): Promise<{ material: Material; announced: number }> {
  const webinar = await getWebinarForMaterials(deps.db, webinarSlug);
  const storedName = input.upload ? newStoredName(input.upload.type.extension, deps.clock.now().toJSDate()) : null;
  // The file's pieces go first, a few per transaction and under a name nobody knows yet, so that
  // neither the webinar nor the database's write lock is held while up to 2 GB is written; they
  // are removed again if the row cannot be written (see stageFile).
  if (input.upload && storedName) await stageFile(deps.db, storedName, input.upload);
  try {
    return await addMaterialRow(deps, webinar, input, storedName);
  } catch (error) {
    if (storedName) await discardStoredFile(deps.db, storedName);
    throw error;
  }
}

async function addMaterialRow(deps: MaterialDeps, webinar: Webinar, input: MaterialInput, storedName: string | null) {
  const webinarSlug = webinar.slug;
  return inTransaction(deps.db, async (trx) => {
    // Two instances adding materials at once would read the same last position, and the unique
    // (webinar_id, position) index would refuse the second: the lock makes them take turns.
    if ((await lockWebinars(trx, { ids: [webinar.id] })).length === 0) throw new NotFoundError(message('refusals.missing.webinar', { slug: webinarSlug }));
    const now = deps.clock.now();
    const at = toStoredInstant(now);
    const row = await insertMaterialRow(trx, {
      webinar_id: webinar.id,
      kind: input.kind,
      title: input.title,
      url: input.upload ? null : input.url,
      file_name: storedName,
      original_name: input.upload?.originalName ?? null,
      content_type: input.upload?.type.contentType ?? null,
      size_bytes: input.upload ? contentSize(input.upload) : null,
      visibility: input.visibility,
      position: await nextMaterialPosition(trx, webinar.id),
      created_at: at,
      updated_at: at,
    });
    await markWebinarsChanged(trx, [webinar.id], now);
    // A recording starts an announcement; anything else joins one still gathering, if any.
    const announced = await announceMaterials(trx, deps, webinar, announcesRecording(webinar, input, deps.clock) ? 'recording' : 'join');
    return { material: toMaterial(row), announced };
  });
}

/** A material of the webinar; a material of another webinar is as unknown as a missing one. */
export async function getMaterialOfWebinar(db: Db, webinarSlug: string, materialId: number): Promise<{ webinar: Webinar; material: Material }> {
  const webinar = await getWebinarForMaterials(db, webinarSlug);
  const row = await findMaterialRow(db, materialId);
  if (!row || row.webinar_id !== webinar.id) throw noSuchMaterial(materialId, webinar);
  return { webinar, material: toMaterial(row) };
}

function noSuchMaterial(materialId: number, webinar: Webinar): NotFoundError {
  return new NotFoundError(message('materials.error.noMaterial', { id: String(materialId), title: webinar.title }));
}

/**
 * Changes a material's title, visibility or (for a link) address in place. The row's update moves
 * the data version, so cached public pages and feeds show the change at once. Nobody is emailed:
 * an announcement is the coordinator's decision ("Email registered attendees"), and making a
 * material public or private is not news that justifies another email. `validate` checks the
 * edit against the material as it is once locked (validateMaterialEdit, in the caller's language).
 */
export async function editMaterial(
  deps: MaterialDeps,
  webinarSlug: string,
  materialId: number,
  validate: (current: Material) => Validated<MaterialEdit>,
): Promise<Validated<Material>> {
  return inTransaction(deps.db, async (trx) => {
    // The webinar's row is locked before the material is read, as adding does: two edits at once
    // (one sending the title, the other the visibility) take turns, and neither undoes the other.
    // An unknown slug locks nothing and is refused just below.
    await lockWebinars(trx, { slugs: [webinarSlug] });
    const { webinar, material } = await getMaterialOfWebinar(trx, webinarSlug, materialId);
    const validated = validate(material);
    if (!validated.ok) return validated;
    const now = deps.clock.now();
    const row = await updateMaterialRow(trx, material.id, { ...validated.value, updated_at: toStoredInstant(now) });
    await markWebinarsChanged(trx, [webinar.id], now);
    return { ok: true, value: toMaterial(row) };
  });
}

export async function deleteMaterial(deps: MaterialDeps, webinarSlug: string, materialId: number): Promise<Material> {
  return inTransaction(deps.db, async (trx) => {
    const webinar = await getWebinarForMaterials(trx, webinarSlug);
    // Taken in turns with adding and announcing, so that no announcement is written from a list
    // that still holds the material being removed.
    await lockWebinars(trx, { ids: [webinar.id] });
    const row = await findMaterialRow(trx, materialId);
    if (!row || row.webinar_id !== webinar.id) throw noSuchMaterial(materialId, webinar);
    await deleteMaterialRow(trx, row.id);
    if (row.file_name) await deleteFileChunks(trx, row.file_name);
    await markWebinarsChanged(trx, [webinar.id], deps.clock.now());
    // An announcement still gathering must not offer what is gone.
    await announceMaterials(trx, deps, webinar, 'join');
    return toMaterial(row);
  });
}

export type ServedFile = {
  material: Material & { file: NonNullable<Material['file']> };
  /** The file's bytes (or a range of them), read from the database piece by piece as the response is sent. */
  open: (range?: ByteRange) => ReadableStream<Uint8Array>;
};

/** A public file of a public webinar; anything else looks as if it did not exist. */
export async function getPublicFile(deps: MaterialDeps, materialId: number): Promise<ServedFile> {
  const served = await servedFile(deps, materialId);
  if (served?.material.visibility !== 'public') throw noSuchFile();
  return served;
}

/** Any file of a webinar the token's attendee has a confirmed seat for. */
export async function getAttendeeFile(deps: MaterialDeps, token: string, materialId: number): Promise<ServedFile> {
  const attendee = await findAttendeeByToken(deps.db, token);
  const served = attendee ? await servedFile(deps, materialId) : undefined;
  if (!attendee || !served) throw noSuchFile();
  if (!(await hasConfirmedSeat(deps.db, served.material.webinarId, attendee.id))) throw noSuchFile();
  return served;
}

async function servedFile(deps: MaterialDeps, materialId: number): Promise<ServedFile | undefined> {
  const row = await findMaterialRow(deps.db, materialId);
  const fileName = row?.file_name;
  if (!row || !fileName) return undefined;
  // Only whether the webinar is public matters here, not the whole webinar with speakers. A file
  // without pieces (an uploads folder that was never imported) is as missing as no file.
  const [isPublic, stored] = await Promise.all([isPublicWebinar(deps.db, row.webinar_id), hasFileChunks(deps.db, fileName)]);
  if (!isPublic || !stored) return undefined;
  const material = toMaterial(row) as ServedFile['material'];
  return { material, open: (range) => storedFileStream(deps.db, fileName, material.file.sizeBytes, range) };
}

function noSuchFile(): NotFoundError {
  return new NotFoundError(message('materials.error.noSuchFile'));
}

/**
 * The "Email registered attendees" button: sends the announcement still gathering now, and
 * announces what nobody was told about yet to whoever has not heard of it. Never a second email
 * about the same materials. Returns how many emails go out now that would not have otherwise.
 */
export async function notifyAttendees(deps: MaterialDeps, webinarSlug: string): Promise<number> {
  return inTransaction(deps.db, async (trx) => {
    const webinar = await getWebinarForMaterials(trx, webinarSlug);
    // Two coordinators (or instances) pressing at once take turns, and the second finds all told.
    if ((await lockWebinars(trx, { ids: [webinar.id] })).length === 0) throw new NotFoundError(message('refusals.missing.webinar', { slug: webinarSlug }));
    return announceMaterials(trx, deps, webinar, 'now');
  });
}

/**
 * - 'recording': a recording was published: everyone registered who never had a recording
 *   announced gets an announcement that gathers for ANNOUNCEMENT_GATHER_MINUTES;
 * - 'join': materials changed: announcements still gathering list what is new now, nobody else is told;
 * - 'now': the button: gathering announcements are due now, and what is new to anyone is announced now.
 */
type AnnounceMode = 'recording' | 'join' | 'now';

/**
 * Writes the "now available" emails in the caller's transaction (which holds the webinar's lock)
 * to everyone registered: the confirmed attendees, and those still waiting, who never had a seat
 * and want the recording most. Each lists only what that person can open (attendees-only material
 * needs a confirmed seat) and was not told about by an email that went out. An attendee has at
 * most one unsent announcement, rewritten in place while no worker has claimed it: materials added
 * while it gathers join it, so nobody gets two emails about the same things. Returns how many
 * emails were queued, or for 'now' brought forward.
 */
async function announceMaterials(trx: Db, deps: MaterialDeps, webinar: Webinar, mode: AnnounceMode): Promise<number> {
  // Locked first, then what went out is read: a worker's claim either came before (the message
  // counts as told) or waits until this transaction is over.
  const unsent = new Map<number, { id: number; dueAt: string; recording: boolean }>();
  for (const row of await lockUnsentEmails(trx, webinar.id, MATERIALS_EMAIL_KIND)) {
    if (row.attendee_id === null) continue;
    // A second unsent one per person (queued before announcements gathered) is merged into the
    // first: dropped before the first is rewritten, which might otherwise take its dedupe key.
    if (unsent.has(row.attendee_id)) await deleteUnsentEmail(trx, row.id);
    else unsent.set(row.attendee_id, { id: row.id, dueAt: row.next_attempt_at, recording: parseMaterialsKey(row.dedupe_key ?? '')?.recording ?? false });
  }
  if (mode === 'join' && unsent.size === 0) return 0;
  const materials = await listMaterials(trx, webinar.id);
  const publicOnes = materials.filter((m) => m.visibility === 'public');
  const recipients = [
    ...(await listAttendeesOfWebinar(trx, webinar.id, 'confirmed')).map((attendee) => ({ attendee, visible: materials })),
    ...(await listAttendeesOfWebinar(trx, webinar.id, 'waitlisted')).map((attendee) => ({ attendee, visible: publicOnes })),
  ];
  const earlier = await listMaterialsEmailKeys(trx, webinar.id);
  const ctx = await emailContext(trx, deps.baseUrl, deps.clock);
  const now = deps.clock.now();
  const nowStamp = outboxTimestamp(now);
  const notBefore = mode === 'now' ? now : now.plus({ minutes: ANNOUNCEMENT_GATHER_MINUTES });
  let queued = 0;
  for (const { attendee, visible } of recipients) {
    const keys = (earlier.get(attendee.attendeeId) ?? []).map(parseMaterialsKey).filter((key) => key !== undefined);
    const told = new Set(keys.flatMap((key) => [...key.told]));
    const fresh = visible.filter((m) => !told.has(m.id));
    const pending = unsent.get(attendee.attendeeId);
    unsent.delete(attendee.attendeeId);
    if (pending) {
      if (fresh.length === 0) {
        await deleteUnsentEmail(trx, pending.id);
        continue;
      }
      const bringForward = mode === 'now' && pending.dueAt > nowStamp;
      const email = materialsAvailableEmail(ctx, webinar, fresh, attendee, pending.recording ? 'recording' : 'requested');
      if ((await replaceUnsentEmail(trx, deps.clock, pending.id, { ...email, notBefore: bringForward ? now : null })) && bringForward) queued++;
      continue;
    }
    if (mode === 'join' || fresh.length === 0) continue;
    // The recording is announced by itself once per person; a second one (another part) is the button's.
    if (mode === 'recording' && (keys.some((key) => key.recording) || !fresh.some((m) => m.kind === 'recording'))) continue;
    const reason = mode === 'recording' ? 'recording' : 'requested';
    if (await enqueueEmail(trx, deps.clock, { ...materialsAvailableEmail(ctx, webinar, fresh, attendee, reason), notBefore })) queued++;
  }
  // Whoever is no longer registered (cancelled, removed) is not told.
  for (const pending of unsent.values()) await deleteUnsentEmail(trx, pending.id);
  return queued;
}

/** The announcement still gathering, as the workspace shows it: when it goes, to how many, about what. */
export type PendingAnnouncement = { dueAt: DateTime; recipients: number; materials: Material[] };

export async function findPendingAnnouncement(db: Db, webinarId: number): Promise<PendingAnnouncement | null> {
  const rows = await listUnsentAnnouncements(db, webinarId);
  if (rows.length === 0) return null;
  const listed = new Set(rows.flatMap((row) => [...(parseMaterialsKey(row.dedupe_key ?? '')?.told ?? [])]));
  return {
    dueAt: utc(rows.map((row) => row.next_attempt_at).sort()[0]!),
    recipients: new Set(rows.map((row) => row.attendee_id)).size,
    materials: (await listMaterials(db, webinarId)).filter((m) => listed.has(m.id)),
  };
}
