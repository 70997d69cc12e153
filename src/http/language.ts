// Which language a request is answered in: ?lang= (remembered in a cookie), the cookie, the
// browser's Accept-Language, or the first offered language. Views read it through t() and showIn().
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { withRequestLanguage } from '../i18n/current-language.js';
import { isLanguage, negotiateLanguage, type Language } from '../i18n/languages.js';
import type { AppEnv } from './env.js';

export const LANGUAGE_COOKIE = 'hub_lang';

export function requestLanguage(options: { offered: readonly Language[]; secureCookies: boolean }): MiddlewareHandler<AppEnv> {
  const offers = (value: unknown): value is Language => isLanguage(value) && options.offered.includes(value);
  return async function requestLanguageMiddleware(c, next) {
    // English alone: nothing to choose, and no context to carry, English being what t() and
    // showIn() write outside of one (see current-language.ts on what a context costs).
    if (options.offered.length < 2 && (options.offered[0] ?? 'en') === 'en') {
      c.set('language', 'en');
      return next();
    }
    const url = new URL(c.req.url);
    const requested = url.searchParams.get('lang');
    let language: Language;
    if (offers(requested)) {
      language = requested;
      setCookie(c, LANGUAGE_COOKIE, requested, { path: '/', maxAge: 365 * 86400, sameSite: 'Lax', httpOnly: true, secure: options.secureCookies });
    } else {
      // An unknown ?lang= changes nothing: the page is still worth showing, in the usual language.
      const remembered = getCookie(c, LANGUAGE_COOKIE);
      language = offers(remembered) ? remembered : negotiateLanguage(c.req.header('accept-language'), options.offered);
    }
    c.set('language', language);
    url.searchParams.delete('lang');
    await withRequestLanguage({ language, offered: options.offered, returnTo: `${url.pathname}${url.search}` }, () => next());
    // Pages, and JSON such as the zone search's place names: the same address answers in another
    // language for another visitor.
    const type = c.res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html') || type.startsWith('application/json')) {
      c.header('Content-Language', language);
      c.header('Vary', 'Accept-Language, Cookie', { append: true });
    }
  };
}
