// Works out which zone a public page is shown in: ?tz= (remembered in a cookie), the cookie, or
// the programme's zone. A ?tz= that is not one zone answers 400 with the zone picker and choices.
import { ownPath } from './local-path.js';
import { languageOf } from './language.js';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { deletePageCookie, setPageCookie } from './page-headers.js';
import { DateTime } from 'luxon';
import { normalizeZone, resolveZone } from '../time/index.js';
import type { AppEnv } from './env.js';

export const ZONE_COOKIE = 'hub_tz';

export type ViewerZoneOptions = {
  defaultZone: () => Promise<string>;
  secureCookies: boolean;
  onUnknownZone: (c: Context<AppEnv>, input: string) => Response | Promise<Response>;
  /** The app's clock; only the "Did you mean" choices for an offset depend on it. */
  now?: () => DateTime;
};

export function viewerZone(options: ViewerZoneOptions): MiddlewareHandler<AppEnv> {
  return async function viewerZoneMiddleware(c, next) {
    const url = new URL(c.req.url);
    const returnTo = pathWithoutTz(url);
    const requested = url.searchParams.get('tz');
    if (requested !== null && requested.trim() !== '') {
      // "?tz=Beijing" means Asia/Shanghai ("?tz=Peking" too, "?tz=Norge" for a Swedish reader);
      // what is not one zone gets the picker with choices.
      const resolved = resolveZone(requested, options.now ?? (() => DateTime.utc()), languageOf(c));
      const zone = resolved.ok ? resolved.zone : undefined;
      if (!zone) {
        c.set('viewer', { zone: await options.defaultZone(), chosen: false, returnTo });
        return options.onUnknownZone(c, requested.slice(0, 100));
      }
      setPageCookie(c, ZONE_COOKIE, zone, { path: '/', maxAge: 365 * 86400, sameSite: 'Lax', httpOnly: true, secure: options.secureCookies });
      c.set('viewer', { zone, chosen: true, returnTo });
      return next();
    }
    if (requested !== null) deletePageCookie(c, ZONE_COOKIE, { path: '/' });
    const remembered = requested === null ? getCookie(c, ZONE_COOKIE) : undefined;
    const zone = remembered ? normalizeZone(remembered) : undefined;
    c.set('viewer', zone ? { zone, chosen: true, returnTo } : { zone: await options.defaultZone(), chosen: false, returnTo });
    await next();
  };
}

/** The address without ?tz= and ?lang=: each is remembered in its cookie once chosen. */
function pathWithoutTz(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('tz');
  params.delete('lang');
  const query = params.toString();
  return ownPath(url, query ? `?${query}` : '');
}
