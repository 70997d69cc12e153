// Every message the hub shows, by key, in English and Swedish, and t() to turn a key and its values
// into text in the current language. Messages are ICU MessageFormat (plurals, selects, numbers),
// formatted by intl-messageformat, each compiled once per language and kept.
import { IntlMessageFormat } from 'intl-messageformat';
import { currentLanguage } from './current-language.js';
import type { Bilingual } from './define-messages.js';
import { LOCALES, type Language } from './languages.js';
import { calendarMessages } from './messages/calendar.js';
import { emailsMessages } from './messages/emails.js';
import { formsMessages } from './messages/forms.js';
import { materialsMessages } from './messages/materials.js';
import { refusalsMessages } from './messages/refusals.js';
import { registrationMessages } from './messages/registration.js';
import { shellMessages } from './messages/shell.js';
import { publicMessages } from './messages/public.js';
import { speakerAdminMessages } from './messages/speaker-admin.js';
import { speakerMessages } from './messages/speakers.js';
import { webinarRulesMessages } from './messages/webinar-rules.js';
import { speakerEmailsMessages } from './messages/speaker-emails.js';
import { workspaceMessages } from './messages/workspace.js';
import { workspacePagesMessages } from './messages/workspace-pages.js';

/** Each feature's messages, merged; a feature adds its module here. */
const FEATURES = [
  shellMessages,
  publicMessages,
  speakerMessages,
  registrationMessages,
  formsMessages,
  workspaceMessages,
  workspacePagesMessages,
  materialsMessages,
  speakerAdminMessages,
  webinarRulesMessages,
  refusalsMessages,
  emailsMessages,
  speakerEmailsMessages,
  calendarMessages,
] as const;

type KeysOf<T> = T extends Bilingual<infer Keys> ? Keys : never;
export type MessageKey = KeysOf<(typeof FEATURES)[number]>;

export const CATALOGUE: Record<Language, Record<MessageKey, string>> = {
  en: Object.assign({}, ...FEATURES.map((feature) => feature.en)),
  sv: Object.assign({}, ...FEATURES.map((feature) => feature.sv)),
};

export type MessageValues = Record<string, string | number | Date>;

const compiled = new Map<string, IntlMessageFormat>();

/** The message in `language`, with `values` put in. */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  const text = CATALOGUE[language][key];
  // Most messages have nothing to put in: no need to compile them.
  if (!text.includes('{') && !text.includes("'")) return text;
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(text, LOCALES[language]);
    compiled.set(id, format);
  }
  return String(format.format(values));
}

/** The message in the language of the request or email being rendered (see current-language.ts). */
export function t(key: MessageKey, values?: MessageValues): string {
  return translate(currentLanguage(), key, values);
}
