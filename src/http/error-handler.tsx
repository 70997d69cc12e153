// The one place where failures become responses: expected ones as 4xx with a message, the rest
// logged and answered with a 500 that reveals nothing.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorPage } from '../../views/errors/error-page.js';
import { isDatabaseCorrupt, isDiskFull, isLockTimeout, isUniqueViolation, isUnstorableText } from '../db/dialect.js';
import { ConflictError, NotFoundError, RefusedError, ValidationError } from '../errors.js';
import type { ZoneMatch } from '../time/zone-search.js';
import { pathForLog } from './local-path.js';
import { type MessageKey, translate } from '../i18n/catalogue.js';
import { say, type Words } from '../i18n/message.js';
import { languageOf } from './language.js';

export type ErrorHandlerOptions = {
  siteTitle: () => Promise<string>;
  log: (message: string, error: unknown) => void;
  /** Told of every unexpected error, e.g. so that readiness fails once the database shows damage. */
  onUnexpectedError?: (error: unknown) => void;
};

function wantsJson(c: Context): boolean {
  const path = new URL(c.req.url).pathname;
  return path.startsWith('/api/') || path === '/api' || (c.req.header('accept') ?? '').startsWith('application/json');
}

async function titleOrDefault(options: ErrorHandlerOptions): Promise<string> {
  try {
    return await options.siteTitle();
  } catch {
    return 'Webinar hub';
  }
}

export function errorResponse(
  c: Context,
  status: number,
  title: MessageKey,
  message: Words,
  siteTitle: string,
  fields?: Record<string, string>,
  suggestions?: ZoneMatch[],
) {
  // The JSON API answers in English (what its clients have always matched on), a page in its reader's language.
  if (wantsJson(c)) return c.json({ error: say('en', message), ...(fields ? { fields } : {}), ...(suggestions ? { suggestions } : {}) }, status as 400);
  const language = languageOf(c);
  return c.html(<ErrorPage status={status} title={translate(language, title)} message={say(language, message)} siteTitle={siteTitle} />, status as 400);
}

function refusedTitle(status: number): MessageKey {
  return status === 401 ? 'public.error.title.signIn' : status === 403 ? 'public.error.title.forbidden' : 'public.error.title.refused';
}

export function handleErrors(options: ErrorHandlerOptions): ErrorHandler {
  return async function onError(error, c) {
    const title = await titleOrDefault(options);
    if (error instanceof NotFoundError) return errorResponse(c, 404, 'public.error.title.notFound', error.words, title);
    if (error instanceof ValidationError) {
      // A page lists the messages in its reader's language; the JSON API's are English (see errorResponse).
      const message = wantsJson(c) ? error.message : Object.values(error.errorsIn(languageOf(c))).join(' ');
      return errorResponse(c, error.status, 'public.error.title.checkInput', message, title, error.errors, error.suggestions);
    }
    if (error instanceof ConflictError) return errorResponse(c, 409, 'public.error.title.conflict', error.words, title);
    if (error instanceof RefusedError) return errorResponse(c, error.status, refusedTitle(error.status), error.words, title);
    if (error instanceof HTTPException) {
      if (error.res) return error.res;
      const status = error.status;
      const message: Words = error.message || { key: status === 413 ? 'public.error.tooLarge' : 'public.error.notHandled' };
      return errorResponse(c, status, refusedTitle(status), message, title);
    }
    // Another process held the database's write lock for longer than a request waits: say so and
    // when to try again, rather than a 500. Nothing was written.
    if (isLockTimeout(error)) {
      options.log(`Database busy on ${c.req.method} ${pathForLog(new URL(c.req.url).pathname)}`, error);
      c.header('Retry-After', '5');
      return errorResponse(c, 503, 'public.error.title.busy', { key: 'public.error.busy' }, title);
    }
    // A unique value taken by a request that ran at the same moment (the services check first, so
    // only a race ends here).
    if (isUniqueViolation(error)) {
      return errorResponse(c, 409, 'public.error.title.conflict', { key: 'public.error.race' }, title);
    }
    if (isUnstorableText(error)) {
      return errorResponse(c, 400, 'public.error.title.refused', { key: 'public.error.nul' }, title);
    }
    options.onUnexpectedError?.(error);
    const where = `${c.req.method} ${pathForLog(new URL(c.req.url).pathname)}`;
    // Said as what it is, for the operator: nothing can be saved until space is freed.
    if (isDiskFull(error)) {
      options.log(`Disk full: nothing can be written to the database (${where})`, error);
      return errorResponse(c, 503, 'public.error.title.diskFull', { key: 'public.error.diskFull' }, title);
    }
    if (isDatabaseCorrupt(error)) {
      options.log(`The database is damaged and must be restored from a backup (${where})`, error);
      return errorResponse(c, 503, 'public.error.title.unavailable', { key: 'public.error.corrupt' }, title);
    }
    options.log(`Unhandled error on ${where}`, error);
    return errorResponse(c, 500, 'public.error.title.unexpected', { key: 'public.error.unexpected' }, title);
  };
}

export function handleNotFound(options: ErrorHandlerOptions): NotFoundHandler {
  return async function notFound(c) {
    return errorResponse(c, 404, 'public.error.title.pageNotFound', { key: 'public.error.noPage' }, await titleOrDefault(options));
  };
}
