// Words said later: what services and handlers give back (a key and its values) rather than text,
// so that the page, the email or the API answer says them in its reader's language.
import { translate, type MessageKey, type MessageValues } from './catalogue.js';
import { currentLanguage } from './current-language.js';
import type { Language } from './languages.js';

export type Message = { readonly key: MessageKey; readonly values?: MessageValues };

/** Text as it came (a name, a coordinator's words), or a message to translate. */
export type Words = string | Message;

export function message(key: MessageKey, values?: MessageValues): Message {
  return values ? { key, values } : { key };
}

/** The words in `language`. */
export function say(language: Language, words: Words): string {
  return typeof words === 'string' ? words : translate(language, words.key, words.values);
}

/** The words in the language of the page or email being rendered (for views). */
export function sayHere(words: Words): string {
  return say(currentLanguage(), words);
}
