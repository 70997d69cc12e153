// The one place that picks a webinar's title and abstract for a reader's language: the
// coordinators' Swedish where they wrote it, the English otherwise, each of the two on its own.
import type { Language } from '../i18n/languages.js';
import { inEachLanguage, type InEachLanguage } from '../i18n/message.js';
import type { Webinar } from './programme.types.js';

type Localizable = Pick<Webinar, 'title' | 'abstract' | 'titleSv' | 'abstractSv'>;

/**
 * The webinar as a reader of `language` sees it: `title` and `abstract` in that language where
 * written. Applied once, to a webinar as loaded (in English), where it is shown to a request's
 * reader or written to a recipient; never to what is saved or compared, nor to the public feeds,
 * which stay English. `titleSv` and `abstractSv` stay as they are.
 */
export function localizeWebinar<W extends Localizable>(webinar: W, language: Language): W {
  if (language !== 'sv') return webinar;
  // An empty text is no translation (the forms store null, but a row may have been edited by hand).
  const title = webinar.titleSv || webinar.title;
  const abstract = webinar.abstractSv || webinar.abstract;
  return title === webinar.title && abstract === webinar.abstract ? webinar : { ...webinar, title, abstract };
}

/** Each webinar of a list localized (see localizeWebinar). */
export function localizeWebinars<W extends Localizable>(webinars: readonly W[], language: Language): W[] {
  return webinars.map((webinar) => localizeWebinar(webinar, language));
}

/** A page of webinars (the programme's, /webinars') with each one localized. */
export function localizePageOfWebinars<W extends Localizable>(page: { webinars: W[]; total: number }, language: Language): { webinars: W[]; total: number } {
  return { webinars: localizeWebinars(page.webinars, language), total: page.total };
}

/** A registration, a request, a recording or a session with its webinar localized (see localizeWebinar). */
export function localizeWebinarOf<T extends { webinar: Localizable }>(item: T, language: Language): T {
  const webinar = localizeWebinar(item.webinar, language);
  return webinar === item.webinar ? item : { ...item, webinar };
}

/** The title as each language's reader sees it, for a message said later (see src/i18n/message.ts). */
export function titleInEachLanguage(webinar: Localizable): InEachLanguage {
  return inEachLanguage((language) => localizeWebinar(webinar, language).title);
}
