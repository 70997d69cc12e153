// Small, composable field checks shared by every form and JSON body. They collect one message per
// field and never throw.
import { DateTime } from 'luxon';
import type { FieldErrors } from './errors.js';
import { type MessageKey, type MessageValues, translate } from './i18n/catalogue.js';
import { currentLanguage } from './i18n/current-language.js';
import type { Language } from './i18n/languages.js';
import { normalizeZone, parseOffsetQuery, resolveZone, type ZoneMatch, type ZoneResolution } from './time/index.js';

export type Input = Record<string, unknown>;

/** Collects field errors while values are read from untrusted input. */
export class FieldReader {
  readonly errors: FieldErrors = {};
  /** The zones offered for a zone field whose value was not one zone ("Did you mean …"). */
  readonly zoneSuggestions: Record<string, ZoneMatch[]> = {};

  /**
   * `now`: the moment whose offsets "Did you mean" shows for a zone (the app's clock where there is
   * one). `language`: the reader's, in which the messages are written, whose own place names a zone
   * may be typed in ("Norge") and in which its choices are labelled; the request's (languageOf(c))
   * where the form has one, English for the JSON API. Without it, the language being rendered when
   * each check runs (see inRequestLanguage).
   */
  constructor(
    private readonly input: Input,
    private readonly now?: DateTime,
    private readonly chosenLanguage?: Language,
  ) {}

  /** The language of the messages: the one given, else the language being rendered now. */
  get language(): Language {
    return this.chosenLanguage ?? currentLanguage();
  }

  /** A catalogue message in the reader's language, for a validator's own rules and labels. */
  say(key: MessageKey, values?: MessageValues): string {
    return translate(this.language, key, values);
  }

  /** The failed answer of a validation: the errors, and the zones offered for the first zone field that had some. */
  failure(): { ok: false; errors: FieldErrors; suggestions?: ZoneMatch[] } {
    const suggestions = Object.values(this.zoneSuggestions).find((list) => list.length > 0);
    return suggestions ? { ok: false, errors: this.errors, suggestions } : { ok: false, errors: this.errors };
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(field: string, message: string): void {
    this.errors[field] ??= message;
  }

  raw(field: string): unknown {
    return this.input[field];
  }

  has(field: string): boolean {
    const value = this.input[field];
    return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  }

  /** A trimmed string; '' when absent and optional. */
  text(field: string, label: string, options: { required?: boolean; max?: number; min?: number; multiline?: boolean } = {}): string {
    const value = this.input[field];
    if (value === undefined || value === null || value === '') {
      if (options.required) this.fail(field, this.say('forms.required', { label }));
      return '';
    }
    if (typeof value !== 'string') {
      this.fail(field, this.say('forms.notText', { label }));
      return '';
    }
    const text = options.multiline ? value.replace(/\r\n/g, '\n').trim() : value.trim();
    if (options.required && text === '') this.fail(field, this.say('forms.required', { label }));
    else if (options.min !== undefined && text.length < options.min) this.fail(field, this.say('forms.tooShort', { label, min: options.min }));
    else if (text.length > (options.max ?? 200)) this.fail(field, this.say('forms.tooLong', { label, max: options.max ?? 200 }));
    else if (!options.multiline && /[\u0000-\u001f\u007f]/.test(text)) this.fail(field, this.say('forms.oneLine', { label }));
    else if (options.multiline && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) this.fail(field, this.say('forms.controlCharacters', { label }));
    return text;
  }

  optionalText(field: string, label: string, options: { max?: number; multiline?: boolean } = {}): string | null {
    const text = this.text(field, label, options);
    return text === '' ? null : text;
  }

  integer(field: string, label: string, options: { required?: boolean; min: number; max: number }): number | null {
    const value = this.input[field];
    if (value === undefined || value === null || value === '') {
      if (options.required) this.fail(field, this.say('forms.required', { label }));
      return null;
    }
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number)) {
      this.fail(field, this.say('forms.wholeNumber', { label }));
      return null;
    }
    if (number < options.min || number > options.max) {
      this.fail(field, this.say('forms.between', { label, min: options.min, max: options.max }));
      return null;
    }
    return number;
  }

  email(field: string, label: string, options: { required?: boolean } = { required: true }): string {
    const text = this.text(field, label, { required: options.required, max: 254 });
    if (text !== '' && !isEmail(text)) this.fail(field, this.say('forms.email', { label }));
    return text.toLowerCase();
  }

  url(field: string, label: string, options: { required?: boolean; httpsOnly?: boolean } = {}): string | null {
    const text = this.text(field, label, { required: options.required, max: 2000 });
    if (text === '') return null;
    const parsed = parseUrl(text);
    if (!parsed || !(parsed.protocol === 'https:' || (!options.httpsOnly && parsed.protocol === 'http:'))) {
      this.fail(field, this.say('forms.url', { label, httpsOnly: options.httpsOnly ? 'yes' : 'no' }));
      return null;
    }
    return parsed.toString();
  }

  /**
   * A zone as typed: an IANA name, or a place that means one zone ("Beijing"), stored as the IANA
   * name. Anything else fails with "Did you mean …" choices, which a form sends back as
   * `${field}Choice` (radio buttons that keep the rest of the form as typed).
   */
  zone(field: string, label: string, options: { required?: boolean } = { required: true }): string {
    const text = this.text(field, label, { required: options.required ?? true, max: 64 });
    if (text === '') return '';
    const resolved = resolveZone(text, () => this.now ?? DateTime.utc(), this.language);
    if (resolved.ok) return resolved.zone;
    const choice = this.input[`${field}Choice`];
    const chosen = typeof choice === 'string' ? normalizeZone(choice) : undefined;
    if (chosen) return chosen;
    this.zoneSuggestions[field] = resolved.suggestions;
    this.fail(field, zoneProblem(label, resolved, this.language));
    return '';
  }

  choice<T extends string>(field: string, label: string, choices: readonly T[], options: { required?: boolean } = { required: true }): T | null {
    const text = this.text(field, label, { required: options.required, max: 100 });
    if (text === '') return null;
    if (!(choices as readonly string[]).includes(text)) {
      this.fail(field, this.say('forms.choice', { label, choices: choices.join(', ') }));
      return null;
    }
    return text as T;
  }

  boolean(field: string): boolean {
    const value = this.input[field];
    return value === true || value === 'true' || value === 'on' || value === '1' || value === 'yes';
  }

  slug(field: string, label: string, options: { required?: boolean } = { required: true }): string {
    const text = this.text(field, label, { required: options.required, max: 80 });
    if (text !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(text)) {
      this.fail(field, this.say('forms.slug', { label }));
      return '';
    }
    return text;
  }
}

/** Why a typed zone was not taken, and what to do: never a bare "unknown zone". */
export function zoneProblem(label: string, resolved: Extract<ZoneResolution, { ok: false }>, language: Language = currentLanguage()): string {
  const typed = resolved.input;
  const [first, second] = resolved.suggestions;
  const say = (key: MessageKey, values: MessageValues) => translate(language, key, values);
  if (!first) return say('forms.zone.unknown', { label, typed });
  if (parseOffsetQuery(resolved.input) !== undefined) return say('forms.zone.offset', { label, typed, offset: first.offset });
  return second ? say('forms.zone.oneOfThese', { label, typed }) : say('forms.zone.thisOne', { label, typed, place: first.label, zone: first.zone });
}

export function isEmail(text: string): boolean {
  // Deliberately simple: one @, a dot in the domain, no spaces. The confirmation email is the real test.
  return text.length <= 254 && /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:.]{2,}$/.test(text);
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}
