// Which requests need a coordinator: every /admin page and every /api route, except the few that
// are public by design. Registered before any route, so no mounting order can leave a hole.
import type { MiddlewareHandler } from 'hono';
import { message } from '../i18n/message.js';
import { RefusedError } from '../errors.js';
import { isSameOrigin, requireApiToken, requireCoordinator, requireCsrf } from '../auth/auth.middleware.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { tokensEqual } from '../security/tokens.js';
import { isMultipart, limitBody } from './body.js';
import type { AppEnv } from './env.js';
import { checkTokenBeforeFile, uploadRouteMatcher, type UploadRoute } from './uploads.js';

/** Public within /admin: signing in and accepting an invitation (there is no session yet). */
const PUBLIC_ADMIN = [/^\/admin\/login\/?$/, /^\/admin\/setup\/[^/]+\/?$/];
/** Every admin form but an upload is small. */
const FORM_BODY_LIMIT = 256 * 1024;
/** Public within /api: registering for a webinar. */
const PUBLIC_API: Array<[string, RegExp]> = [['POST', /^\/api\/webinars\/[^/]+\/registrations\/?$/]];

export type AreaGuardDeps = {
  db: Db;
  clock: Clock;
  baseUrl: string;
  apiToken: string | null;
  /** The routes that take uploads and limit their own bodies, as the features declare them (none unless given). */
  uploadRoutes?: readonly UploadRoute[];
};

export function areaGuards(deps: AreaGuardDeps): MiddlewareHandler<AppEnv> {
  const coordinator = requireCoordinator({ db: deps.db, clock: deps.clock });
  const trustedOrigins = [new URL(deps.baseUrl).origin];
  const csrf = requireCsrf({ trustedOrigins });
  const uploadCsrf = requireUploadCsrf({ trustedOrigins });
  const apiToken = requireApiToken({ db: deps.db, clock: deps.clock, envToken: deps.apiToken });
  // The CSRF check reads the body, so the size limit comes first: no unbounded read before sign-in checks.
  const formLimit = limitBody(FORM_BODY_LIMIT);
  const isUploadRoute = uploadRouteMatcher(deps.uploadRoutes ?? []);
  return async function guardPrivateAreas(c, next) {
    const path = c.req.path;
    if (path === '/admin' || path.startsWith('/admin/')) {
      if (PUBLIC_ADMIN.some((pattern) => pattern.test(path))) return next();
      // A guard that answers (a redirect to sign in) returns its response; pass it on.
      if (isUploadRoute(c.req.method, path) && isMultipart(c)) {
        // Nothing here reads the upload: the route limits it and streams it to disk.
        return coordinator(c, async () => {
          await uploadCsrf(c, next);
        });
      }
      return coordinator(c, async () => {
        await formLimit(c, async () => {
          await csrf(c, next);
        });
      });
    }
    if (path === '/api' || path.startsWith('/api/')) {
      if (PUBLIC_API.some(([method, pattern]) => c.req.method === method && pattern.test(path))) return next();
      return apiToken(c, next);
    }
    return next();
  };
}

/**
 * requireCsrf for the upload form, which it must not read: Hono's parseBody would hold the whole
 * form, file and all, in memory to find `_csrf`. The origin is checked here; the token comes from
 * the x-csrf-token header or else from the form's `_csrf` field, which the route's reader hands to
 * the check before it keeps any byte of the file. The answers are requireCsrf's.
 */
function requireUploadCsrf(options: { trustedOrigins: readonly string[] }): MiddlewareHandler<AppEnv> {
  return async function requireUploadCsrf(c, next) {
    if (!isSameOrigin(c, options.trustedOrigins)) {
      throw new RefusedError(403, message('refusals.auth.otherSite'));
    }
    const expected = c.get('csrfToken');
    const check = (sent: string | undefined) => {
      if (!expected || !sent || !tokensEqual(sent, expected)) {
        throw new RefusedError(403, message('refusals.auth.expiredForm'));
      }
    };
    const header = c.req.header('x-csrf-token');
    if (header !== undefined) check(header);
    else checkTokenBeforeFile(c, check);
    await next();
  };
}
