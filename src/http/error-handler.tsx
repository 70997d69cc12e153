// The one place where failures become responses: expected ones as 4xx with a message, the rest
// logged and answered with a 500 that reveals nothing.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorPage } from '../../views/errors/error-page.js';
import { isDatabaseCorrupt, isDiskFull, isLockTimeout, isUniqueViolation, isUnstorableText } from '../db/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { ZoneMatch } from '../time/zone-search.js';
import { pathForLog } from './local-path.js';

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
  title: string,
  message: string,
  siteTitle: string,
  fields?: Record<string, string>,
  suggestions?: ZoneMatch[],
) {
  if (wantsJson(c)) return c.json({ error: message, ...(fields ? { fields } : {}), ...(suggestions ? { suggestions } : {}) }, status as 400);
  return c.html(<ErrorPage status={status} title={title} message={message} siteTitle={siteTitle} />, status as 400);
}

export function handleErrors(options: ErrorHandlerOptions): ErrorHandler {
  return async function onError(error, c) {
    const title = await titleOrDefault(options);
    if (error instanceof NotFoundError) return errorResponse(c, 404, 'Not found', error.message, title);
    if (error instanceof ValidationError)
      return errorResponse(c, error.status, 'Please check your input', error.message, title, error.errors, error.suggestions);
    if (error instanceof ConflictError) return errorResponse(c, 409, 'Not possible right now', error.message, title);
    if (error instanceof HTTPException) {
      if (error.res) return error.res;
      const status = error.status;
      const message = error.message || (status === 413 ? 'The request is too large.' : 'The request could not be handled.');
      return errorResponse(c, status, status === 401 ? 'Sign-in required' : status === 403 ? 'Not allowed' : 'Request refused', message, title);
    }
    // Another process held the database's write lock for longer than a request waits: say so and
    // when to try again, rather than a 500. Nothing was written.
    if (isLockTimeout(error)) {
      options.log(`Database busy on ${c.req.method} ${pathForLog(new URL(c.req.url).pathname)}`, error);
      c.header('Retry-After', '5');
      return errorResponse(c, 503, 'Busy right now', 'The hub is busy saving other changes. Nothing was saved; please try again in a few seconds.', title);
    }
    // A unique value taken by a request that ran at the same moment (the services check first, so
    // only a race ends here).
    if (isUniqueViolation(error)) {
      return errorResponse(
        c,
        409,
        'Not possible right now',
        'Someone else saved the same thing at the same moment. Nothing was saved; please reload and try again.',
        title,
      );
    }
    if (isUnstorableText(error)) {
      return errorResponse(c, 400, 'Request refused', 'The request contains a NUL character, which no name, address or text here may contain.', title);
    }
    options.onUnexpectedError?.(error);
    const where = `${c.req.method} ${pathForLog(new URL(c.req.url).pathname)}`;
    // Said as what it is, for the operator: nothing can be saved until space is freed.
    if (isDiskFull(error)) {
      options.log(`Disk full: nothing can be written to the database (${where})`, error);
      return errorResponse(c, 503, 'Cannot save right now', 'The server’s disk is full. Nothing was saved; please try again later.', title);
    }
    if (isDatabaseCorrupt(error)) {
      options.log(`The database is damaged and must be restored from a backup (${where})`, error);
      return errorResponse(c, 503, 'Not available right now', 'The hub cannot read its data right now. Nothing was saved; please try again later.', title);
    }
    options.log(`Unhandled error on ${where}`, error);
    return errorResponse(c, 500, 'Something went wrong', 'The hub hit an unexpected problem. It has been logged; please try again in a moment.', title);
  };
}

export function handleNotFound(options: ErrorHandlerOptions): NotFoundHandler {
  return async function notFound(c) {
    return errorResponse(c, 404, 'Page not found', 'There is no page at this address. The programme lists every webinar.', await titleOrDefault(options));
  };
}
