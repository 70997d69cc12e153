// Speakers' uploaded photos: storing one (which takes the place of a linked photo), removing the
// photo, and finding a stored photo by the hash in its public address.
import { createHash } from 'node:crypto';
import { message } from '../i18n/message.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/transaction.js';
import { NotFoundError } from '../errors.js';
import { deleteStoredFile, storedFileExists, storedFileStream, storeFile } from '../materials/stored-files.js';
import { toStoredInstant } from '../time/index.js';
import type { CheckedPhoto } from './photo-check.js';
import { toSpeaker } from './programme.mappers.js';
import { findSpeakerRowBySlug, listWebinarIdsOfSpeaker, lockWebinarRows, touchWebinars, updateSpeakerRow } from './programme.repository.js';
import type { Speaker } from './programme.types.js';
import { NO_PHOTO, findPhotoFileByHash } from './speaker-photo.repository.js';
import type { SpeakerRow } from '../db/schema.js';

/** A photo that passed checkPhoto, with its bytes (at most MAX_PHOTO_BYTES, so held in memory). */
export type PhotoUpload = { photo: CheckedPhoto; bytes: Uint8Array };

/** The hash that names a photo in its address and ETag: 128 bits of SHA-256 are plenty to tell photos apart. */
export function photoHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/**
 * Stores the photo and makes it the speaker's, in place of an earlier photo or link, in one
 * transaction: the speaker row's change moves the public data version, so cached pages show the
 * new photo at once, and the webinars' change times move for their feeds.
 */
export async function setSpeakerPhoto(db: Db, clock: Clock, slug: string, upload: PhotoUpload): Promise<Speaker> {
  const hash = photoHash(upload.bytes);
  return inTransaction(db, async (trx) => {
    const { row, webinarIds } = await lockSpeaker(trx, slug);
    // Named by speaker as well as content, so that removing one speaker's photo never takes another's.
    const fileName = `speaker-${row.id}-${hash}.${upload.photo.extension}`;
    if (!(await storedFileExists(trx, fileName))) await storeFile(trx, fileName, { bytes: upload.bytes });
    const at = toStoredInstant(clock.now());
    await updateSpeakerRow(trx, row.id, {
      photo_file: fileName,
      photo_hash: hash,
      photo_content_type: upload.photo.contentType,
      photo_size_bytes: upload.bytes.length,
      photo_width: upload.photo.width,
      photo_height: upload.photo.height,
      photo_url: null,
      updated_at: at,
    });
    if (row.photo_file && row.photo_file !== fileName) await deleteStoredFile(trx, row.photo_file);
    await touchWebinars(trx, { ids: webinarIds }, at);
    return toSpeaker((await findSpeakerRowBySlug(trx, slug))!);
  });
}

/** Removes the speaker's photo, uploaded or linked; a speaker without one is left as is. */
export async function removeSpeakerPhoto(db: Db, clock: Clock, slug: string): Promise<Speaker> {
  return inTransaction(db, async (trx) => {
    const { row, webinarIds } = await lockSpeaker(trx, slug);
    if (!row.photo_file && !row.photo_url) return toSpeaker(row);
    const at = toStoredInstant(clock.now());
    await updateSpeakerRow(trx, row.id, { ...NO_PHOTO, photo_url: null, updated_at: at });
    if (row.photo_file) await deleteStoredFile(trx, row.photo_file);
    await touchWebinars(trx, { ids: webinarIds }, at);
    return toSpeaker((await findSpeakerRowBySlug(trx, slug))!);
  });
}

/** The speaker's webinars, then the speaker, locked in the order updateSpeaker takes them (no waiting in a circle). */
async function lockSpeaker(trx: Db, slug: string): Promise<{ row: SpeakerRow; webinarIds: number[] }> {
  const found = await findSpeakerRowBySlug(trx, slug);
  if (!found) throw new NotFoundError(message('refusals.missing.speaker', { slug }));
  const webinarIds = await listWebinarIdsOfSpeaker(trx, found.id);
  await lockWebinarRows(trx, { ids: webinarIds });
  const row = await findSpeakerRowBySlug(trx, slug, { lock: true });
  if (!row) throw new NotFoundError(message('refusals.missing.speaker', { slug }));
  return { row, webinarIds };
}

export type ServedPhoto = { hash: string; contentType: string; sizeBytes: number; open(): ReadableStream<Uint8Array> };

/** The photo a public address names, or undefined when no speaker has it (any more). */
export async function findServedPhoto(db: Db, hash: string): Promise<ServedPhoto | undefined> {
  const file = await findPhotoFileByHash(db, hash);
  if (!file) return undefined;
  return { hash, contentType: file.contentType, sizeBytes: file.sizeBytes, open: () => storedFileStream(db, file.fileName, file.sizeBytes) };
}
