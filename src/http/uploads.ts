// Routes that take file uploads, declared by the features that own them, and the handshake between
// the guards in front of every route and an upload's reader. Such a request is checked without
// reading its body (Hono's parseBody would hold the whole file in memory to find `_csrf`), and the
// route limits the body itself as it streams it to disk, so the guards' small-form limit skips it.
import type { Context } from 'hono';

/** A route that takes multipart uploads: its method and its path as Hono writes it (`:slug` is one segment). */
export type UploadRoute = { method: string; path: string };

/** Whether a request goes to one of the declared upload routes (a trailing slash allowed, as Hono does). */
export function uploadRouteMatcher(routes: readonly UploadRoute[]): (method: string, path: string) => boolean {
  const compiled = routes.map((route) => ({ method: route.method.toUpperCase(), pattern: pathPattern(route.path) }));
  return (method, path) => compiled.some((route) => route.method === method && route.pattern.test(path));
}

function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}/?$`);
}

/** Token checks that guards in front of an upload form left to its reader (see checkTokenBeforeFile). */
const formTokenChecks = new WeakMap<Context, (sent: string | undefined) => void>();

/**
 * For a CSRF guard in front of an upload form, instead of reading the form itself (which would
 * hold the whole upload in memory): `check` gets the form's `_csrf` field before any byte of its
 * file is kept, or once a form without a file has been read, and throws to refuse it. The
 * workspace form sends `_csrf` first; a token sent after the file counts as missing.
 */
export function checkTokenBeforeFile(c: Context, check: (sent: string | undefined) => void): void {
  formTokenChecks.set(c, check);
}

/** The check a guard left to the upload form's reader, if any (see checkTokenBeforeFile). */
export function tokenCheckBeforeFile(c: Context): ((sent: string | undefined) => void) | undefined {
  return formTokenChecks.get(c);
}
