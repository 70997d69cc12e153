// What public requests may answer from memory: feeds and pages built once per data version (see
// src/db/data-version.ts) and kept until their content changes by itself, and the programme's
// settings that every page needs. Private pages and feeds (/my, /speaker, the workspace) never
// come through here.
import { languageOf } from './language.js';
import { markHeadersComplete } from './page-headers.js';
import type { Language } from '../i18n/languages.js';
import type { MiddlewareHandler } from 'hono';
import type { DateTime } from 'luxon';
import { nowMillis, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { dataVersionReader, type DataVersionReader } from '../db/data-version.js';
import { getProgramme, listWebinarMoments } from '../programme/programme.service.js';
import type { Programme } from '../programme/programme.types.js';
import type { AppEnv } from './env.js';
import { createResponseCache, type Built, type ResponseCache } from './response-cache.js';
import { BoundedCache } from '../time/bounded-cache.js';

/** A public feed as built once: its body (UTF-8, encoded once) and what validates it. */
export type CachedFeed<V> = { body: Uint8Array; lastModified: DateTime; filename: string; validators: V };

/** A built feed before caching: its text. */
export type BuiltFeed = { body: string; lastModified: DateTime; filename: string };

/** A built feed, encoded: what its validators are worked out from. */
export type EncodedFeed = { body: Uint8Array; lastModified: DateTime; filename: string };

/** Builds a feed for keeping: its text encoded once (and hashed as those bytes), its validators worked out once. */
export async function buildCachedFeed<V>(build: () => Promise<BuiltFeed>, validatorsOf: (feed: EncodedFeed) => V): Promise<CachedFeed<V>> {
  const built = await build();
  const encoded = { ...built, body: Buffer.from(built.body) };
  return { ...encoded, validators: validatorsOf(encoded) };
}

/**
 * A cached page's headers with one cookie (a zone or language chosen in the address), kept: the
 * same few cookies come again and again, and copying a dozen headers for each was a tenth of
 * such a page's own time. Bounded: a cookie's text is one of the ~600 zones or the languages.
 */
const withCookie = new WeakMap<Readonly<Record<string, string>>, BoundedCache<string, Readonly<Record<string, string>>>>();

function headersWithCookie(complete: Readonly<Record<string, string>>, cookie: string): Readonly<Record<string, string>> {
  let known = withCookie.get(complete);
  if (!known) {
    known = new BoundedCache(2_000);
    withCookie.set(complete, known);
  }
  return known.get(cookie) ?? known.set(cookie, Object.freeze({ ...complete, 'Set-Cookie': cookie }));
}

export type PublicCache = {
  version: DataVersionReader;
  /** The programme's settings as of the current version. */
  programme(): Promise<Programme>;
  /** A public feed, rebuilt when what it shows changed. */
  feed<V>(key: string, build: () => Promise<BuiltFeed>, validatorsOf: (feed: EncodedFeed) => V): Promise<CachedFeed<V>>;
  /** The feed kept for the current version, if the version can be read without waiting; never builds. */
  feedNow<V>(key: string): CachedFeed<V> | undefined;
  /** Middleware for a public page (after the viewer-zone middleware): answers GETs from memory. */
  page: MiddlewareHandler<AppEnv>;
};

/** Pages and feeds together: about 60 programme pages of 1,000 webinars, or thousands of small ones. */
const MAX_BYTES = 48 * 1024 * 1024;

export type PublicCacheDeps = {
  db: Db;
  clock: Clock;
  /** Every header the page middleware gives a page in `language` (security, language). */
  pageHeaders?: (language: Language) => Promise<Readonly<Record<string, string>>>;
};

export function createPublicCache(deps: PublicCacheDeps): PublicCache {
  const readVersion = dataVersionReader(deps.db);
  const feeds: ResponseCache<CachedFeed<unknown>> = createResponseCache({ maxBytes: MAX_BYTES / 2, sizeOf: (feed) => feed.body.byteLength });
  // Kept encoded: a cached answer is sent as it is, not turned from text into bytes every time.
  const pages: ResponseCache<Uint8Array<ArrayBuffer>> = createResponseCache({ maxBytes: MAX_BYTES / 2, sizeOf: (html) => html.byteLength });
  const settings: ResponseCache<Programme> = createResponseCache({ maxBytes: 1024 * 1024, sizeOf: () => 4096 });
  const moments: ResponseCache<number[]> = createResponseCache({ maxBytes: 4 * 1024 * 1024, sizeOf: (list) => list.length * 8 });
  const never = <T>(value: T): Built<T> => ({ value, expiresAt: null });
  // A cached page's complete headers, one plain object per language (see src/http/page-headers.ts).
  const headersByLanguage = new Map<Language, Readonly<Record<string, string>>>();
  async function completePageHeaders(language: Language): Promise<Readonly<Record<string, string>> | undefined> {
    if (!deps.pageHeaders) return undefined;
    let headers = headersByLanguage.get(language);
    if (!headers) {
      headers = Object.freeze({ ...(await deps.pageHeaders(language)), 'Content-Type': PAGE_TYPE });
      headersByLanguage.set(language, headers);
    }
    return headers;
  }

  const programme = async () => {
    const { content } = await readVersion();
    return settings.get('programme', String(content), 0, async () => never(await getProgramme(deps.db)));
  };

  /** The next moment (clock ms) after `now` at which some webinar starts, ends or closes registration. */
  async function nextMoment(content: number, now: number): Promise<number | null> {
    const list = await moments.get('moments', String(content), 0, async () => never(await listWebinarMoments(deps.db)));
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]! <= now) low = middle + 1;
      else high = middle;
    }
    return list[low] ?? null;
  }

  const page: MiddlewareHandler<AppEnv> = async function cachedPublicPage(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const version = await readVersion();
    const now = nowMillis(deps.clock);
    const { zone, chosen, returnTo } = c.get('viewer');
    // Everything a public page depends on: the address (without ?tz= and ?lang=), the zone it is
    // shown in and whether the visitor chose it, its language, the data and the time.
    const key = `${returnTo}\n${zone}\n${chosen}\n${languageOf(c)}`;
    let rendered: Response | undefined;
    const html = await pages
      .get(key, `${version.content}.${version.seats}`, now, async () => {
        await next();
        rendered = c.res;
        // Errors and anything but a plain page (a redirect, a refusal) are answered, not kept.
        if (c.res.status !== 200 || !c.res.headers.get('content-type')?.startsWith('text/html')) throw new NotCacheable();
        return { value: new Uint8Array(await c.res.clone().arrayBuffer()), expiresAt: await nextMoment(version.content, now) };
      })
      .catch((error: unknown) => {
        if (error instanceof NotCacheable) return undefined;
        throw error;
      });
    if (rendered) return;
    if (html === undefined) return next();
    const complete = await completePageHeaders(languageOf(c));
    if (!complete) return c.body(html, 200, { 'Content-Type': PAGE_TYPE });
    markHeadersComplete(c);
    // One plain header object, which @hono/node-server writes as it is, with the cookie a
    // middleware set (see setPageCookie); two cookies go through c.body, which adds them.
    const cookies = c.get('pageCookies');
    if (cookies === undefined) return new Response(html, { status: 200, headers: complete });
    if (cookies.length === 1) return new Response(html, { status: 200, headers: headersWithCookie(complete, cookies[0]!) });
    return c.body(html, 200, complete);
  };

  return {
    version: readVersion,
    programme,
    async feed<V>(key: string, build: () => Promise<BuiltFeed>, validatorsOf: (feed: EncodedFeed) => V) {
      const { content } = await readVersion();
      const cached = await feeds.get(key, String(content), 0, async () => never(await buildCachedFeed(build, validatorsOf)));
      return cached as CachedFeed<V>;
    },
    feedNow<V>(key: string) {
      const version = readVersion.now();
      return version && (feeds.peek(key, String(version.content), 0) as CachedFeed<V> | undefined);
    },
    page,
  };
}

const PAGE_TYPE = 'text/html; charset=UTF-8';

class NotCacheable extends Error {}

/** For apps and tests built without a cache: every page rendered afresh. */
export const uncachedPage: MiddlewareHandler<AppEnv> = async (_c, next) => {
  await next();
};
