// Expected failures of the domain, which the HTTP layer turns into 4xx answers.

import { say, type Words } from './i18n/message.js';
import type { ZoneMatch } from './time/zone-search.js';

export type FieldErrors = Record<string, string>;

/**
 * A failure with words for its reader: `message` is English (logs, the JSON API), `words` what a
 * page says in its reader's language.
 */
abstract class SaidError extends Error {
  constructor(readonly words: Words) {
    super(say('en', words));
  }
}

export class NotFoundError extends SaidError {
  constructor(words: Words) {
    super(words);
    this.name = 'NotFoundError';
  }
}

/** Input that breaks a rule; carries one message per field. */
export class ValidationError extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly status: 400 | 409 | 422 = 422,
    /** "Did you mean …" zones for a zone field that was not one zone. */
    readonly suggestions?: ZoneMatch[],
  ) {
    super(Object.values(errors).join(' '));
    this.name = 'ValidationError';
  }
}

/** A valid request that the current state does not allow (registration closed, seat taken...). */
export class ConflictError extends SaidError {
  constructor(words: Words) {
    super(words);
    this.name = 'ConflictError';
  }
}

/** A request refused as such (too many, too large, not signed in): its status and why, in words. */
export class RefusedError extends SaidError {
  constructor(
    readonly status: 401 | 403 | 413 | 429,
    words: Words,
  ) {
    super(words);
    this.name = 'RefusedError';
  }
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; suggestions?: ZoneMatch[] };
