// Coordinators' access over HTTP: sign-in and sign-out, account setup from an invitation, the
// coordinators page with invitations, and API tokens.
import { LANGUAGE_COOKIE, languageOf, offeredLanguagesOf } from '../http/language.js';
import { message } from '../i18n/message.js';
import { translate } from '../i18n/catalogue.js';
import { inRequestLanguage } from '../http/language.js';
import type { Language } from '../i18n/languages.js';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { CoordinatorsPage } from '../../views/admin/auth/coordinators-page.js';
import { InviteRefusedPage, LoginPage, SetupPage } from '../../views/admin/auth/sign-in-pages.js';
import { TokensPage } from '../../views/admin/auth/tokens-page.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { ConflictError, NotFoundError, RefusedError, ValidationError, type FieldErrors } from '../errors.js';
import { say, type Words } from '../i18n/message.js';
import { limitBody, readForm } from '../http/body.js';
import type { AppEnv, SignedInCoordinator } from '../http/env.js';
import { clientAddress } from '../http/rate-limit.js';
import { getProgramme } from '../programme/programme.service.js';
import type { Input } from '../validation.js';
import {
  acceptInvite,
  checkInvite,
  createApiToken,
  createInvite,
  createSession,
  deleteSession,
  findSession,
  hasCoordinators,
  inviteRefusal,
  INVITE_VALID_DAYS,
  listApiTokens,
  listCoordinators,
  listPendingInvites,
  revokeApiToken,
  SESSION_MAX_DAYS,
} from './auth.service.js';
import { isSameOrigin, safeNextPath, SESSION_COOKIE } from './auth.middleware.js';
import { validateInvite, validateNewCoordinator, validateSignIn, validateTokenName } from './auth.validation.js';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits, type SignInRefusal } from './sign-in-throttle.js';
import { createSignIn, type PasswordCheck } from './sign-in.service.js';

export type AuthRoutesDeps = {
  db: Db;
  clock: Clock;
  /** The public address; its origin is accepted in Origin headers (the hub may sit behind a proxy). */
  baseUrl: string;
  secureCookies: boolean;
  signInLimits?: SignInLimits;
  /** How sign-in checks a password: `authenticate` unless a test counts the evaluations. */
  checkPassword?: PasswordCheck;
};

const FORM_LIMIT = 16 * 1024;

function text(input: Input, field: string, max = 254): string {
  const value = input[field];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Why a sign-in was refused before its password was checked, and when to come back, in `language`. */
function throttledMessage(language: Language, limits: SignInLimits, refusal: SignInRefusal, waitMinutes: number): string {
  if (refusal === 'too-many-failures') return translate(language, 'refusals.auth.tooManyFailures', { wait: waitMinutes });
  const { maxAttempts, windowMinutes } = limits.perClientUnderAttack;
  return translate(language, 'refusals.auth.underAttack', { times: maxAttempts, window: windowMinutes, wait: waitMinutes });
}

function signedIn(c: Context<AppEnv>): SignedInCoordinator {
  const coordinator = c.get('coordinator');
  if (!coordinator) throw new RefusedError(401, message('refusals.auth.signIn'));
  return coordinator;
}

/**
 * Sign-in, setup and the coordinators' own pages. The pages and forms behind a session sit behind
 * areaGuards (session, body limit, CSRF), like the rest of /admin; only sign-in and setup are public.
 */
export function authRoutes(deps: AuthRoutesDeps) {
  const { db, clock } = deps;
  const trustedOrigins = [new URL(deps.baseUrl).origin];
  const signInLimits = deps.signInLimits ?? DEFAULT_SIGN_IN_LIMITS;
  const signIn = createSignIn({ db, clock, limits: signInLimits, checkPassword: deps.checkPassword });
  const siteTitle = async () => (await getProgramme(db)).title;

  const refuseCrossSite = (c: Context) => {
    // No session yet, so no token: the browser's origin headers are the CSRF defence here.
    if (!isSameOrigin(c, trustedOrigins)) throw new RefusedError(403, message('refusals.auth.signInOtherSite'));
  };

  const startSession = async (c: Context, coordinatorId: number) => {
    // A new id at every sign-in: a session id planted before sign-in is worth nothing afterwards.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await deleteSession(db, previous);
    const session = await createSession(db, clock, coordinatorId);
    setCookie(c, SESSION_COOKIE, session.sessionId, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: deps.secureCookies,
      maxAge: SESSION_MAX_DAYS * 24 * 60 * 60,
    });
  };

  const app = new Hono<AppEnv>();

  // --- Sign-in and sign-out ---------------------------------------------------------------------
  const loginPage = async (c: Context, props: { next: string; email: string; errors: FieldErrors }, status: 200 | 422 | 429) => {
    c.header('Cache-Control', 'no-store');
    const noCoordinators = !(await hasCoordinators(db));
    return c.html(<LoginPage siteTitle={await siteTitle()} noCoordinators={noCoordinators} {...props} />, status);
  };

  app.get('/admin/login', async (c) => {
    const next = safeNextPath(c.req.query('next'));
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId && (await findSession(db, clock, sessionId))) return c.redirect(next, 303);
    return loginPage(c, { next, email: '', errors: {} }, 200);
  });

  app.post('/admin/login', limitBody(FORM_LIMIT), async (c) => {
    refuseCrossSite(c);
    const input = await readForm(c);
    const next = safeNextPath(text(input, 'next', 2000));
    const validated = inRequestLanguage(c, () => validateSignIn(input));
    if (!validated.ok) return loginPage(c, { next, email: text(input, 'email'), errors: validated.errors }, 422);
    const { email, password } = validated.value;
    const result = await signIn(email, password, clientAddress(c));
    if (result.outcome === 'throttled') {
      c.header('Retry-After', String(result.waitMinutes * 60));
      const form = throttledMessage(languageOf(c), signInLimits, result.refusal, result.waitMinutes);
      return loginPage(c, { next, email, errors: { form } }, 429);
    }
    if (result.outcome === 'wrong') return loginPage(c, { next, email, errors: { form: translate(languageOf(c), 'workspace.login.wrong') } }, 422);
    await startSession(c, result.coordinator.id);
    // The workspace in the language the coordinator last worked in, unless this browser chose one.
    const offered = offeredLanguagesOf(c);
    const stored = result.coordinator.language;
    if (stored !== undefined && getCookie(c, LANGUAGE_COOKIE) === undefined && offered.includes(stored) && offered.length > 1) {
      setCookie(c, LANGUAGE_COOKIE, stored, { path: '/', maxAge: 365 * 86400, sameSite: 'Lax', httpOnly: true, secure: deps.secureCookies });
    }
    return c.redirect(next, 303);
  });

  app.post('/admin/logout', async (c) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) await deleteSession(db, sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.secureCookies, httpOnly: true, sameSite: 'Lax' });
    return c.redirect('/admin/login', 303);
  });

  // --- Account setup from an invitation (and the first-run setup link) --------------------------
  const refusedPage = async (c: Context, state: 'used' | 'expired' | 'unknown' | 'conflict', words?: Words) => {
    c.header('Cache-Control', 'no-store');
    const status = state === 'unknown' ? 404 : 410;
    const message = say(languageOf(c), words ?? inviteRefusal(state === 'conflict' ? 'used' : state));
    return c.html(<InviteRefusedPage siteTitle={await siteTitle()} message={message} />, status);
  };

  const setupPage = async (
    c: Context,
    token: string,
    invite: { firstRun: boolean; email: string | null },
    values: { name: string; email: string },
    errors: FieldErrors,
    status: 200 | 422,
  ) => {
    c.header('Cache-Control', 'no-store');
    return c.html(
      <SetupPage siteTitle={await siteTitle()} token={token} firstRun={invite.firstRun} invitedEmail={invite.email} values={values} errors={errors} />,
      status,
    );
  };

  app.get('/admin/setup/:token', async (c) => {
    const token = c.req.param('token');
    const invite = await checkInvite(db, clock, token);
    if (invite.state !== 'usable') return refusedPage(c, invite.state);
    return setupPage(c, token, invite, { name: '', email: invite.email ?? '' }, {}, 200);
  });

  app.post('/admin/setup/:token', limitBody(FORM_LIMIT), async (c) => {
    refuseCrossSite(c);
    const token = c.req.param('token');
    const invite = await checkInvite(db, clock, token);
    if (invite.state !== 'usable') return refusedPage(c, invite.state);
    const input = await readForm(c);
    const values = { name: text(input, 'name', 120), email: text(input, 'email') };
    const validated = inRequestLanguage(c, () => validateNewCoordinator(input));
    if (!validated.ok) return setupPage(c, token, invite, values, validated.errors, 422);
    try {
      const coordinator = await acceptInvite(db, clock, token, validated.value);
      await startSession(c, coordinator.id);
    } catch (error) {
      if (error instanceof ValidationError) return setupPage(c, token, invite, values, error.errorsIn(languageOf(c)), 422);
      if (error instanceof ConflictError || error instanceof NotFoundError) return refusedPage(c, 'conflict', error.words);
      throw error;
    }
    return c.redirect('/admin', 303);
  });

  // --- Coordinators and invitations --------------------------------------------------------------
  const coordinatorsPage = async (
    c: Context<AppEnv>,
    extras: { form?: { email: string; errors: FieldErrors }; newInvite?: { email: string; url: string } },
    status: 200 | 422 = 200,
  ) => {
    const programme = await getProgramme(db);
    return c.html(
      <CoordinatorsPage
        siteTitle={programme.title}
        coordinator={signedIn(c)}
        csrfToken={c.get('csrfToken')}
        zone={programme.defaultZone}
        coordinators={await listCoordinators(db)}
        invites={await listPendingInvites(db, clock)}
        form={extras.form ?? { email: '', errors: {} }}
        newInvite={extras.newInvite ? { ...extras.newInvite, validDays: INVITE_VALID_DAYS } : undefined}
      />,
      status,
    );
  };

  app.get('/admin/coordinators', async (c) => coordinatorsPage(c, {}));

  app.post('/admin/coordinators/invite', async (c) => {
    const input = await readForm(c);
    const email = text(input, 'email');
    const validated = inRequestLanguage(c, () => validateInvite(input));
    if (!validated.ok) return coordinatorsPage(c, { form: { email, errors: validated.errors } }, 422);
    let token: string;
    try {
      token = await createInvite(db, clock, { invitedBy: signedIn(c).id, email: validated.value.email });
    } catch (error) {
      if (error instanceof ValidationError) return coordinatorsPage(c, { form: { email, errors: error.errorsIn(languageOf(c)) } }, 422);
      throw error;
    }
    const url = `${deps.baseUrl.replace(/\/+$/, '')}/admin/setup/${token}`;
    return coordinatorsPage(c, { newInvite: { email: validated.value.email, url } });
  });

  // --- API tokens -------------------------------------------------------------------------------
  const tokensPage = async (
    c: Context<AppEnv>,
    extras: { form?: { name: string; errors: FieldErrors }; newToken?: { name: string; token: string }; revoked?: boolean },
    status: 200 | 422 = 200,
  ) => {
    const programme = await getProgramme(db);
    return c.html(
      <TokensPage
        siteTitle={programme.title}
        coordinator={signedIn(c)}
        csrfToken={c.get('csrfToken')}
        zone={programme.defaultZone}
        tokens={await listApiTokens(db)}
        form={extras.form ?? { name: '', errors: {} }}
        newToken={extras.newToken}
        revoked={extras.revoked}
      />,
      status,
    );
  };

  app.get('/admin/tokens', async (c) => tokensPage(c, { revoked: c.req.query('done') === 'revoked' }));

  app.post('/admin/tokens', async (c) => {
    const input = await readForm(c);
    const validated = inRequestLanguage(c, () => validateTokenName(input));
    if (!validated.ok) return tokensPage(c, { form: { name: text(input, 'name', 80), errors: validated.errors } }, 422);
    const token = await createApiToken(db, clock, signedIn(c).id, validated.value.name);
    return tokensPage(c, { newToken: { name: validated.value.name, token } });
  });

  app.post('/admin/tokens/:id/revoke', async (c) => {
    const id = Number(c.req.param('id'));
    if (!/^\d{1,15}$/.test(c.req.param('id')) || id <= 0) throw new NotFoundError(message('refusals.auth.noToken'));
    await revokeApiToken(db, clock, id);
    return c.redirect('/admin/tokens?done=revoked', 303);
  });

  return app;
}
