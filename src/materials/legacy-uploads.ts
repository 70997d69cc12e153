// Moves the slides of hubs from before files lived in the database: they were kept in an uploads
// folder next to the SQLite file, under the names their materials still carry.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/connection.js';
import { lockName } from '../db/dialect.js';
import { inTransaction } from '../db/transaction.js';
import { listMaterialFilesWithoutChunks } from './file-chunk.repository.js';
import { STORED_NAME, storeFile } from './stored-files.js';

export type UploadsImport = {
  /** Files stored in the database by this call. */
  imported: number;
  /**
   * Stored names of materials still without their file: not in the folder (or no folder at all),
   * or not the size the material records. Their downloads answer 404 until the file is provided
   * and the import runs again.
   */
  missing: string[];
};

/**
 * Stores `dir/<file_name>` for every material whose file is not in the database yet, one
 * transaction per file, so an interrupted import keeps what it finished. Running it again (on every
 * start, or on several instances at once) imports nothing twice; the folder itself is left alone.
 */
export async function importUploadsFolder(db: Db, dir: string): Promise<UploadsImport> {
  const result: UploadsImport = { imported: 0, missing: [] };
  for (const { fileName, sizeBytes } of await listMaterialFilesWithoutChunks(db)) {
    // Only names the hub generated are joined to the folder: a row is never a path.
    const bytes = STORED_NAME.test(fileName) ? await readIfExists(join(dir, fileName)) : undefined;
    if (!bytes || (sizeBytes !== null && bytes.length !== sizeBytes)) {
      result.missing.push(fileName);
      continue;
    }
    const stored = await inTransaction(db, async (trx) => {
      // Another instance may be importing the same file, or the material may have been deleted
      // meanwhile: decide again under a lock on this name.
      await lockName(trx, `uploads-import:${fileName}`);
      if ((await listMaterialFilesWithoutChunks(trx, fileName)).length === 0) return false;
      await storeFile(trx, fileName, { bytes });
      return true;
    });
    if (stored) result.imported++;
  }
  return result;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}
