// Words said later: what services and handlers give back (a key and its values) rather than text,
// so that the page, the email or the API answer says them in its reader's language.
import { translate, type MessageKey, type MessageValues } from './catalogue.js';
import { currentLanguage } from './current-language.js';
import { LANGUAGES, type Language } from './languages.js';

/** A value that itself differs by language, e.g. a webinar's title where a Swedish one was written. */
export type InEachLanguage = { readonly inEach: Readonly<Record<Language, string>> };

type Value = MessageValues[string] | InEachLanguage;

export type Message = { readonly key: MessageKey; readonly values?: Readonly<Record<string, Value>> };

/** Text as it came (a name, a coordinator's words), or a message to translate. */
export type Words = string | Message;

export function message(key: MessageKey, values?: Record<string, Value>): Message {
  return values ? { key, values } : { key };
}

export function inEachLanguage(text: (language: Language) => string): InEachLanguage {
  return { inEach: Object.fromEntries(LANGUAGES.map((language) => [language, text(language)])) as Record<Language, string> };
}

/** The words in `language`. */
export function say(language: Language, words: Words): string {
  if (typeof words === 'string') return words;
  if (!words.values) return translate(language, words.key);
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(words.values)) values[name] = isInEach(value) ? value.inEach[language] : value;
  return translate(language, words.key, values);
}

/** The words in the language of the page or email being rendered (for views). */
export function sayHere(words: Words): string {
  return say(currentLanguage(), words);
}

function isInEach(value: Value): value is InEachLanguage {
  return typeof value === 'object' && value !== null && 'inEach' in value;
}
