// Personal calendar feeds (/my/:token/calendar.ics) kept in memory per owner. Calendar clients poll
// them as often as the public feeds, and each one was built afresh on every poll (a few hundred a
// second at most). A kept feed is used again only for the same owner, under the same data version
// and the same owner's row as read for this request (the caller has already found the owner by the
// secret in the address, so a replaced or deleted link never reaches this cache): nothing is ever
// served to another person or after a change. Bounded, least recently used first.
import type { DataVersion } from '../db/data-version.js';
import { buildCachedFeed, type BuiltFeed, type CachedFeed, type EncodedFeed } from './public-cache.js';
import { createResponseCache, type ResponseCache } from './response-cache.js';

export type PrivateFeedCache = {
  /**
   * The owner's feed, rebuilt unless it was built for the same data version and the same `ownerState`
   * (everything about the owner that the feed shows: their row as read now).
   */
  feed<V>(owner: string, ownerState: string, build: () => Promise<BuiltFeed>, validatorsOf: (feed: EncodedFeed) => V): Promise<CachedFeed<V>>;
};

/** About 2,000 personal feeds of 4 KB. */
const MAX_BYTES = 8 * 1024 * 1024;

export function createPrivateFeedCache(deps: { version: () => Promise<DataVersion> }): PrivateFeedCache {
  const feeds: ResponseCache<CachedFeed<unknown>> = createResponseCache({ maxBytes: MAX_BYTES, sizeOf: (feed) => feed.body.byteLength });
  return {
    async feed<V>(owner: string, ownerState: string, build: () => Promise<BuiltFeed>, validatorsOf: (feed: EncodedFeed) => V) {
      const version = await deps.version();
      // Seats too: a personal feed shows the owner's own registrations (confirmed, waiting).
      const stamp = `${version.content}.${version.seats}\n${ownerState}`;
      const cached = await feeds.get(owner, stamp, 0, async () => ({ value: await buildCachedFeed(build, validatorsOf), expiresAt: null }));
      return cached as CachedFeed<V>;
    },
  };
}
