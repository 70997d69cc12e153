// Speakers over HTTP: the public speaker page, the private page and feed behind the secret link,
// the JSON API for links, and the link controls in the workspace.
import { inRequestLanguage, languageOf, offeredLanguagesOf } from '../http/language.js';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { SpeakerLinkPanel } from '../../views/speakers/speaker-link-panel.js';
import { SpeakerPrivatePage } from '../../views/speakers/speaker-private-page.js';
import { SpeakerPublicPage } from '../../views/speakers/speaker-public-page.js';
import { calendarPreflight, calendarResponse } from '../calendar/calendar.http.js';
import type { LinksOfWebinars } from '../calendar/calendar.service.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { readForm } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { uncachedPage } from '../http/public-cache.js';
import { getSpeakerBySlug } from '../programme/programme.service.js';
import type { Speaker } from '../programme/programme.types.js';
import { pageShare } from '../previews/share-meta.js';
import { FieldReader } from '../validation.js';
import { t } from '../i18n/catalogue.js';
import {
  getSpeakerByToken,
  revokeSpeakerLink,
  rotateSpeakerLink,
  sendSpeakerLink,
  setSpeakerLanguage,
  setSpeakerZone,
  speakerFeed,
  speakerPageUrl,
} from './speaker-access.service.js';
import { speakerLinkUrl, speakerPrivatePage, speakerPublicPage } from './speaker-pages.service.js';

export type SpeakerRoutesDeps = {
  db: Db;
  clock: Clock;
  baseUrl: string;
  viewer: MiddlewareHandler<AppEnv>;
  /** Answers the public speaker page from memory when nothing changed (see src/http/public-cache.ts). */
  pageCache?: MiddlewareHandler<AppEnv>;
  /** Public materials for the speaker's feed (filled by the materials feature). */
  linksOf?: LinksOfWebinars;
};

/** Public pages and the private page; no login (the private page is behind its secret link). */
export function speakerRoutes({ db, clock, baseUrl, viewer, pageCache, linksOf }: SpeakerRoutesDeps) {
  const app = new Hono<AppEnv>();

  const pages = { db, clock, baseUrl };

  app.get('/speakers/:slug', viewer, pageCache ?? uncachedPage, async (c) => {
    const page = await speakerPublicPage(pages, c.req.param('slug'), languageOf(c));
    return c.html(<SpeakerPublicPage {...page} viewer={c.get('viewer')} share={pageShare(baseUrl, page.programme, `/speakers/${page.speaker.slug}`)} />);
  });

  app.get('/speaker/:token', async (c) => {
    const done = c.req.query('done');
    const page = await speakerPrivatePage(pages, c.req.param('token'), languageOf(c), { zoneSaved: done === 'zone', languageSaved: done === 'language' });
    c.header('Cache-Control', 'private, no-store');
    return c.html(<SpeakerPrivatePage {...page} />);
  });

  app.post('/speaker/:token/zone', async (c) => {
    const token = c.req.param('token');
    const speaker = await getSpeakerByToken(db, token);
    const form = await readForm(c);
    const fields = new FieldReader(form, clock.now(), languageOf(c));
    const zone = inRequestLanguage(c, () => fields.zone('timezone', t('speakers.private.zoneField')));
    if (!fields.ok) {
      const zoneTyped = typeof form.timezone === 'string' ? form.timezone.slice(0, 64) : '';
      const page = await speakerPrivatePage(pages, token, languageOf(c), { zoneError: fields.errors.timezone, zoneTyped });
      return c.html(<SpeakerPrivatePage {...page} />, 422);
    }
    await setSpeakerZone(db, clock, speaker.id, zone);
    return c.redirect(`/speaker/${token}?done=zone`, 303);
  });

  // The language of the speaker's emails, invites and feed: one of those the hub offers. A refusal
  // is the page again with the reason on the choice, and nothing stored.
  app.post('/speaker/:token/language', async (c) => {
    const token = c.req.param('token');
    const speaker = await getSpeakerByToken(db, token);
    const fields = new FieldReader(await readForm(c));
    const language = inRequestLanguage(c, () => fields.choice('language', t('speakers.private.languageField'), offeredLanguagesOf(c)));
    if (!language) {
      const page = await speakerPrivatePage(pages, token, languageOf(c), { languageError: fields.errors.language });
      return c.html(<SpeakerPrivatePage {...page} />, 422);
    }
    await setSpeakerLanguage(db, clock, speaker.id, language);
    return c.redirect(`/speaker/${token}?done=language`, 303);
  });

  app.on('OPTIONS', '/speaker/:token/calendar.ics', () => calendarPreflight());

  app.get('/speaker/:token/calendar.ics', async (c) => {
    const speaker = await getSpeakerByToken(db, c.req.param('token'));
    const feed = await speakerFeed(db, baseUrl, speaker, linksOf);
    return calendarResponse(c, { ...feed, disposition: 'inline', privateFeed: true });
  });

  return app;
}

/** POST/DELETE /api/speakers/:slug/link (mounted behind the bearer-token guard). */
export function speakerLinkApiRoutes({ db, clock, baseUrl }: Omit<SpeakerRoutesDeps, 'viewer' | 'pageCache'>) {
  return new Hono<AppEnv>()
    .post('/api/speakers/:slug/link', async (c) => {
      const token = await rotateSpeakerLink(db, clock, c.req.param('slug'));
      return c.json({ url: speakerPageUrl(baseUrl, token) }, 201);
    })
    .delete('/api/speakers/:slug/link', async (c) => {
      await revokeSpeakerLink(db, clock, c.req.param('slug'));
      return c.body(null, 204);
    });
}

/** Link controls on the workspace's speaker page (mounted behind the session + CSRF guard). */
export function speakerLinkAdminRoutes({ db, clock, baseUrl }: Omit<SpeakerRoutesDeps, 'viewer' | 'pageCache'>) {
  return new Hono<AppEnv>()
    .post('/admin/speakers/:slug/link/send', async (c) => {
      const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
      await sendSpeakerLink(db, clock, baseUrl, speaker.slug);
      return c.redirect(`/admin/speakers/${speaker.slug}?done=link-sent`, 303);
    })
    .post('/admin/speakers/:slug/link/rotate', async (c) => {
      const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
      await rotateSpeakerLink(db, clock, speaker.slug);
      if (speaker.email) await sendSpeakerLink(db, clock, baseUrl, speaker.slug);
      return c.redirect(`/admin/speakers/${speaker.slug}?done=link-rotated`, 303);
    })
    .post('/admin/speakers/:slug/link/revoke', async (c) => {
      const speaker = await getSpeakerBySlug(db, c.req.param('slug'));
      await revokeSpeakerLink(db, clock, speaker.slug);
      return c.redirect(`/admin/speakers/${speaker.slug}?done=link-revoked`, 303);
    });
}

/** The panel beside the speaker form in the workspace. */
export function speakerLinkPanel(db: Db, baseUrl: string) {
  return async (speaker: Speaker, csrfToken: string): Promise<Child> => (
    <SpeakerLinkPanel speaker={speaker} linkUrl={await speakerLinkUrl({ db, baseUrl }, speaker)} csrfToken={csrfToken} />
  );
}
