// Uploaded files in the database, so that every app instance serves them: written inside the
// caller's transaction (small files), or staged a few pieces per transaction before the row that
// names them (uploads of up to 2 GB); read back one piece per pull, from any byte on, so that a
// download or a video player's range request holds one piece in memory.
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/transaction.js';
import { deleteFileChunks, findFileChunk, hasFileChunks, insertFileChunk, listUnreferencedStoredNames } from './file-chunk.repository.js';
import { readRange } from './temp-file.js';

/** Pieces small enough for either driver to bind in one parameter, large enough that 50 MB is 100 rows. */
export const FILE_CHUNK_BYTES = 512 * 1024;

/** The names this module gives files (random, with the detected type's extension); nothing else is ever looked up as one. */
export const STORED_NAME = /^[0-9a-f]{32}\.(pdf|pptx|odp|key|mp4|webm)$/;

/**
 * 12 hex digits of the time it was made (milliseconds) and 80 random bits: unguessable, and a
 * staged file that no row ever came to name can be told old enough to remove (sweepStagedFiles).
 * Names from before carry 128 random bits; a row names each of them, so no sweep looks at them.
 */
export function newStoredName(extension: string, at: Date = new Date()): string {
  return `${at.getTime().toString(16).padStart(12, '0').slice(-12)}${randomBytes(10).toString('hex')}.${extension}`;
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
  let seq = 0;
  for await (const piece of readPieces(content)) await insertFileChunk(trx, fileName, seq++, piece);
  return seq;
}

/** Pieces per transaction when staging: 4 MB, so that a 2 GB upload never holds the write lock for long. */
const PIECES_PER_STEP = 8;

/**
 * Writes the file's pieces before the row that will name them, a few pieces per transaction: one
 * transaction for a 2 GB video would hold SQLite's write lock for many seconds, and other processes
 * give up waiting after 5 (see sqlite-driver.ts). Nobody reads the pieces until that row commits:
 * the caller removes them (discardStoredFile) when its transaction fails, and sweepStagedFiles
 * removes those of a process that died in between.
 */
export async function stageFile(db: Db, fileName: string, content: FileContent): Promise<void> {
  const total = Math.ceil(contentSize(content) / FILE_CHUNK_BYTES);
  const pieces = readPieces(content);
  try {
    for (let seq = 0; seq < total; ) {
      await inTransaction(db, async (trx) => {
        for (const end = Math.min(total, seq + PIECES_PER_STEP); seq < end; seq++) {
          const next = await pieces.next();
          if (next.done) throw new Error(`${fileName} ended after ${seq} of ${total} pieces.`);
          await insertFileChunk(trx, fileName, seq, next.value);
        }
      });
    }
  } catch (error) {
    await discardStoredFile(db, fileName);
    throw error;
  } finally {
    await pieces.return(undefined);
  }
}

/** The content's pieces in order, one in memory at a time for a file on disk. */
async function* readPieces(content: FileContent): AsyncGenerator<Uint8Array, void, undefined> {
  if ('bytes' in content) {
    const { bytes } = content;
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let start = 0; start < whole.length; start += FILE_CHUNK_BYTES) yield whole.subarray(start, start + FILE_CHUNK_BYTES);
    return;
  }
  const file = await open(content.path, 'r');
  try {
    for (let start = 0; start < content.sizeBytes; start += FILE_CHUNK_BYTES) {
      const length = Math.min(FILE_CHUNK_BYTES, content.sizeBytes - start);
      const piece = await readRange(file, start, length);
      // The checks saw sizeBytes; a file that changed since is not stored half.
      if (piece.length !== length) throw new Error(`${content.path} ends after ${start + piece.length} of ${content.sizeBytes} bytes.`);
      yield piece;
    }
  } finally {
    await file.close();
  }
}

/** Removes a staged file whose row was never written; never fails the caller (the sweep gets what is left). */
export async function discardStoredFile(db: Db, fileName: string): Promise<void> {
  await inTransaction(db, (trx) => deleteFileChunks(trx, fileName)).catch(() => undefined);
}

/**
 * Removes files that were staged by a process that stopped before writing their row: named by
 * this module, named by no material, and made more than `olderThanMs` ago (an upload still being
 * staged by another instance is younger). Returns how many files it removed.
 */
export async function sweepStagedFiles(db: Db, now: Date, olderThanMs = 24 * 60 * 60_000): Promise<number> {
  let removed = 0;
  for (const fileName of await listUnreferencedStoredNames(db)) {
    const madeAt = Number.parseInt(fileName.slice(0, 12), 16);
    if (!STORED_NAME.test(fileName) || !(madeAt < now.getTime() - olderThanMs)) continue;
    await inTransaction(db, (trx) => deleteFileChunks(trx, fileName));
    removed++;
  }
  return removed;
}

/** Bytes `start` to `end` of a file, both included (an HTTP byte range, RFC 9110 14.1.2). */
export type ByteRange = { start: number; end: number };

/**
 * The file, or the range of it, as a stream that reads the next piece only when the reader asks
 * for it (high-water mark 0: nothing is read ahead), with one short query per piece and no
 * connection held in between. A range starts at the piece holding its first byte (every piece but
 * the last is FILE_CHUNK_BYTES long). It ends after the bytes the response announced; a file that
 * ends sooner (deleted while being downloaded) errors the stream, so the client sees a broken
 * download, not a short one.
 */
export function storedFileStream(db: Db, fileName: string, sizeBytes: number, range: ByteRange = { start: 0, end: sizeBytes - 1 }): ReadableStream<Uint8Array> {
  let seq = Math.floor(range.start / FILE_CHUNK_BYTES);
  let at = seq * FILE_CHUNK_BYTES;
  const stop = Math.min(range.end, sizeBytes - 1) + 1;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (at >= stop) return controller.close();
        const piece = await findFileChunk(db, fileName, seq++);
        if (!piece || (piece.length !== FILE_CHUNK_BYTES && at + piece.length < stop))
          return controller.error(new Error(`The stored file ${fileName} ends after ${at + (piece?.length ?? 0)} of ${sizeBytes} bytes.`));
        const from = Math.max(0, range.start - at);
        const to = Math.min(piece.length, stop - at);
        controller.enqueue(from === 0 && to === piece.length ? piece : piece.subarray(from, to));
        at += piece.length;
        if (at >= stop) controller.close();
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
