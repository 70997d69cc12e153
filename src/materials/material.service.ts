// Materials of a webinar: publishing links and files, removing them, who may fetch a file, and
// announcing them to confirmed attendees once. Every change moves the webinar's updated_at so that
// feeds (Last-Modified, ETag) pick it up; the SEQUENCE stays, as the event itself did not move.
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { MaterialRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { NotFoundError, type Validated } from '../errors.js';
import { enqueueEmail } from '../mail/outbox.service.js';
import { toStoredInstant, utc } from '../time/index.js';
import { ALL_STATUSES, getWebinarBySlug, isPublicWebinar, listWebinars, lockWebinars, markWebinarsChanged } from '../programme/programme.service.js';
import { emailContext } from '../registration/registration.emails.js';
import type { Webinar } from '../programme/programme.types.js';
import { findAttendeeByToken, hasConfirmedSeat, listAttendeesOfWebinar } from '../registration/registration.service.js';
import { deleteFileChunks, hasFileChunks } from './file-chunk.repository.js';
import { materialsAvailableEmail, parseMaterialsKey, type AnnouncementReason } from './material.emails.js';
import {
  deleteMaterialRow,
  findMaterialRow,
  insertMaterialRow,
  listMaterialsEmailKeys,
  listMaterialRows,
  nextMaterialPosition,
  updateMaterialRow,
} from './material.repository.js';
import type { Material } from './material.types.js';
import { validateMaterialEdit, type MaterialInput } from './material.validation.js';
import type { Input } from '../validation.js';
import { contentSize, newStoredName, storeFile, storedFileStream } from './stored-files.js';

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
 * Publishing a recording of a webinar that is over tells everyone registered, in the same
 * transaction as the material. Before the end there is no recording to watch yet (a link added
 * during the session is the live stream; a coordinator can still announce by hand), and drafts
 * and cancelled webinars have nobody to tell.
 */
function announcesRecording(webinar: Webinar, input: MaterialInput, clock: Clock): boolean {
  return input.kind === 'recording' && webinar.status === 'published' && clock.now() >= webinar.endsAt;
}

/** Adds a material; `announced` is how many "now available" emails a recording queued. */
export async function addMaterial(deps: MaterialDeps, webinarSlug: string, input: MaterialInput): Promise<{ material: Material; announced: number }> {
  const webinar = await getWebinarForMaterials(deps.db, webinarSlug);
  const storedName = input.upload ? newStoredName(input.upload.type.extension) : null;
  return inTransaction(deps.db, async (trx) => {
    // The file's pieces and its row commit together, or neither does. The pieces go first, under a
    // name nobody else knows yet, so that the webinar stays unlocked while up to 50 MB is written.
    if (input.upload && storedName) await storeFile(trx, storedName, input.upload);
    // Two instances adding materials at once would read the same last position, and the unique
    // (webinar_id, position) index would refuse the second: the lock makes them take turns.
    if ((await lockWebinars(trx, { ids: [webinar.id] })).length === 0) throw new NotFoundError(`There is no webinar called "${webinarSlug}".`);
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
    const announced = announcesRecording(webinar, input, deps.clock) ? await announceMaterials(trx, deps, webinar, 'recording') : 0;
    return { material: toMaterial(row), announced };
  });
}

/** A material of the webinar; a material of another webinar is as unknown as a missing one. */
export async function getMaterialOfWebinar(db: Db, webinarSlug: string, materialId: number): Promise<{ webinar: Webinar; material: Material }> {
  const webinar = await getWebinarForMaterials(db, webinarSlug);
  const row = await findMaterialRow(db, materialId);
  if (!row || row.webinar_id !== webinar.id) throw new NotFoundError(`There is no material number ${materialId} on “${webinar.title}”.`);
  return { webinar, material: toMaterial(row) };
}

/**
 * Changes a material's title, visibility or (for a link) address in place. The row's update moves
 * the data version, so cached public pages and feeds show the change at once. Nobody is emailed:
 * an announcement is the coordinator's decision ("Email registered attendees"), and making a
 * material public or private is not news that justifies another email.
 */
export async function editMaterial(deps: MaterialDeps, webinarSlug: string, materialId: number, input: Input): Promise<Validated<Material>> {
  return inTransaction(deps.db, async (trx) => {
    // The webinar's row is locked before the material is read, as adding does: two edits at once
    // (one sending the title, the other the visibility) take turns, and neither undoes the other.
    // An unknown slug locks nothing and is refused just below.
    await lockWebinars(trx, { slugs: [webinarSlug] });
    const { webinar, material } = await getMaterialOfWebinar(trx, webinarSlug, materialId);
    const validated = validateMaterialEdit(input, material);
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
    const row = await findMaterialRow(trx, materialId);
    if (!row || row.webinar_id !== webinar.id) throw new NotFoundError(`There is no material number ${materialId} on “${webinar.title}”.`);
    await deleteMaterialRow(trx, row.id);
    if (row.file_name) await deleteFileChunks(trx, row.file_name);
    await markWebinarsChanged(trx, [webinar.id], deps.clock.now());
    return toMaterial(row);
  });
}

export type ServedFile = {
  material: Material & { file: NonNullable<Material['file']> };
  /** The file's bytes, read from the database piece by piece as the response is sent. */
  open: () => ReadableStream<Uint8Array>;
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
  return { material, open: () => storedFileStream(deps.db, fileName, material.file.sizeBytes) };
}

function noSuchFile(): NotFoundError {
  return new NotFoundError('There is no such file. It may have been removed.');
}

/**
 * Emails a coordinator's announcement of the materials to everyone registered who has not been
 * told about all they can open yet (by the recording's email or an earlier announcement). Returns
 * how many were queued.
 */
export async function notifyAttendees(deps: MaterialDeps, webinarSlug: string): Promise<number> {
  return inTransaction(deps.db, async (trx) => announceMaterials(trx, deps, await getWebinarForMaterials(trx, webinarSlug), 'requested'));
}

/**
 * Queues "now available" emails in the caller's transaction to everyone registered: the confirmed
 * attendees, and those still waiting, who never had a seat and want the recording most. Each gets
 * only what they can open (attendees-only material needs a confirmed seat). The recording is
 * announced once per attendee; a coordinator's announcement skips whoever was already told about
 * everything they can open now, so nobody hears twice about the same things.
 */
async function announceMaterials(trx: Db, deps: MaterialDeps, webinar: Webinar, reason: AnnouncementReason): Promise<number> {
  const materials = await listMaterials(trx, webinar.id);
  if (materials.length === 0) return 0;
  const publicOnes = materials.filter((m) => m.visibility === 'public');
  const recipients = [
    ...(await listAttendeesOfWebinar(trx, webinar.id, 'confirmed')).map((attendee) => ({ attendee, visible: materials })),
    ...(await listAttendeesOfWebinar(trx, webinar.id, 'waitlisted')).map((attendee) => ({ attendee, visible: publicOnes })),
  ].filter(({ visible }) => (reason === 'recording' ? visible.some((m) => m.kind === 'recording') : visible.length > 0));
  const earlier = await listMaterialsEmailKeys(trx, webinar.id);
  const ctx = await emailContext(trx, deps.baseUrl, deps.clock);
  let queued = 0;
  for (const { attendee, visible } of recipients) {
    const told = (earlier.get(attendee.attendeeId) ?? []).map(parseMaterialsKey).filter((key) => key !== undefined);
    const skip = reason === 'recording' ? told.some((key) => key.recording) : told.some((key) => visible.every((m) => key.told.has(m.id)));
    if (skip) continue;
    if (await enqueueEmail(trx, deps.clock, materialsAvailableEmail(ctx, webinar, visible, attendee, reason))) queued++;
  }
  return queued;
}
