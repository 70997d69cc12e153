// The languages the hub speaks, and which one a request gets: ?lang=, then the visitor's cookie,
// then the browser's Accept-Language, then English.

export const LANGUAGES = ['en', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in itself, as a switch names it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', sv: 'Svenska' };

/** BCP 47 tags for Intl (dates, plurals, lists). */
export const LOCALES: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A person's stored language as the hub knows it: English for anything else (a row edited by hand). */
export function storedLanguage(value: string): Language {
  return isLanguage(value) ? value : 'en';
}

/**
 * The offered language the Accept-Language header prefers (RFC 9110 12.5.4): the highest weight
 * wins, ties go to the order the browser gave; "sv-SE" and "sv-FI" are Swedish. Nothing offered
 * (or no header) gives the first offered language.
 */
export function negotiateLanguage(header: string | undefined, offered: readonly Language[]): Language {
  const fallback = offered[0] ?? 'en';
  if (!header) return fallback;
  let best: { language: Language; weight: number } | undefined;
  for (const part of header.split(',').slice(0, 20)) {
    const [range = '', ...params] = part.trim().split(';');
    const weightParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const weight = weightParam === undefined ? 1 : Number(weightParam.slice(2));
    if (!Number.isFinite(weight) || weight <= 0 || weight > 1) continue;
    const primary = range.trim().toLowerCase().split('-')[0];
    const language = primary === '*' ? fallback : offered.find((candidate) => candidate === primary);
    if (language && (!best || weight > best.weight)) best = { language, weight };
  }
  return best?.language ?? fallback;
}
