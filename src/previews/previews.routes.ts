// GET /webinars/:slug/preview.png and /preview.png: the link-preview images, rendered once per
// version of the public data and kept (bounded), answered with a strong ETag and 304s.
import { type Context, Hono } from 'hono';
import { message } from '../i18n/message.js';
import type { DataVersionReader } from '../db/data-version.js';
import type { Db } from '../db/connection.js';
import { NotFoundError } from '../errors.js';
import { contentEtag, isNotModified } from '../http/conditional.js';
import type { AppEnv } from '../http/env.js';
import { createResponseCache } from '../http/response-cache.js';
import { findWebinarBySlug, getProgramme } from '../programme/programme.service.js';
import { cardVersion, programmeCard, webinarCard } from './preview-cards.js';
import { type PreviewCard, renderPreviewPng } from './preview-image.js';
import { PROGRAMME_PREVIEW_PATH } from './share-meta.js';

export type PreviewRoutesDeps = {
  db: Db;
  baseUrl: string;
  /** The public data's version (src/db/data-version.ts): a change shows in the next image. */
  version: DataVersionReader;
};

type Preview = { png: Uint8Array; etag: string };

/** About 100 images of 150–200 KB. */
const MAX_BYTES = 16 * 1024 * 1024;

/** Crawlers may keep an image five minutes; the ?v= on og:image makes them fetch a changed one at once. */
const CACHE_CONTROL = 'public, max-age=300';

export function previewRoutes(deps: PreviewRoutesDeps) {
  // Two steps, so that a change elsewhere in the programme (another webinar, a slide) costs a
  // query for the card, not a new drawing: cards are kept per data version, images per card.
  const cards = createResponseCache<{ card: PreviewCard; version: string }>({ maxBytes: 2 * 1024 * 1024, sizeOf: () => 2048 });
  const images = createResponseCache<Preview>({ maxBytes: MAX_BYTES, sizeOf: (preview) => preview.png.byteLength });

  async function answer(c: Context<AppEnv>, key: string, cardOf: () => Promise<PreviewCard>) {
    const { content } = await deps.version();
    const { card, version } = await cards.get(key, String(content), 0, async () => {
      const card = await cardOf();
      return { value: { card, version: cardVersion(card) }, expiresAt: null };
    });
    const preview = await images.get(key, version, 0, async () => {
      const png = await renderPreviewPng(card);
      return { value: { png, etag: contentEtag(png) }, expiresAt: null };
    });
    const headers = { 'Cache-Control': CACHE_CONTROL, ETag: preview.etag };
    if (isNotModified(c, { etag: preview.etag })) return c.body(null, 304, headers);
    return c.body(preview.png as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Type': 'image/png' });
  }

  return new Hono<AppEnv>()
    .get(PROGRAMME_PREVIEW_PATH, (c) => answer(c, 'programme', async () => programmeCard(await getProgramme(deps.db), deps.baseUrl)))
    .get('/webinars/:slug/preview.png', (c) => {
      const slug = c.req.param('slug');
      return answer(c, `webinar\n${slug}`, async () => {
        // Drafts are not public: the same 404 as a slug that does not exist.
        const webinar = await findWebinarBySlug(deps.db, slug);
        if (!webinar) throw new NotFoundError(message('refusals.missing.someWebinar'));
        return webinarCard(await getProgramme(deps.db), webinar, deps.baseUrl);
      });
    });
}
