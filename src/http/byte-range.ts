// Range requests (RFC 9110 14): a video player asks for the part it needs to seek to, and a paused
// download resumes. One range per request is served; a request for several gets the whole file
// (which RFC 9110 14.2 allows), as no browser's player asks for more than one.
import type { Context } from 'hono';

/** Bytes `start` to `end`, both included. */
export type SatisfiableRange = { start: number; end: number };

/**
 * What the Range header asks of a representation of `size` bytes: one range, "unsatisfiable"
 * (answer 416), or undefined for the whole (no header, a unit other than bytes, several ranges,
 * or a header that does not parse, which RFC 9110 14.2 says to ignore).
 */
export function requestedRange(header: string | undefined, size: number): SatisfiableRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/**
 * Whether a Range may be served: without If-Range always; with it only when it names the current
 * representation (its strong ETag, or exactly its Last-Modified date), else the whole is sent.
 */
export function rangeStillApplies(c: Context, validators: { etag: string; lastModified: string }): boolean {
  const ifRange = c.req.header('if-range');
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  return value.startsWith('"') ? value === validators.etag : value === validators.lastModified;
}
