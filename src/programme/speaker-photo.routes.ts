// GET /media/speakers/<hash>.<ext>: an uploaded speaker photo. The address is named by the bytes'
// hash, so it never changes meaning: browsers and proxies keep it for a year and ask again only
// with If-None-Match. A photo no speaker has any more is gone (404).
import { Hono } from 'hono';
import { message } from '../i18n/message.js';
import type { Db } from '../db/connection.js';
import { NotFoundError } from '../errors.js';
import { isNotModified } from '../http/conditional.js';
import type { AppEnv } from '../http/env.js';
import { speakerPhotoPath } from './programme.mappers.js';
import { findServedPhoto } from './speaker-photo.service.js';

const PHOTO_FILE = /^([0-9a-f]{32})\.(jpg|png|webp)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function speakerPhotoRoutes(deps: { db: Db }) {
  return new Hono<AppEnv>().get('/media/speakers/:file', async (c) => {
    const gone = () => new NotFoundError(message('refusals.missing.photo'));
    const match = PHOTO_FILE.exec(c.req.param('file'));
    if (!match) throw gone();
    const photo = await findServedPhoto(deps.db, match[1]!);
    // The extension is part of the address: another one is another (unknown) address.
    if (!photo || speakerPhotoPath(photo.hash, photo.contentType) !== c.req.path) throw gone();
    const etag = `"${photo.hash}"`;
    const validators = { ETag: etag, 'Cache-Control': IMMUTABLE, 'X-Content-Type-Options': 'nosniff' };
    if (isNotModified(c, { etag })) return new Response(null, { status: 304, headers: validators });
    const headers = { ...validators, 'Content-Type': photo.contentType, 'Content-Length': String(photo.sizeBytes) };
    if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(photo.open(), { status: 200, headers });
  });
}
