// The JSON API for speakers' photos: POST /api/speakers/:slug/photo (a multipart form with a
// `file`, or the image as the body with its Content-Type) and DELETE; behind the bearer-token guard.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import type { AppEnv } from '../http/env.js';
import { photoTooLargeMessage } from '../programme/photo-check.js';
import { getSpeakerBySlug } from '../programme/programme.service.js';
import { removeSpeakerPhoto, setSpeakerPhoto } from '../programme/speaker-photo.service.js';
import { speakerJson } from './api.routes.js';
import { PHOTO_BODY_LIMIT, readPhotoRequest } from './speaker-photo-upload.js';

export type SpeakerPhotoApiDeps = { db: Db; clock: Clock; baseUrl: string; uploadDir?: string };

const tooLarge = (c: Context) =>
  new HTTPException(413, {
    res: c.json({ error: `The request is too large (at most ${Math.round(PHOTO_BODY_LIMIT / 1024)} KB).`, fields: { file: photoTooLargeMessage('en') } }, 413),
  });

export function speakerPhotoApiRoutes(deps: SpeakerPhotoApiDeps) {
  const { db, clock } = deps;
  return new Hono<AppEnv>()
    .post('/api/speakers/:slug/photo', async (c) => {
      const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
      // English refusals, whatever the request's language: the API's clients are programs.
      const reading = await readPhotoRequest(c, { dir: deps.uploadDir, allowRawBody: true, tooLarge, language: 'en' });
      if (!reading.ok) return c.json({ error: reading.message, fields: { file: reading.message } }, reading.reason === 'too-large' ? 413 : 422);
      const updated = await setSpeakerPhoto(db, clock, speaker.slug, reading.upload);
      return c.json(speakerJson(updated, deps.baseUrl), 201);
    })
    .delete('/api/speakers/:slug/photo', async (c) => {
      return c.json(speakerJson(await removeSpeakerPhoto(db, clock, c.req.param('slug')), deps.baseUrl));
    });
}
