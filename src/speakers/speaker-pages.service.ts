// What the speaker pages show: the public page by slug, the private page behind the secret link, and
// the link panel in the workspace; views/speakers turns it into HTML.
import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { getProgramme, getSpeakerBySlug, listWebinarsOfSpeaker } from '../programme/programme.service.js';
import type { Programme, Speaker, Webinar } from '../programme/programme.types.js';
import type { Language } from '../i18n/languages.js';
import { localizeWebinarOf, localizeWebinars } from '../programme/localize-webinar.js';
import { getSpeakerByToken, speakerLinkOf, speakerPageUrl, speakerSessions, type SessionBrief, type SpeakerWithLink } from './speaker-access.service.js';

export type SpeakerPageDeps = { db: Db; clock: Clock; baseUrl: string };

export type SpeakerPublicPage = { programme: Programme; speaker: Speaker; webinars: Webinar[]; now: DateTime };

/** `language`: the reader's (the request's), which picks the webinars' titles. */
export async function speakerPublicPage({ db, clock }: SpeakerPageDeps, slug: string, language: Language): Promise<SpeakerPublicPage> {
  const speaker = await getSpeakerBySlug(db, slug);
  const [programme, webinars] = await Promise.all([getProgramme(db), listWebinarsOfSpeaker(db, speaker.id)]);
  return { programme, speaker, webinars: localizeWebinars(webinars, language), now: clock.now() };
}

/** What a form on the private page just did: saved, or refused and why. */
export type SpeakerPrivatePageExtras = {
  /** `?done=zone`: the zone was saved. */
  zoneSaved?: boolean;
  zoneError?: string;
  /** What was typed for the zone when it was refused, to offer "Did you mean" choices for. */
  zoneTyped?: string;
  /** `?done=language`: the language of the speaker's emails and calendar was saved. */
  languageSaved?: boolean;
  languageError?: string;
};

export type SpeakerPrivatePage = SpeakerPrivatePageExtras & {
  programme: Programme;
  speaker: SpeakerWithLink;
  sessions: SessionBrief[];
  feedUrl: string;
  now: DateTime;
};

export async function speakerPrivatePage(
  { db, clock, baseUrl }: SpeakerPageDeps,
  token: string,
  language: Language,
  extras: SpeakerPrivatePageExtras = {},
): Promise<SpeakerPrivatePage> {
  const speaker = await getSpeakerByToken(db, token);
  const [programme, sessions] = await Promise.all([getProgramme(db), speakerSessions(db, speaker)]);
  // The page is in the reader's language (the request's), titles too; the speaker's feed and emails
  // are in the speaker's stored language, which the page lets them choose.
  return {
    programme,
    speaker,
    sessions: sessions.map((s) => localizeWebinarOf(s, language)),
    feedUrl: `${speakerPageUrl(baseUrl, token)}/calendar.ics`,
    now: clock.now(),
    ...extras,
  };
}

/** The private link as the workspace shows it beside the speaker form; null when there is none. */
export async function speakerLinkUrl({ db, baseUrl }: Pick<SpeakerPageDeps, 'db' | 'baseUrl'>, speaker: Speaker): Promise<string | null> {
  const token = await speakerLinkOf(db, speaker.slug);
  return token ? speakerPageUrl(baseUrl, token) : null;
}
