// SQL for uploaded files kept in the database as numbered pieces (file_chunk), keyed by the
// material's stored name.
import type { Db } from '../db/connection.js';

export async function insertFileChunk(db: Db, fileName: string, seq: number, data: Uint8Array): Promise<void> {
  await db.insertInto('file_chunk').values({ file_name: fileName, seq, data }).execute();
}

/** One piece, or undefined past the last one (or when the file is gone). */
export async function findFileChunk(db: Db, fileName: string, seq: number): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('file_chunk').select('data').where('file_name', '=', fileName).where('seq', '=', seq).executeTakeFirst();
  return row?.data;
}

/**
 * Whether a file has any pieces, without reading them: its pieces are written in one transaction,
 * so piece 0 exists exactly when the file does.
 */
export async function hasFileChunks(db: Db, fileName: string): Promise<boolean> {
  const row = await db.selectFrom('file_chunk').select('seq').where('file_name', '=', fileName).where('seq', '=', 0).executeTakeFirst();
  return row !== undefined;
}

export async function deleteFileChunks(db: Db, fileName: string): Promise<void> {
  await db.deleteFrom('file_chunk').where('file_name', '=', fileName).execute();
}

/** Materials whose file has no pieces in the database (one name when `fileName` is given). */
export async function listMaterialFilesWithoutChunks(db: Db, fileName?: string): Promise<Array<{ fileName: string; sizeBytes: number | null }>> {
  let query = db
    .selectFrom('material')
    .select(['material.file_name', 'material.size_bytes'])
    .where('material.file_name', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('file_chunk').select('file_chunk.seq').whereRef('file_chunk.file_name', '=', 'material.file_name'))),
    );
  if (fileName !== undefined) query = query.where('material.file_name', '=', fileName);
  const rows = await query.orderBy('material.id').execute();
  return rows.map((row) => ({ fileName: row.file_name!, sizeBytes: row.size_bytes }));
}

/** Names of stored files that no material names (speaker photos, named "speaker-…", left out). */
export async function listUnreferencedStoredNames(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('file_chunk')
    .select('file_chunk.file_name')
    .where('file_chunk.seq', '=', 0)
    .where('file_chunk.file_name', 'not like', 'speaker-%')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('material').select('material.id').whereRef('material.file_name', '=', 'file_chunk.file_name'))),
    )
    .orderBy('file_chunk.file_name')
    .execute();
  return rows.map((row) => row.file_name);
}
