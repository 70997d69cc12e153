// SQL for speakers' uploaded photos: the speaker row's photo columns (the bytes are stored files).
import type { Db } from '../db/connection.js';
import type { SpeakerUpdate } from '../db/schema.js';

/** The columns of "no uploaded photo". */
export const NO_PHOTO = {
  photo_file: null,
  photo_hash: null,
  photo_content_type: null,
  photo_size_bytes: null,
  photo_width: null,
  photo_height: null,
} as const satisfies SpeakerUpdate;

export type PhotoFileRow = { fileName: string; contentType: string; sizeBytes: number };

/** The stored file of a photo with this hash, whichever speaker has it (the same bytes either way). */
export async function findPhotoFileByHash(db: Db, hash: string): Promise<PhotoFileRow | undefined> {
  const row = await db
    .selectFrom('speaker')
    .select(['photo_file', 'photo_content_type', 'photo_size_bytes'])
    .where('photo_hash', '=', hash)
    .where('photo_file', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!row?.photo_file || !row.photo_content_type || row.photo_size_bytes === null) return undefined;
  return { fileName: row.photo_file, contentType: row.photo_content_type, sizeBytes: row.photo_size_bytes };
}
