// One way to answer conditional GETs (RFC 9110 13): a strong ETag made from the body, and whether
// the client's copy is still current, so that the caller answers 304 with its own headers. Callers
// that serve the same body many times work the validators out once and keep them.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** A strong validator: the body's hash, for bodies that are the same bytes whenever nothing changed. */
export function contentEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export type Validators = {
  etag: string;
  /** Last-Modified as sent (whole seconds), in epoch ms; left out when the response sends none. */
  lastModifiedMs?: number;
};

/** Whether the request's If-None-Match (or, without one, its If-Modified-Since) matches what would be sent. */
export function isNotModified(c: Context, validators: Validators): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  // RFC 9110 13.1.2: If-None-Match wins over If-Modified-Since.
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, validators.etag);
  const ifModifiedSince = c.req.header('if-modified-since');
  if (ifModifiedSince === undefined || validators.lastModifiedMs === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && validators.lastModifiedMs <= since;
}

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 13.1.2) or is `*`. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch === etag) return true;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
