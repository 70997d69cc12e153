// A generated public text document (a feed, a sitemap, robots.txt) answered with validators, so
// that crawlers and feed readers that poll get a 304 while nothing changed.
import type { Context } from 'hono';
import type { DateTime } from 'luxon';
import { contentEtag, isNotModified } from './conditional.js';

export type TextDocument = {
  body: string;
  contentType: string;
  /** When what it shows last changed; sent as Last-Modified. */
  lastModified?: DateTime;
  /** How long shared caches and clients may reuse it without asking (seconds). */
  maxAgeSeconds?: number;
};

export function textResponse(c: Context, document: TextDocument): Response {
  const etag = contentEtag(document.body);
  const second = document.lastModified?.toUTC().startOf('second');
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `public, max-age=${document.maxAgeSeconds ?? 300}`,
  };
  if (second) headers['Last-Modified'] = second.toHTTP() ?? '';
  if (isNotModified(c, { etag, lastModifiedMs: second?.toMillis() })) return new Response(null, { status: 304, headers });
  return new Response(c.req.method === 'HEAD' ? null : document.body, {
    status: 200,
    headers: { ...headers, 'Content-Type': document.contentType, 'X-Content-Type-Options': 'nosniff' },
  });
}
