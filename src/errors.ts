// Expected failures of the domain, which the HTTP layer turns into 4xx answers.

import type { Language } from './i18n/languages.js';
import { say, type Words } from './i18n/message.js';
import type { ZoneMatch } from './time/zone-search.js';

export type FieldErrors = Record<string, string>;

/**
 * A failure with words for its reader: `message` is English (logs, the JSON API), `words` what a
 * page says in its reader's language. The words are kept in a private field, so that an error
 * compares (in tests, in logs) by its English message, whether it was made from a catalogue
 * message or from text.
 */
abstract class SaidError extends Error {
  readonly #words: Words;

  constructor(words: Words) {
    super(say('en', words));
    this.#words = words;
  }

  get words(): Words {
    return this.#words;
  }
}

export class NotFoundError extends SaidError {
  constructor(words: Words) {
    super(words);
    this.name = 'NotFoundError';
  }
}

/**
 * Input that breaks a rule; carries one message per field: text as a validator said it, or a
 * catalogue message from a service, which a form shown again says in its reader's language.
 */
export class ValidationError extends Error {
  /** The messages in English: the JSON API's `fields`, and logs. */
  readonly errors: FieldErrors;
  readonly #fieldWords: Readonly<Record<string, Words>>;

  constructor(
    fieldWords: Readonly<Record<string, Words>>,
    readonly status: 400 | 409 | 422 = 422,
    /** "Did you mean …" zones for a zone field that was not one zone. */
    readonly suggestions?: ZoneMatch[],
  ) {
    const errors = fieldErrorsIn('en', fieldWords);
    super(Object.values(errors).join(' '));
    this.errors = errors;
    this.#fieldWords = fieldWords;
    this.name = 'ValidationError';
  }

  /** The messages in `language`, for a form shown again to the person who sent it. */
  errorsIn(language: Language): FieldErrors {
    return fieldErrorsIn(language, this.#fieldWords);
  }
}

function fieldErrorsIn(language: Language, fieldWords: Readonly<Record<string, Words>>): FieldErrors {
  return Object.fromEntries(Object.entries(fieldWords).map(([field, words]) => [field, say(language, words)]));
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
