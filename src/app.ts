// Builds the hub's HTTP application from its dependencies; no ports, no environment.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Clock } from './clock.js';
import type { Db } from './db/connection.js';
import { appIconRoutes, assetRoutes } from './http/assets.js';
import { webManifest } from './http/app-icons.js';
import { discoveryRoutes } from './discovery/discovery.routes.js';
import type { AppEnv } from './http/env.js';
import { handleErrors, handleNotFound } from './http/error-handler.js';
import { createReadinessCheck } from './db/readiness.js';
import { viewerZone } from './http/viewer-zone.js';
import { languageHeaders, requestLanguage } from './http/language.js';
import { headersSetBy, securityHeaders } from './http/page-headers.js';
import { frontDoor } from './http/front-door.js';
import type { Language } from './i18n/languages.js';
import { createPrivateFeedCache } from './http/private-feed-cache.js';
import { createPublicCache } from './http/public-cache.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { previewRoutes } from './previews/previews.routes.js';
import { programmeRoutes } from './programme/programme.routes.js';
import { unknownZoneResponse } from './http/unknown-zone.js';
import { resolveClientAddress, type RateLimit } from './http/rate-limit.js';
import { registrationRoutes } from './registration/registration.routes.js';
import { speakerLinkAdminRoutes, speakerLinkApiRoutes, speakerLinkPanel, speakerRoutes } from './speakers/speakers.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { areaGuards } from './http/area-guards.js';
import { webinarChangeNotifier } from './notifications/webinar-changes.js';
import { webinarAdminRoutes } from './admin/webinars-admin.routes.js';
import { SPEAKER_PHOTO_UPLOAD_ROUTES, speakersAdminRoutes } from './admin/speakers-admin.routes.js';
import { speakerPhotoApiRoutes } from './admin/speaker-photo-api.routes.js';
import { speakerPhotoRoutes } from './programme/speaker-photo.routes.js';
import { areasAdminRoutes } from './admin/areas-admin.routes.js';
import { programmeSettingsRoutes } from './admin/programme-settings.routes.js';
import { outboxAdminRoutes } from './admin/outbox-admin.routes.js';
import { apiRoutes } from './admin/api.routes.js';
import { registrationAdminRoutes } from './admin/registrations-admin.routes.js';
import { attendeeFeedLinks, attendeeMaterialsOf, materialAdminPanel, materialsOf, publicMaterialLinks } from './materials/material.hooks.js';
import { CAPTION_UPLOAD_ROUTES, captionRoutes } from './materials/captions.routes.js';
import { MATERIAL_UPLOAD_ROUTES, materialAdminRoutes, materialApiRoutes, materialAttendeeRoutes, materialPublicRoutes } from './materials/material.routes.js';

export type AppDeps = {
  db: Db;
  clock: Clock;
  /** Absolute base for links in feeds and emails, without a trailing slash. */
  baseUrl: string;
  log?: (message: string, error?: unknown) => void;
  /** Registrations allowed per client address and window (forms and the JSON API). */
  registrationRateLimit?: RateLimit;
  /** HUB_API_TOKEN: a bearer token for automation, besides the tokens created in the workspace. */
  apiToken?: string | null;
  /** Whether an SMTP server is configured (the outbox page says when messages are held). */
  mailConfigured?: boolean;
  /** TRUST_PROXY: take the client's address from X-Forwarded-For (set when behind a reverse proxy). */
  trustProxy?: boolean;
  /** LANGUAGES: the languages pages are offered in, the first the default; English and Swedish unless given. */
  languages?: readonly Language[];
};

export function createApp(deps: AppDeps) {
  const { db, clock } = deps;
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  // Every response but the feeds carries these (see securityHeaders); worked out once.
  const pageSecurity = headersSetBy(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'https:', 'data:'],
        frameSrc: ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        // blob: and connect-src https: let hls.js play an HLS stream from its host (issue 14, item 5).
        mediaSrc: ["'self'", 'https:', 'blob:'],
        connectSrc: ["'self'", 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      crossOriginResourcePolicy: false,
      // The same as frame-ancestors 'none', for browsers that know only this header.
      xFrameOptions: 'DENY',
      // HSTS only for an https public address: a hub meant to answer over http must not be pinned
      // to https by a browser that once reached it through a TLS proxy.
      strictTransportSecurity: deps.baseUrl.startsWith('https:'),
    }),
  );
  const offeredLanguages = deps.languages ?? ['en', 'sv'];
  // Public feeds and pages are built once per version of the data (moved by the database in every
  // change), so a 304 or a repeated page costs a version read; see src/http/public-cache.ts.
  const cache = createPublicCache({
    db,
    clock,
    pageHeaders: async (language) => ({ ...(await pageSecurity), ...languageHeaders(language, offeredLanguages) }),
  });
  const siteTitle = async () => (await cache.programme()).title;
  const secureCookies = deps.baseUrl.startsWith('https:');

  const readiness = createReadinessCheck({ db, clock, log });

  const app = new Hono<AppEnv>();
  app.onError(handleErrors({ siteTitle, log, onUnexpectedError: readiness.noteError }));
  app.notFound(handleNotFound({ siteTitle, log }));
  // First, before the page middleware: a load balancer asks every few seconds and needs no headers.
  app.get('/healthz', async (c) => {
    try {
      // A real read of the database, shared by the requests of one event-loop turn.
      await cache.version();
      return c.json({ status: 'ok' });
    } catch (error) {
      log('Health check failed', error);
      return c.json({ status: 'error', error: 'database unavailable' }, 503);
    }
  });
  // Whether this instance can do its work: a committed write, and no damage met since the start.
  app.get('/readyz', async (c) => {
    const answer = await readiness.check();
    c.header('Cache-Control', 'no-store');
    return answer.ready ? c.json({ status: 'ok' }) : c.json({ status: 'error', reason: answer.reason }, 503);
  });
  // Public calendar feeds, polled all day by calendar clients, also come before it: they are
  // answered from the cache (a 304 costs a version read) and need none of the page middleware.
  const materials = { db, clock, baseUrl: deps.baseUrl };
  app.route('/', calendarRoutes({ db, baseUrl: deps.baseUrl, linksOf: publicMaterialLinks(materials), cache }));
  app.use(securityHeaders(pageSecurity));

  // Pages, the workspace (its guards' answers too) and the API's messages in the visitor's
  // language; the public feeds above are answered before this.
  app.use(requestLanguage({ offered: offeredLanguages, secureCookies }));
  app.use(resolveClientAddress({ trustProxy: deps.trustProxy ?? false }));
  app.use(
    areaGuards({
      db,
      clock,
      baseUrl: deps.baseUrl,
      apiToken: deps.apiToken ?? null,
      uploadRoutes: [...MATERIAL_UPLOAD_ROUTES, ...SPEAKER_PHOTO_UPLOAD_ROUTES, ...CAPTION_UPLOAD_ROUTES],
    }),
  );

  app.route('/', appIconRoutes);
  app.route('/assets', assetRoutes);
  app.get('/manifest.webmanifest', async (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(webManifest(await cache.programme()), 200, { 'Content-Type': 'application/manifest+json; charset=utf-8' });
  });
  app.route('/', discoveryRoutes({ db, baseUrl: deps.baseUrl }));
  // Clients that ask for the icon at the old fixed address (feed readers, bookmarks) get the SVG.
  app.get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301));
  // Link-preview images (og:image), kept per data version like the feeds.
  app.route('/', previewRoutes({ db, baseUrl: deps.baseUrl, version: cache.version }));

  // Attached per page rather than app-wide, so that feeds and the API never answer with a page.
  const viewer = viewerZone({
    defaultZone: async () => (await cache.programme()).defaultZone,
    secureCookies,
    onUnknownZone: unknownZoneResponse(db, clock),
    now: () => clock.now(),
  });
  const pages = { db, clock, baseUrl: deps.baseUrl, viewer, materialsOf: materialsOf(materials) };
  // Only public pages take the page cache; private pages (/my, /speaker) are never kept. Personal
  // feeds are kept per attendee, and only ever answered to the owner of their secret link.
  app.route('/', programmeRoutes({ ...pages, pageCache: cache.page }));
  app.route(
    '/',
    registrationRoutes({
      ...pages,
      rateLimit: deps.registrationRateLimit ?? { max: 20, windowMinutes: 10 },
      attendeeMaterialsOf: attendeeMaterialsOf(materials),
      attendeeFeedLinksOf: attendeeFeedLinks(materials),
      personalFeeds: createPrivateFeedCache({ version: cache.version }),
    }),
  );
  app.route('/', speakerRoutes({ ...pages, pageCache: cache.page, linksOf: publicMaterialLinks(materials) }));
  app.route('/', speakerPhotoRoutes({ db }));
  app.route('/', materialPublicRoutes({ ...materials, viewer, pageCache: cache.page }));
  app.route('/', materialAttendeeRoutes(materials));
  app.route('/', captionRoutes(materials));

  // The coordinators' workspace and API; areaGuards above has checked the session or the token.
  const listeners = [webinarChangeNotifier({ clock, baseUrl: deps.baseUrl })];
  const links = { db, clock, baseUrl: deps.baseUrl };
  app.route('/', authRoutes({ db, clock, baseUrl: deps.baseUrl, secureCookies }));
  app.route('/', registrationAdminRoutes(links));
  app.route('/', webinarAdminRoutes({ ...links, listeners, materialsPanel: materialAdminPanel(materials) }));
  app.route('/', materialAdminRoutes(materials));
  app.route('/', materialApiRoutes(materials));
  app.route('/', speakersAdminRoutes({ db, clock, speakerExtras: speakerLinkPanel(db, deps.baseUrl) }));
  app.route('/', areasAdminRoutes({ db, clock }));
  app.route('/', programmeSettingsRoutes({ db, clock }));
  app.route('/', outboxAdminRoutes({ db, clock, mailConfigured: deps.mailConfigured ?? false }));
  app.route('/', speakerLinkAdminRoutes(links));
  app.route('/', speakerLinkApiRoutes(links));
  app.route('/', speakerPhotoApiRoutes({ db, clock, baseUrl: deps.baseUrl }));
  app.route('/', apiRoutes({ db, clock, listeners, baseUrl: deps.baseUrl }));

  // Feed polls answered 304 and health checks, before the router (see src/http/front-door.ts).
  const answeredFirst = frontDoor(cache);
  const routed = app.fetch;
  app.fetch = (request, env, executionCtx) => answeredFirst(request, env) ?? routed(request, env, executionCtx);
  return app;
}
