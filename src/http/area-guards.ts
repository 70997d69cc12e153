// Which requests need a coordinator: every /admin page and every /api route, except the few that
// are public by design. Registered before any route, so no mounting order can leave a hole.
import type { MiddlewareHandler } from 'hono';
import { requireApiToken, requireCoordinator, requireCsrf } from '../auth/auth.middleware.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { UPLOAD_BODY_LIMIT } from '../materials/material.routes.js';
import { limitBody } from './body.js';
import type { AppEnv } from './env.js';

/** Public within /admin: signing in and accepting an invitation (there is no session yet). */
const PUBLIC_ADMIN = [/^\/admin\/login\/?$/, /^\/admin\/setup\/[^/]+\/?$/];
/** Where coordinators upload files; every other admin form is small. */
const UPLOAD_PATH = /^\/admin\/webinars\/[^/]+\/materials\/?$/;
const FORM_BODY_LIMIT = 256 * 1024;
/** Public within /api: registering for a webinar. */
const PUBLIC_API: Array<[string, RegExp]> = [['POST', /^\/api\/webinars\/[^/]+\/registrations\/?$/]];

export type AreaGuardDeps = { db: Db; clock: Clock; baseUrl: string; apiToken: string | null };

export function areaGuards(deps: AreaGuardDeps): MiddlewareHandler<AppEnv> {
  const coordinator = requireCoordinator({ db: deps.db, clock: deps.clock });
  const csrf = requireCsrf({ trustedOrigins: [new URL(deps.baseUrl).origin] });
  const apiToken = requireApiToken({ db: deps.db, clock: deps.clock, envToken: deps.apiToken });
  // The CSRF check reads the body, so the size limit comes first: no unbounded read before sign-in checks.
  const uploadLimit = limitBody(UPLOAD_BODY_LIMIT);
  const formLimit = limitBody(FORM_BODY_LIMIT);
  return async function guardPrivateAreas(c, next) {
    const path = c.req.path;
    if (path === '/admin' || path.startsWith('/admin/')) {
      if (PUBLIC_ADMIN.some((pattern) => pattern.test(path))) return next();
      const limit = UPLOAD_PATH.test(path) ? uploadLimit : formLimit;
      // A guard that answers (a redirect to sign in) returns its response; pass it on.
      return coordinator(c, async () => {
        await limit(c, async () => {
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
