// Uploaded files in the database, so that every app instance serves them: written whole inside the
// caller's transaction, read back one piece per pull so that a download holds one piece in memory.
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Db } from '../db/connection.js';
import { deleteFileChunks, findFileChunk, hasFileChunks, insertFileChunk } from './file-chunk.repository.js';
import { readRange } from './temp-file.js';

/** Pieces small enough for either driver to bind in one parameter, large enough that 50 MB is 100 rows. */
export const FILE_CHUNK_BYTES = 512 * 1024;

/** The names this module gives files (random, with the detected type's extension); nothing else is ever looked up as one. */
export const STORED_NAME = /^[0-9a-f]{32}\.(pdf|pptx|odp|key)$/;

export function newStoredName(extension: string): string {
  return `${randomBytes(16).toString('hex')}.${extension}`;
}

/** A file's bytes: in memory (seeds, imports, tests), or in a file on disk (an upload, see temp-file.ts). */
export type FileContent = { bytes: Uint8Array } | { path: string; sizeBytes: number };

export function contentSize(content: FileContent): number {
  return 'bytes' in content ? content.bytes.length : content.sizeBytes;
}

/**
 * Writes the file's pieces in the caller's transaction, so that they commit or vanish with the row
 * that points at them. Bytes in memory are written as views on that memory, not copies (better-sqlite3
 * binds a Buffer as a blob and pg sends it as bytea); a file on disk is read one piece at a time, so
 * that storing it holds one piece in memory. Returns how many pieces were written.
 */
export async function storeFile(trx: Db, fileName: string, content: FileContent): Promise<number> {
  if (!trx.isTransaction) throw new Error(`storeFile("${fileName}") must run inside a transaction`);
  if ('bytes' in content) {
    const { bytes } = content;
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let seq = 0;
    for (let start = 0; start < whole.length; start += FILE_CHUNK_BYTES) {
      await insertFileChunk(trx, fileName, seq++, whole.subarray(start, start + FILE_CHUNK_BYTES));
    }
    return seq;
  }
  const file = await open(content.path, 'r');
  try {
    let seq = 0;
    for (let start = 0; start < content.sizeBytes; start += FILE_CHUNK_BYTES) {
      const length = Math.min(FILE_CHUNK_BYTES, content.sizeBytes - start);
      const piece = await readRange(file, start, length);
      // The checks saw sizeBytes; a file that changed since is not stored half.
      if (piece.length !== length) throw new Error(`${content.path} ends after ${start + piece.length} of ${content.sizeBytes} bytes.`);
      await insertFileChunk(trx, fileName, seq++, piece);
    }
    return seq;
  } finally {
    await file.close();
  }
}

/**
 * The file as a stream that reads the next piece only when the reader asks for it (high-water mark
 * 0: nothing is read ahead), with one short query per piece and no connection held in between. It
 * ends after `sizeBytes`, the length the response announced; a file that ends sooner (deleted
 * while being downloaded) errors the stream, so the client sees a broken download, not a short one.
 */
export function storedFileStream(db: Db, fileName: string, sizeBytes: number): ReadableStream<Uint8Array> {
  let seq = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (sent >= sizeBytes) return controller.close();
        const piece = await findFileChunk(db, fileName, seq++);
        if (!piece) return controller.error(new Error(`The stored file ${fileName} ends after ${sent} of ${sizeBytes} bytes.`));
        controller.enqueue(piece);
        sent += piece.length;
        if (sent >= sizeBytes) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Whether a stored file exists (its pieces are written in one transaction, so piece 0 says). */
export async function storedFileExists(db: Db, fileName: string): Promise<boolean> {
  return hasFileChunks(db, fileName);
}

/** Removes a stored file's pieces, in the caller's transaction with the row that pointed at them. */
export async function deleteStoredFile(trx: Db, fileName: string): Promise<void> {
  await deleteFileChunks(trx, fileName);
}
