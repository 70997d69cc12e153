// SQL for the captions of recordings.
import type { Db } from '../db/connection.js';
import type { CaptionRow } from '../db/schema.js';

/** Adds the captions, or replaces those of the same recording and language. */
export async function upsertCaptionRow(db: Db, caption: Omit<CaptionRow, 'id'>): Promise<CaptionRow> {
  return db
    .insertInto('caption')
    .values(caption)
    .onConflict((oc) =>
      oc.columns(['material_id', 'language']).doUpdateSet({ vtt: caption.vtt, transcript: caption.transcript, updated_at: caption.updated_at }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteCaptionRow(db: Db, materialId: number, language: string): Promise<boolean> {
  const result = await db.deleteFrom('caption').where('material_id', '=', materialId).where('language', '=', language).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findCaptionRow(db: Db, materialId: number, language: string): Promise<CaptionRow | undefined> {
  return db.selectFrom('caption').selectAll().where('material_id', '=', materialId).where('language', '=', language).executeTakeFirst();
}

export async function listCaptionRows(db: Db, materialIds: readonly number[]): Promise<CaptionRow[]> {
  if (materialIds.length === 0) return [];
  return db.selectFrom('caption').selectAll().where('material_id', 'in', materialIds).orderBy('material_id').orderBy('language').execute();
}
