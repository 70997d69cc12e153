// Registration over HTTP: the webinar and series forms, the JSON API, and the attendee's own page.
import { pageShare } from '../previews/share-meta.js';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { MyPage } from '../../views/registration/my-page.js';
import { CancelSeatPage, ReplaceLinkPage } from '../../views/registration/confirm-pages.js';
import { CheckEmailPage, ConfirmRequestPage, DeletedPage, PrivacyPage, RemoveDataPage } from '../../views/registration/simple-pages.js';
import { calendarPreflight, calendarResponse, feedValidators } from '../calendar/calendar.http.js';
import { ConflictError, NotFoundError, RefusedError, ValidationError } from '../errors.js';
import { formValues, readForm, readJsonObject, limitBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import type { PrivateFeedCache } from '../http/private-feed-cache.js';
import { clientAddress, createRateLimiter, type RateLimit } from '../http/rate-limit.js';
import { t } from '../i18n/catalogue.js';
import { message, say } from '../i18n/message.js';
import { inRequestLanguage, languageOf, offeredLanguagesOf } from '../http/language.js';
import { getProgramme } from '../programme/programme.service.js';
import { localizeWebinarOf } from '../programme/localize-webinar.js';
import { programmePage, webinarPage, type PublicPageDeps } from '../programme/public-pages.js';
import { FieldReader } from '../validation.js';
import { looksLikeToken, tokenLookup } from '../security/tokens.js';
import { registrationApiAnswer } from './registration-api-answer.js';
import {
  attendeeInput,
  cancellationPreview,
  cancelRegistration,
  changeAttendeeZone,
  confirmRequest,
  countPeopleOfWebinar,
  discardRequest,
  deleteAttendeeData,
  getAttendeeByToken,
  listRegistrationsWithWebinars,
  personalFeed,
  register,
  resetAttendeeToken,
  setAttendeeLanguage,
  type AttendeeFeedLinks,
  type RegistrationDeps,
} from './registration.service.js';
import { checkEmailPage, confirmRequestPage, personalPage, type AttendeeMaterials, type PersonalPageRequest } from './registration-pages.service.js';
import type { Attendee, RegisterResult } from './registration.types.js';
import { validateRegistration, validateSeriesSelection } from './registration.validation.js';

export type RegistrationRoutesDeps = RegistrationDeps &
  PublicPageDeps & {
    viewer: MiddlewareHandler<AppEnv>;
    rateLimit: RateLimit;
    /** Materials for registered attendees, per webinar (filled by the materials feature). */
    attendeeMaterialsOf?: AttendeeMaterials;
    /** Links to materials in the attendee's own feed, per webinar (filled by the materials feature). */
    attendeeFeedLinksOf?: AttendeeFeedLinks;
    /** Keeps each attendee's feed between polls (see src/http/private-feed-cache.ts); built afresh without it. */
    personalFeeds?: PrivateFeedCache;
  };

const FORM_LIMIT = 64 * 1024;
const OWNER_COOKIE = 'hub_attendee';

function welcomeQuery(result: RegisterResult): string {
  return result.outcomes.map((o) => o.webinar.slug).join(',');
}

export function registrationRoutes(deps: RegistrationRoutesDeps) {
  const { db, clock, baseUrl, viewer } = deps;
  const limiter = createRateLimiter(db, 'registration', deps.rateLimit, clock);
  const tooMany = async (c: Context) => {
    if (await limiter.allow(clientAddress(c))) return;
    throw new RefusedError(429, message('registration.error.tooMany'));
  };

  /**
   * Where a successful form registration goes: the owner's page (a new address, or the browser that
   * opened that page, where it took effect at once) with the new rows marked, or else the neutral
   * "check your email", which says the same whatever the address.
   */
  const afterRegistration = (c: Context, result: RegisterResult) => {
    if (!result.actedAsOwner) return c.redirect(`/registered?webinars=${encodeURIComponent(welcomeQuery(result))}`, 303);
    const fresh = result.outcomes.filter((o) => !o.alreadyRegistered).map((o) => o.webinar.slug);
    const already = result.outcomes.filter((o) => o.alreadyRegistered).map((o) => o.webinar.slug);
    const alreadyQuery = already.length > 0 ? `&already=${encodeURIComponent(already.join(','))}` : '';
    return c.redirect(`/my/${result.attendee.token}?registered=${encodeURIComponent([...fresh, ...already].join(','))}${alreadyQuery}`, 303);
  };

  // The browser that opened a personal page remembers a hash of its link, so that registering there
  // again is recognised as the owner's and does not replace the link (see `register`). The cookie
  // opens nothing: on a shared computer, whoever types the owner's address still sees only "check
  // your email".
  const secure = baseUrl.startsWith('https:');
  const rememberOwner = (c: Context, token: string) =>
    setCookie(c, OWNER_COOKIE, tokenLookup(token), { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: 365 * 86400 });
  const ownerToken = (c: Context) => {
    const value = getCookie(c, OWNER_COOKIE);
    return value && looksLikeToken(value) ? value : undefined;
  };

  const app = new Hono<AppEnv>();

  app.post('/webinars/:slug/register', limitBody(FORM_LIMIT), viewer, async (c) => {
    const slug = c.req.param('slug');
    const input = await readForm(c);
    const validated = inRequestLanguage(c, () => validateRegistration(input, clock.now(), languageOf(c)));
    if (!validated.ok) {
      return c.html(await webinarPage(deps, slug, c.get('viewer'), languageOf(c), { form: { values: formValues(input), errors: validated.errors } }), 422);
    }
    await tooMany(c);
    try {
      return afterRegistration(c, await register(deps, [slug], validated.value, { ownerLookup: ownerToken(c), language: languageOf(c) }));
    } catch (error) {
      if (error instanceof ConflictError) {
        return c.html(
          await webinarPage(deps, slug, c.get('viewer'), languageOf(c), {
            form: { values: formValues(input), errors: { form: say(languageOf(c), error.words) } },
          }),
          409,
        );
      }
      throw error;
    }
  });

  app.post('/register', limitBody(FORM_LIMIT), viewer, async (c) => {
    const input = await readForm(c);
    const validated = inRequestLanguage(c, () => validateRegistration(input, clock.now(), languageOf(c)));
    const selection = inRequestLanguage(c, () => validateSeriesSelection(input));
    if (!validated.ok || !selection.ok) {
      const errors = { ...(selection.ok ? {} : selection.errors), ...(validated.ok ? {} : validated.errors) };
      return c.html(await programmePage(deps, c.get('viewer'), languageOf(c), { values: formValues(input), errors }), 422);
    }
    await tooMany(c);
    try {
      return afterRegistration(c, await register(deps, selection.value, validated.value, { ownerLookup: ownerToken(c), language: languageOf(c) }));
    } catch (error) {
      if (error instanceof ConflictError || error instanceof NotFoundError) {
        return c.html(
          await programmePage(deps, c.get('viewer'), languageOf(c), { values: formValues(input), errors: { webinars: say(languageOf(c), error.words) } }),
          error instanceof NotFoundError ? 404 : 409,
        );
      }
      throw error;
    }
  });

  app.post('/api/webinars/:slug/registrations', limitBody(FORM_LIMIT), async (c) => {
    const input = await readJsonObject(c);
    // Its sentences (errors, the answer's message) in the request's language, like the form's.
    const validated = inRequestLanguage(c, () => validateRegistration(input, clock.now(), languageOf(c)));
    if (!validated.ok) throw new ValidationError(validated.errors, 422, validated.suggestions);
    await tooMany(c);
    const result = await register(deps, [c.req.param('slug')], validated.value, { language: languageOf(c) });
    const answer = inRequestLanguage(c, () => registrationApiAnswer(result, baseUrl));
    return c.json(answer.body, answer.status);
  });

  // The address of a form that came back with errors; reloading or sharing it leads back to the form.
  app.get('/webinars/:slug/register', (c) => c.redirect(`/webinars/${encodeURIComponent(c.req.param('slug'))}#register`, 303));
  app.get('/register', (c) => c.redirect('/#register', 303));

  app.get('/registered', async (c) => {
    const slugs = (c.req.query('webinars') ?? '')
      .split(',')
      .filter((s) => /^[a-z0-9-]{1,80}$/.test(s))
      .slice(0, 20);
    return c.html(<CheckEmailPage {...(await checkEmailPage(deps, slugs, languageOf(c)))} />);
  });

  app.get('/privacy', async (c) => {
    const programme = await getProgramme(db);
    return c.html(<PrivacyPage programme={programme} share={pageShare(baseUrl, programme, '/privacy')} />);
  });

  // --- The attendee's page behind the secret link ---------------------------------------------
  const my = new Hono<AppEnv>();

  /** The personal page, also as the answer to a refused action on it (with that status). */
  const showPersonalPage = async (c: Context<AppEnv>, attendee: Attendee, request: PersonalPageRequest, status: 200 | 409 | 422 = 200) => {
    const page = await personalPage(deps, attendee, request, languageOf(c));
    c.header('Cache-Control', 'private, no-store');
    return c.html(<MyPage {...page} />, status);
  };

  my.get('/:token', async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    rememberOwner(c, attendee.token);
    const slugs = (name: string) => (c.req.query(name) ?? '').split(',').filter(Boolean);
    return showPersonalPage(c, attendee, { registered: slugs('registered'), already: slugs('already'), done: c.req.query('done') });
  });

  // Answered without looking at the token: a preflight carries no credentials and reveals nothing.
  my.on('OPTIONS', '/:token/calendar.ics', () => calendarPreflight());

  my.get('/:token/calendar.ics', async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    const build = () => personalFeed(deps, attendee, deps.attendeeFeedLinksOf);
    if (!deps.personalFeeds) return calendarResponse(c, { ...(await build()), disposition: 'inline', privateFeed: true });
    // Everything about the attendee the feed shows (name, zone, the link in material addresses).
    const ownerState = JSON.stringify([attendee.token, attendee.name, attendee.zone, attendee.language, attendee.updatedAt.toMillis()]);
    const feed = await deps.personalFeeds.feed(`attendee:${attendee.id}`, ownerState, build, (built) => feedValidators(built.body, built.lastModified));
    return calendarResponse(c, { ...feed, disposition: 'inline', privateFeed: true });
  });

  // Cancelling asks first: the GET (and a POST without confirm=yes) shows what will happen and holds
  // the button that does it. A cancellation that is no longer possible leads back to the page.
  const registrationId = (c: Context) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(message('registration.error.noSuchRegistration'));
    return id;
  };
  const askToCancel = async (c: Context<AppEnv>, attendee: Attendee, id: number) => {
    const preview = await cancellationPreview(deps, attendee, id);
    if (!preview) return c.redirect(`/my/${attendee.token}`, 303);
    c.header('Cache-Control', 'private, no-store');
    const shown = { ...preview, registration: localizeWebinarOf(preview.registration, languageOf(c)) };
    return c.html(<CancelSeatPage programme={await getProgramme(db)} attendee={attendee} preview={shown} />);
  };
  my.get('/:token/registrations/:id/cancel', async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    return askToCancel(c, attendee, registrationId(c));
  });

  my.post('/:token/registrations/:id/cancel', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    const id = registrationId(c);
    if ((await readForm(c)).confirm !== 'yes') return askToCancel(c, attendee, id);
    try {
      await cancelRegistration(deps, attendee, id);
    } catch (error) {
      if (error instanceof ConflictError) return showPersonalPage(c, attendee, { refused: say(languageOf(c), error.words) }, 409);
      throw error;
    }
    return c.redirect(`/my/${attendee.token}?done=cancelled`, 303);
  });

  my.post('/:token/register/:slug', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    try {
      await register(deps, [c.req.param('slug')], { ...attendeeInput(attendee), question: null }, { fromOwnPage: true });
    } catch (error) {
      if (error instanceof ConflictError) return showPersonalPage(c, attendee, { refused: say(languageOf(c), error.words) }, 409);
      throw error;
    }
    return c.redirect(`/my/${attendee.token}?done=registered`, 303);
  });

  // A registration someone asked for this address: the emailed link shows it, the button confirms.
  const requestId = (c: Context) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(message('registration.error.requestGone'));
    return id;
  };
  my.get('/:token/confirm/:id', async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    const page = await confirmRequestPage(deps, attendee, requestId(c));
    if (!page) throw new NotFoundError(message('registration.error.requestGone'));
    c.header('Cache-Control', 'private, no-store');
    return c.html(<ConfirmRequestPage {...page} request={localizeWebinarOf(page.request, languageOf(c))} />);
  });

  my.post('/:token/confirm/:id', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    try {
      const result = await confirmRequest(deps, attendee, requestId(c));
      return c.redirect(`/my/${attendee.token}?registered=${encodeURIComponent(welcomeQuery(result))}`, 303);
    } catch (error) {
      if (error instanceof ConflictError) return showPersonalPage(c, attendee, { refused: say(languageOf(c), error.words) }, 409);
      throw error;
    }
  });

  my.post('/:token/confirm/:id/discard', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    await discardRequest(deps, attendee, requestId(c));
    return c.redirect(`/my/${attendee.token}?done=discarded`, 303);
  });

  // "Not you?" in every email, and "Delete my data" on the page: one button away from removing the
  // address and all about it, on a page that says what goes.
  const askToRemove = async (c: Context<AppEnv>, attendee: Attendee) => {
    const now = clock.now();
    const upcoming = (await listRegistrationsWithWebinars(db, attendee.id))
      .filter((r) => r.status !== 'cancelled' && r.webinar.status === 'published' && r.webinar.startsAt > now)
      .map((r) => localizeWebinarOf(r, languageOf(c)));
    // Which held seats someone is waiting for, so that the page says where each one goes.
    const waitedFor = new Set<number>();
    for (const r of upcoming) if (r.status === 'confirmed' && (await countPeopleOfWebinar(db, r.webinarId)).waitlisted > 0) waitedFor.add(r.webinarId);
    c.header('Cache-Control', 'private, no-store');
    return c.html(<RemoveDataPage programme={await getProgramme(db)} attendee={attendee} upcoming={upcoming} waitedFor={waitedFor} />);
  };
  my.get('/:token/remove', async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    return askToRemove(c, attendee);
  });

  my.post('/:token/zone', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    const input = await readForm(c);
    const fields = new FieldReader(input, clock.now(), languageOf(c));
    const zone = inRequestLanguage(c, () => fields.zone('timezone', t('registration.field.timezone')));
    if (!fields.ok) {
      const zoneTyped = typeof input.timezone === 'string' ? input.timezone.slice(0, 64) : '';
      return showPersonalPage(c, attendee, { zoneError: fields.errors.timezone, zoneTyped }, 422);
    }
    await changeAttendeeZone(deps, attendee, zone);
    return c.redirect(`/my/${attendee.token}?done=zone`, 303);
  });

  // The language of the attendee's emails and calendar: one of the languages the hub offers. Guarded
  // like the page's other forms: only the secret link in the address opens it.
  my.post('/:token/language', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    const fields = new FieldReader(await readForm(c));
    const language = inRequestLanguage(c, () => fields.choice('language', t('registration.field.language'), offeredLanguagesOf(c)));
    if (!language) throw new ValidationError(fields.errors);
    await setAttendeeLanguage(deps, attendee, language);
    return c.redirect(`/my/${attendee.token}?done=language`, 303);
  });

  // Replacing the link asks first: it breaks the calendar subscriptions made with the old one.
  const askToReplaceLink = async (c: Context, attendee: Attendee) => {
    c.header('Cache-Control', 'private, no-store');
    return c.html(<ReplaceLinkPage programme={await getProgramme(db)} attendee={attendee} />);
  };
  my.get('/:token/reset-link', async (c) => askToReplaceLink(c, await getAttendeeByToken(db, c.req.param('token'))));

  my.post('/:token/reset-link', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    if ((await readForm(c)).confirm !== 'yes') return askToReplaceLink(c, attendee);
    const token = await resetAttendeeToken(deps, attendee);
    return c.redirect(`/my/${token}?done=link`, 303);
  });

  my.post('/:token/delete', limitBody(FORM_LIMIT), async (c) => {
    const attendee = await getAttendeeByToken(db, c.req.param('token'));
    const input = await readForm(c);
    if (input.confirm !== 'yes') return askToRemove(c, attendee);
    await deleteAttendeeData(deps, attendee);
    deleteCookie(c, OWNER_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
    return c.html(<DeletedPage programme={await getProgramme(db)} />);
  });

  app.route('/my', my);
  return app;
}
