// Types shared by the HTTP layer: what routes find on the context.
import type { Language } from '../i18n/languages.js';
import type { ViewerZoneProps } from '../../views/layout.js';

export type SignedInCoordinator = { id: number; email: string; name: string };

export type AppEnv = {
  Variables: {
    viewer: ViewerZoneProps;
    /** Set by the admin guard (session) and the API guard (bearer token; null for HUB_API_TOKEN). */
    coordinator: SignedInCoordinator | null;
    /** The session's CSRF token, for the hidden `_csrf` field of every admin form. */
    csrfToken: string;
    /** The client's address, once `clientAddress(c)` has worked it out. */
    clientAddress: string;
    /** TRUST_PROXY, for `clientAddress(c)`. */
    trustProxy: boolean;
    /** The language the request is answered in (see requestLanguage). */
    language: Language;
    /** The languages this hub offers, the default first. */
    languages: readonly Language[];
    /** The response already has the security and language headers (a cached page; see page-headers.ts). */
    headersComplete: boolean;
    /** The cookies middlewares set before the route answered (see setPageCookie). */
    pageCookies: string[];
  };
};
