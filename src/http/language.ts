// Which language a request is answered in: ?lang= (remembered in a cookie), the cookie, the
// browser's Accept-Language, or the first offered language. Views read it through t() and showIn().
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { withLanguage, withRendering, type Rendering, type Synchronous } from '../i18n/current-language.js';
import { isLanguage, negotiateLanguage, type Language } from '../i18n/languages.js';
import type { AppEnv } from './env.js';
import { ownPath } from './local-path.js';
import { setPageCookie } from './page-headers.js';

export const LANGUAGE_COOKIE = 'hub_lang';

export function requestLanguage(options: { offered: readonly Language[]; secureCookies: boolean }): MiddlewareHandler<AppEnv> {
  const offers = (value: unknown): value is Language => isLanguage(value) && options.offered.includes(value);
  const choice = options.offered.length > 1;
  return async function requestLanguageMiddleware(c, next) {
    const url = new URL(c.req.url);
    // searchParams parses the query, and changing it writes the URL again: only when there is one.
    const query = url.search === '' ? undefined : url.searchParams;
    const requested = choice ? (query?.get('lang') ?? null) : null;
    let language: Language;
    if (offers(requested)) {
      language = requested;
      setPageCookie(c, LANGUAGE_COOKIE, requested, { path: '/', maxAge: 365 * 86400, sameSite: 'Lax', httpOnly: true, secure: options.secureCookies });
    } else if (choice) {
      // An unknown ?lang= changes nothing: the page is still worth showing, in the usual language.
      const remembered = getCookie(c, LANGUAGE_COOKIE);
      language = offers(remembered) ? remembered : negotiateLanguage(c.req.header('accept-language'), options.offered);
    } else {
      language = options.offered[0] ?? 'en';
    }
    c.set('language', language);
    c.set('languages', options.offered);
    if (query?.has('lang')) query.delete('lang');
    renderPagesIn(c, { language, offered: options.offered, returnTo: ownPath(url, url.search) });
    await next();
    if (!choice || c.get('headersComplete')) return;
    // Pages, and JSON such as the zone search's place names: the same address answers in another
    // language for another visitor.
    const type = c.res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html') || type.startsWith('application/json')) {
      // On the response's own headers: c.header() after next() copies the whole Response first,
      // which cost a quarter of a cached page's time. Every response here is the hub's own, made
      // for this request, so its headers can be changed.
      const headers = c.res.headers;
      headers.set('Content-Language', language);
      headers.append('Vary', LANGUAGE_VARY);
    }
  };
}

const LANGUAGE_VARY = 'Accept-Language, Cookie';

/** What the middleware adds to a page in `language` (nothing where the hub offers one language). */
export function languageHeaders(language: Language, offered: readonly Language[]): Record<string, string> {
  return offered.length > 1 ? { 'Content-Language': language, Vary: LANGUAGE_VARY } : {};
}

/**
 * Makes c.html render a page (a hono/jsx node) in the request's language: hono/jsx renders in one
 * synchronous pass when c.html stringifies the node, so the language scope spans exactly that.
 */
function renderPagesIn(c: Context<AppEnv>, rendering: Rendering): void {
  const html = c.html;
  c.html = ((body: unknown, ...rest: unknown[]) => {
    const page =
      typeof body === 'object' && body !== null && !(body instanceof String) && !isPromise(body)
        ? withRendering(rendering, () => {
            const text: unknown = body.toString();
            // An async component would finish outside the scope, in English: the views have none.
            if (isPromise(text)) throw new Error("Pages are rendered synchronously (no async components), in the request's language.");
            return text as string;
          })
        : body;
    return (html as (...args: unknown[]) => unknown)(page, ...rest);
  }) as typeof c.html;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return value instanceof Promise;
}

/**
 * Runs `produce` (synchronous) in the request's language: text a handler makes before its page,
 * e.g. a form's error messages. A page's own text needs nothing: it is rendered in it.
 */
export function inRequestLanguage<T>(c: Context<AppEnv>, produce: () => Synchronous<T>): T {
  return withLanguage(languageOf(c), produce);
}

/** The request's language (English where the middleware did not run, e.g. a bare test app). */
export function languageOf(c: Context): Language {
  return (c.get('language') as Language | undefined) ?? 'en';
}

/** The languages the hub offers, the default first. */
export function offeredLanguagesOf(c: Context): readonly Language[] {
  return (c.get('languages') as readonly Language[] | undefined) ?? ['en'];
}
