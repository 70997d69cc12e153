// Expected failures of the domain, which the HTTP layer turns into 4xx answers.

import type { ZoneMatch } from './time/zone-search.js';

export type FieldErrors = Record<string, string>;

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
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
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; suggestions?: ZoneMatch[] };
