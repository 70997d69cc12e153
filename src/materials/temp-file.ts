// An upload on disk while its request checks and stores it: a new file in the temporary folder that
// only this user can read, under a random name nobody else can have taken, removed whatever happens.
import { randomBytes } from 'node:crypto';
import { open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** Every temporary upload's name starts with this, so that an operator can tell them apart. */
export const TEMP_UPLOAD_PREFIX = 'webinar-hub-upload-';

export type TempFile = {
  readonly path: string;
  /** Writes `chunk` after what was written before. */
  append(chunk: Uint8Array): Promise<void>;
  /** Up to `length` bytes from `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Closes and deletes the file; safe to call again. */
  remove(): Promise<void>;
};

export async function createTempFile(dir: string): Promise<TempFile> {
  const path = join(dir, `${TEMP_UPLOAD_PREFIX}${randomBytes(16).toString('hex')}`);
  // 'wx+': fails rather than follow or reuse anything already there (a shared /tmp).
  const handle = await open(path, 'wx+', 0o600);
  let size = 0;
  let removed: Promise<void> | undefined;
  return {
    path,
    async append(chunk) {
      for (let written = 0; written < chunk.length; ) {
        const { bytesWritten } = await handle.write(chunk, written, chunk.length - written, size + written);
        written += bytesWritten;
      }
      size += chunk.length;
    },
    read: (offset, length) => readRange(handle, offset, length),
    remove() {
      removed ??= handle
        .close()
        .catch(() => undefined)
        .then(() => rm(path, { force: true }));
      return removed;
    },
  };
}

/** Up to `length` bytes of an open file from `offset`, in a buffer of their own; fewer only at its end (never unread memory). */
export async function readRange(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(Math.max(0, length));
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === buffer.length ? buffer : buffer.subarray(0, filled);
}

/**
 * Deletes temporary uploads a killed process left behind: those older than `olderThanMs`, so that
 * an upload under way in another instance sharing the folder keeps its file. Returns how many.
 */
export async function sweepTempUploads(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let swept = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_UPLOAD_PREFIX)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < olderThanMs) continue;
    await rm(path, { force: true });
    swept++;
  }
  return swept;
}
