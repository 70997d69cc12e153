// The coordinators' JSON API for speakers and webinars (mounted behind the bearer-token guard).
import { Hono } from 'hono';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { ValidationError } from '../errors.js';
import { limitBody, readJsonObject } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { offeredLanguagesOf } from '../http/language.js';
import { createSpeaker, updateSpeaker } from '../programme/programme-admin.service.js';
import { validateNewSpeaker, validateSpeakerPatch } from '../programme/programme-admin.validation.js';
import { ALL_STATUSES, getProgramme, getSpeakerBySlug, getWebinarBySlug, listSpeakers, listWebinars } from '../programme/programme.service.js';
import type { Speaker, Webinar } from '../programme/programme.types.js';
import { createWebinar, previewWebinarChange, updateWebinar, type WebinarChangeListener } from '../programme/webinar.service.js';
import { audienceOfChange } from '../notifications/change-audience.js';
import { validateNewWebinar, validateWebinarPatch } from '../programme/webinar.validation.js';
import { formatOffset } from '../time/index.js';

export type ApiDeps = {
  db: Db;
  clock: Clock;
  listeners: WebinarChangeListener[];
  /** Makes uploaded photos' addresses absolute. */
  baseUrl?: string;
};

export function webinarJson(webinar: Webinar) {
  return {
    slug: webinar.slug,
    uid: webinar.uid,
    title: webinar.title,
    areaSlug: webinar.area?.slug ?? null,
    abstract: webinar.abstract,
    titleSv: webinar.titleSv,
    abstractSv: webinar.abstractSv,
    start: webinar.start.local,
    timezone: webinar.start.zone,
    offset: webinar.start.offsetMinutes === null ? null : formatOffset(webinar.start.offsetMinutes),
    startsAtUtc: webinar.startsAt.toUTC().toISO({ suppressMilliseconds: true }),
    endsAtUtc: webinar.endsAt.toUTC().toISO({ suppressMilliseconds: true }),
    durationMinutes: webinar.durationMinutes,
    capacity: webinar.capacity,
    registrationClosesMinutesBefore: webinar.registrationClosesMinutesBefore,
    joinUrl: webinar.joinUrl,
    speakerJoinUrl: webinar.speakerJoinUrl,
    techCheckMinutes: webinar.techCheckMinutes,
    status: webinar.status,
    sequence: webinar.sequence,
    speakers: webinar.speakers.map((s) => ({ slug: s.slug, name: s.name, role: s.role })),
  };
}

/** A speaker as the API shows it; `baseUrl` makes an uploaded photo's address absolute. */
export function speakerJson(speaker: Speaker, baseUrl = '') {
  return {
    slug: speaker.slug,
    name: speaker.name,
    title: speaker.title,
    organisation: speaker.organisation,
    city: speaker.city,
    country: speaker.country,
    timezone: speaker.zone,
    bio: speaker.bio,
    photoUrl: speaker.photoUrl,
    photo: speaker.photo
      ? {
          url: `${baseUrl}${speaker.photo.path}`,
          contentType: speaker.photo.contentType,
          sizeBytes: speaker.photo.sizeBytes,
          width: speaker.photo.width,
          height: speaker.photo.height,
        }
      : null,
    email: speaker.email,
    language: speaker.language,
  };
}

const JSON_LIMIT = 256 * 1024;

export function apiRoutes({ db, clock, listeners, baseUrl = '' }: ApiDeps) {
  // The API stays one call (scripts ask no questions), but a move or a cancellation says whom it
  // emails: counted just before the change, as the workspace's step shows them.
  const notifiedBy = async (current: Webinar, patch: Parameters<typeof previewWebinarChange>[1]) => {
    const preview = previewWebinarChange(current, patch);
    if (!preview) return {};
    const audience = await audienceOfChange(db, preview);
    return { notified: { confirmed: audience.confirmed, waitlisted: audience.waitlisted, speakers: audience.speakers } };
  };

  return new Hono<AppEnv>()
    .get('/api/webinars', async (c) => c.json({ webinars: (await listWebinars(db, { statuses: ALL_STATUSES })).map(webinarJson) }))
    .get('/api/webinars/:slug', async (c) => c.json(webinarJson(await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES))))
    .post('/api/webinars', limitBody(JSON_LIMIT), async (c) => {
      const programme = await getProgramme(db);
      // The API's refusals are English, whatever the request's language: its clients are programs.
      const validated = validateNewWebinar(await readJsonObject(c), programme.defaultZone, clock.now(), 'en');
      if (!validated.ok) throw new ValidationError(validated.errors, 422, validated.suggestions);
      const webinar = await createWebinar(db, clock, validated.value, listeners);
      return c.json(webinarJson(webinar), 201, { Location: `/api/webinars/${webinar.slug}` });
    })
    .patch('/api/webinars/:slug', limitBody(JSON_LIMIT), async (c) => {
      const current = await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES);
      const validated = validateWebinarPatch(await readJsonObject(c), current.start.zone, clock.now(), 'en');
      if (!validated.ok) throw new ValidationError(validated.errors, 422, validated.suggestions);
      const notified = await notifiedBy(current, validated.value);
      const change = await updateWebinar(db, clock, current.slug, validated.value, listeners);
      return c.json({ ...webinarJson(change.after), changed: change.fields, ...notified });
    })
    .post('/api/webinars/:slug/cancel', async (c) => {
      const current = await getWebinarBySlug(db, c.req.param('slug'), ALL_STATUSES);
      const notified = await notifiedBy(current, { status: 'cancelled' });
      const change = await updateWebinar(db, clock, current.slug, { status: 'cancelled' }, listeners);
      return c.json({ ...webinarJson(change.after), changed: change.fields, ...notified });
    })
    .get('/api/speakers', async (c) => {
      return c.json({ speakers: (await listSpeakers(db)).map((speaker) => speakerJson(speaker, baseUrl)) });
    })
    .post('/api/speakers', limitBody(JSON_LIMIT), async (c) => {
      const validated = validateNewSpeaker(await readJsonObject(c), clock.now(), offeredLanguagesOf(c));
      if (!validated.ok) throw new ValidationError(validated.errors, 422, validated.suggestions);
      const speaker = await createSpeaker(db, clock, validated.value);
      return c.json(speakerJson(speaker, baseUrl), 201, { Location: `/api/speakers/${speaker.slug}` });
    })
    .patch('/api/speakers/:slug', limitBody(JSON_LIMIT), async (c) => {
      const current = await getSpeakerBySlug(db, c.req.param('slug'));
      const validated = validateSpeakerPatch(await readJsonObject(c), clock.now(), offeredLanguagesOf(c));
      if (!validated.ok) throw new ValidationError(validated.errors, 422, validated.suggestions);
      return c.json(speakerJson(await updateSpeaker(db, clock, current.slug, validated.value), baseUrl));
    });
}
