// Serves an iCalendar body the way polling calendar clients need: validators, 304, HEAD, CORS.
import type { Context } from 'hono';
import { DateTime } from 'luxon';
import { contentEtag, isNotModified } from '../http/conditional.js';

export type CalendarResponseOptions = {
  /** Text, or the same text already encoded as UTF-8 (a cached feed). */
  body: string | Uint8Array;
  filename: string;
  /** Feeds are "inline" (attachment breaks some subscribing clients); one-off downloads "attachment". */
  disposition: 'inline' | 'attachment';
  lastModified: DateTime;
  /** Worked out once for a cached feed (see feedValidators); otherwise here. */
  validators?: FeedValidators;
  /** Personal feeds behind secret links must not be stored by shared caches. */
  privateFeed?: boolean;
};

/**
 * ETag and Last-Modified of a feed body, ready to send and to compare. The body is deterministic
 * (sorted, DTSTAMP from the data), so its hash is a strong validator.
 */
export type FeedValidators = { etag: string; lastModified: string; lastModifiedMs: number };

export function feedValidators(body: string | Uint8Array, lastModified: DateTime): FeedValidators {
  const second = lastModified.toUTC().startOf('second');
  return { etag: contentEtag(body), lastModified: second.toHTTP() ?? '', lastModifiedMs: second.toMillis() };
}

export function calendarResponse(c: Context, options: CalendarResponseOptions): Response {
  const validators = options.validators ?? feedValidators(options.body, options.lastModified);
  const cacheControl = cacheControlOf(options.privateFeed ?? false);
  if (isNotModified(c, validators)) return feedNotModified(validators, options.privateFeed ?? false);
  return new Response(c.req.method === 'HEAD' ? null : options.body, {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `${options.disposition}; filename="${options.filename}"`,
      ETag: validators.etag,
      'Last-Modified': validators.lastModified,
      'Cache-Control': cacheControl,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': EXPOSED,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

const EXPOSED = 'ETag, Last-Modified';

function cacheControlOf(privateFeed: boolean): string {
  return privateFeed ? 'private, no-cache' : 'public, max-age=300, must-revalidate';
}

/**
 * The 304 of a feed. RFC 9110 15.4.5: it repeats the validators and caching headers, not the
 * body's description. Written as literals, not as the 200's headers minus some: a feed poll is
 * mostly 304s.
 */
export function feedNotModified(validators: Pick<FeedValidators, 'etag'>, privateFeed: boolean): Response {
  return new Response(null, {
    status: 304,
    headers: {
      ETag: validators.etag,
      'Cache-Control': cacheControlOf(privateFeed),
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': EXPOSED,
    },
  });
}

/**
 * The CORS preflight a browser sends before a conditional GET from another site (If-None-Match is
 * not a "simple" header), so that web-based calendar clients can poll with validators too.
 */
export function calendarPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD',
      'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
      'Access-Control-Max-Age': '86400',
    },
  });
}

/** The newest of several change times, for Last-Modified. */
export function latest(first: DateTime, ...rest: DateTime[]): DateTime {
  return DateTime.max(first, ...rest);
}
