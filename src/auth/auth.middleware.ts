// Guards for the coordinators' area and the API: session cookie, CSRF token and origin, bearer token.
import { languageOf } from '../http/language.js';
import { message } from '../i18n/message.js';
import { RefusedError } from '../errors.js';
import { setCoordinatorLanguage } from './coordinator.service.js';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { bodyKind } from '../http/body.js';
import { safeLocalPath } from '../http/local-path.js';
import type { AppEnv } from '../http/env.js';
import { tokenLookup, tokensEqual } from '../security/tokens.js';
import { verifyApiToken } from './api-token.service.js';
import { findSession } from './session.service.js';

export const SESSION_COOKIE = 'hub_session';
export const API_REALM = 'webinar-hub';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A path on this site to return to after signing in; anything else (other hosts, `//x`, `/\x`) becomes `/admin`. */
export function safeNextPath(next: string | undefined | null, fallback = '/admin'): string {
  return safeLocalPath(next, fallback);
}

export function loginPath(next: string): string {
  return `/admin/login?next=${encodeURIComponent(safeNextPath(next))}`;
}

/**
 * True when a state-changing request comes from this site: the browser says so (Sec-Fetch-Site), or
 * its Origin is ours. Requests without either header are not from a current browser form on
 * another site; the CSRF token still has to match for them.
 */
export function isSameOrigin(c: Context, trustedOrigins: readonly string[] = []): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'same-origin') return true;
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === new URL(c.req.url).origin || trustedOrigins.includes(origin);
  return site === undefined || site === 'none';
}

/** Signs the request in from the session cookie, or sends it to the sign-in page (GET) or away (401). */
export function requireCoordinator(deps: { db: Db; clock: Clock }): MiddlewareHandler<AppEnv> {
  return async function requireCoordinator(c, next) {
    const sessionId = getCookie(c, SESSION_COOKIE);
    const session = sessionId ? await findSession(deps.db, deps.clock, sessionId) : undefined;
    if (!session) {
      if (sessionId !== undefined) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        return c.redirect(loginPath(`${url.pathname}${url.search}`), 303);
      }
      throw new RefusedError(401, message('refusals.auth.signedOut'));
    }
    c.set('coordinator', session.coordinator);
    c.set('csrfToken', session.csrfToken);
    // A coordinator who switches the workspace's language keeps it for their next sign-in.
    const chosen = c.req.query('lang');
    if (chosen !== undefined && chosen === languageOf(c)) await setCoordinatorLanguage(deps.db, deps.clock, session.coordinator.id, chosen);
    // Pages of the workspace show private data: never keep them in a shared or back-forward cache.
    c.header('Cache-Control', 'private, no-store');
    return next();
  };
}

async function formCsrfToken(c: Context): Promise<string | undefined> {
  if (bodyKind(c) !== 'form') return undefined;
  try {
    // Hono keeps the parsed form, so the route reads the same body again afterwards.
    const value = (await c.req.parseBody({ all: true }))._csrf;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For POST, PUT, PATCH and DELETE: the session's token in the `_csrf` field or the `x-csrf-token`
 * header, and a same-origin request. Runs after requireCoordinator; put body limits before it.
 */
export function requireCsrf(options: { trustedOrigins?: readonly string[] } = {}): MiddlewareHandler<AppEnv> {
  return async function requireCsrf(c, next) {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    if (!isSameOrigin(c, options.trustedOrigins)) {
      throw new RefusedError(403, message('refusals.auth.otherSite'));
    }
    const expected = c.get('csrfToken');
    const sent = c.req.header('x-csrf-token') ?? (await formCsrfToken(c));
    if (!expected || !sent || !tokensEqual(sent, expected)) {
      throw new RefusedError(403, message('refusals.auth.expiredForm'));
    }
    await next();
  };
}

function unauthorized(c: Context, message: string, error?: 'invalid_request' | 'invalid_token') {
  // RFC 6750: the realm always, and the error code when a token was sent but is not usable.
  const challenge = `Bearer realm="${API_REALM}"${error ? `, error="${error}"` : ''}`;
  return c.json({ error: message }, 401, { 'WWW-Authenticate': challenge, 'Cache-Control': 'no-store' });
}

/**
 * `Authorization: Bearer <token>`: a stored API token (the coordinator becomes its owner) or, when
 * configured, HUB_API_TOKEN (coordinator null). Anything else is a 401 JSON answer.
 */
export function requireApiToken(deps: { db: Db; clock: Clock; envToken: string | null }): MiddlewareHandler<AppEnv> {
  return async function requireApiToken(c, next) {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') return unauthorized(c, 'An API token is required: send the header "Authorization: Bearer <token>".');
    const token = /^Bearer +(\S{1,512}) *$/i.exec(header)?.[1];
    if (!token) return unauthorized(c, 'The Authorization header must be "Bearer <token>".', 'invalid_request');
    // Hashing both sides first makes the comparison constant-time whatever the lengths.
    if (deps.envToken && tokensEqual(tokenLookup(token), tokenLookup(deps.envToken))) {
      c.set('coordinator', null);
      return next();
    }
    const coordinator = await verifyApiToken(deps.db, deps.clock, token);
    if (!coordinator) return unauthorized(c, 'The API token is not valid or has been revoked.', 'invalid_token');
    c.set('coordinator', coordinator);
    await next();
  };
}
