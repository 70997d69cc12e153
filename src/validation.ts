// Small, composable field checks shared by every form and JSON body. They collect one message per
// field and never throw.
import { DateTime } from 'luxon';
import type { FieldErrors } from './errors.js';
import { normalizeZone, parseOffsetQuery, resolveZone, type ZoneMatch, type ZoneResolution } from './time/index.js';

export type Input = Record<string, unknown>;

/** Collects field errors while values are read from untrusted input. */
export class FieldReader {
  readonly errors: FieldErrors = {};
  /** The zones offered for a zone field whose value was not one zone ("Did you mean …"). */
  readonly zoneSuggestions: Record<string, ZoneMatch[]> = {};

  /** `now`: the moment whose offsets "Did you mean" shows for a zone (the app's clock where there is one). */
  constructor(
    private readonly input: Input,
    private readonly now?: DateTime,
  ) {}

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
      if (options.required) this.fail(field, `${label} is required.`);
      return '';
    }
    if (typeof value !== 'string') {
      this.fail(field, `${label} must be text.`);
      return '';
    }
    const text = options.multiline ? value.replace(/\r\n/g, '\n').trim() : value.trim();
    if (options.required && text === '') this.fail(field, `${label} is required.`);
    else if (options.min !== undefined && text.length < options.min) this.fail(field, `${label} must be at least ${options.min} characters.`);
    else if (text.length > (options.max ?? 200)) this.fail(field, `${label} must be at most ${options.max ?? 200} characters.`);
    else if (!options.multiline && /[\u0000-\u001f\u007f]/.test(text)) this.fail(field, `${label} must be on one line.`);
    else if (options.multiline && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) this.fail(field, `${label} contains control characters.`);
    return text;
  }

  optionalText(field: string, label: string, options: { max?: number; multiline?: boolean } = {}): string | null {
    const text = this.text(field, label, options);
    return text === '' ? null : text;
  }

  integer(field: string, label: string, options: { required?: boolean; min: number; max: number }): number | null {
    const value = this.input[field];
    if (value === undefined || value === null || value === '') {
      if (options.required) this.fail(field, `${label} is required.`);
      return null;
    }
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number)) {
      this.fail(field, `${label} must be a whole number.`);
      return null;
    }
    if (number < options.min || number > options.max) {
      this.fail(field, `${label} must be between ${options.min} and ${options.max}.`);
      return null;
    }
    return number;
  }

  email(field: string, label: string, options: { required?: boolean } = { required: true }): string {
    const text = this.text(field, label, { required: options.required, max: 254 });
    if (text !== '' && !isEmail(text)) this.fail(field, `${label} must be an email address such as name@example.com.`);
    return text.toLowerCase();
  }

  url(field: string, label: string, options: { required?: boolean; httpsOnly?: boolean } = {}): string | null {
    const text = this.text(field, label, { required: options.required, max: 2000 });
    if (text === '') return null;
    const parsed = parseUrl(text);
    if (!parsed || !(parsed.protocol === 'https:' || (!options.httpsOnly && parsed.protocol === 'http:'))) {
      this.fail(field, `${label} must be a full ${options.httpsOnly ? 'https://' : 'http:// or https://'} address.`);
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
    const resolved = resolveZone(text, this.now ?? DateTime.utc());
    if (resolved.ok) return resolved.zone;
    const choice = this.input[`${field}Choice`];
    const chosen = typeof choice === 'string' ? normalizeZone(choice) : undefined;
    if (chosen) return chosen;
    this.zoneSuggestions[field] = resolved.suggestions;
    this.fail(field, zoneProblem(label, resolved));
    return '';
  }

  choice<T extends string>(field: string, label: string, choices: readonly T[], options: { required?: boolean } = { required: true }): T | null {
    const text = this.text(field, label, { required: options.required, max: 100 });
    if (text === '') return null;
    if (!(choices as readonly string[]).includes(text)) {
      this.fail(field, `${label} must be one of: ${choices.join(', ')}.`);
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
      this.fail(field, `${label} may contain only lower-case letters, digits and single hyphens.`);
      return '';
    }
    return text;
  }
}

/** Why a typed zone was not taken, and what to do: never a bare "unknown zone". */
export function zoneProblem(label: string, resolved: Extract<ZoneResolution, { ok: false }>): string {
  const typed = `${label} “${resolved.input}”`;
  const [first, second] = resolved.suggestions;
  if (!first) {
    return `${typed} is not a place or time zone we know. Type a city or country, such as Beijing, Oslo or New York, or an IANA name such as Europe/Stockholm.`;
  }
  if (parseOffsetQuery(resolved.input) !== undefined) {
    return `${typed} is a UTC offset, which does not say when summer time starts. Choose the place whose clock you follow: did you mean one of the places at ${first.offset} now?`;
  }
  const which = second ? 'one of these' : `${first.label} (${first.zone})`;
  return `${typed} is not the name of one time zone. Did you mean ${which}?`;
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
