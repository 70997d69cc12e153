// Speakers' private links and what their private page shows: sessions, audience clocks, questions.
import { buildCalendar } from '../calendar/calendar.builder.js';
import { message } from '../i18n/message.js';
import { latest } from '../calendar/calendar.http.js';
import type { BuiltCalendar, LinksOfWebinars } from '../calendar/calendar.service.js';
import { speakerEvents } from '../calendar/speaker-events.js';
import type { EventLink } from '../calendar/webinar-events.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/transaction.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { withLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import { enqueueEmail } from '../mail/outbox.service.js';
import { emailBody, footerFor } from '../notifications/email-text.js';
import { localizeWebinars } from '../programme/localize-webinar.js';
import { toSpeaker } from '../programme/programme.mappers.js';
import {
  findSpeakerWithToken,
  getProgramme,
  listWebinarsOfSpeaker,
  setSpeakerToken,
  setSpeakerLanguage as storeSpeakerLanguage,
  setSpeakerZone as storeSpeakerZone,
} from '../programme/programme.service.js';
import type { Speaker, Webinar } from '../programme/programme.types.js';
import { generateToken, looksLikeToken, tokenLookup, tokensEqual } from '../security/tokens.js';
import { showIn, type ShownTime } from '../time/index.js';
import { audienceZonesOf, findSpeakerRowByTokenLookup, questionsOf, registrationCountsOf } from './speaker-access.repository.js';

export type SpeakerWithLink = Speaker & { token: string | null };

export function speakerPageUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/speaker/${token}`;
}

/** Creates the speaker's private link, or replaces it (the old one stops working at once). */
export async function rotateSpeakerLink(db: Db, clock: Clock, slug: string): Promise<string> {
  const speaker = await findSpeakerWithToken(db, slug);
  if (!speaker) throw new NotFoundError(message('refusals.missing.speaker', { slug }));
  const token = generateToken();
  await setSpeakerToken(db, speaker.id, { token, lookup: tokenLookup(token) }, clock.now());
  return token;
}

export async function revokeSpeakerLink(db: Db, clock: Clock, slug: string): Promise<void> {
  const speaker = await findSpeakerWithToken(db, slug);
  if (!speaker) throw new NotFoundError(message('refusals.missing.speaker', { slug }));
  await setSpeakerToken(db, speaker.id, null, clock.now());
}

export async function speakerLinkOf(db: Db, slug: string): Promise<string | null> {
  return (await findSpeakerWithToken(db, slug))?.token ?? null;
}

/** Emails the speaker their private link, creating one when there is none; in the speaker's language. */
export async function sendSpeakerLink(db: Db, clock: Clock, baseUrl: string, slug: string): Promise<{ email: string; url: string }> {
  return inTransaction(db, async (trx) => {
    // Locked: two coordinators sending at once must not make a link and then replace it.
    const row = await findSpeakerWithToken(trx, slug, { lock: true });
    if (!row) throw new NotFoundError(message('refusals.missing.speaker', { slug }));
    if (!row.email) throw new ConflictError(message('speakerAdmin.link.noEmail', { name: row.name }));
    const token = row.token ?? (await rotateSpeakerLink(trx, clock, slug));
    const url = speakerPageUrl(baseUrl, token);
    const programme = await getProgramme(trx);
    const email = row.email;
    await enqueueEmail(
      trx,
      clock,
      // Whatever the language of the coordinator who sends it.
      withLanguage(row.language, () => ({
        kind: 'speaker-link',
        to: { address: email, name: row.name },
        subject: t('speakerEmails.link.subject', { programme: programme.title }),
        ...emailBody(
          [t('emails.hello', { name: row.name }), t('speakerEmails.link.body'), url, t('speakerEmails.link.personal')],
          footerFor(programme, baseUrl),
        ),
      })),
    );
    return { email: row.email, url };
  });
}

export async function findSpeakerByToken(db: Db, token: string): Promise<SpeakerWithLink | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const row = await findSpeakerRowByTokenLookup(db, tokenLookup(token));
  if (!row?.token || !tokensEqual(row.token, token)) return undefined;
  return { ...toSpeaker(row), token: row.token };
}

export async function getSpeakerByToken(db: Db, token: string): Promise<SpeakerWithLink> {
  const speaker = await findSpeakerByToken(db, token);
  if (!speaker) throw new NotFoundError(message('refusals.missing.speakerLink'));
  return speaker;
}

export async function setSpeakerZone(db: Db, clock: Clock, speakerId: number, zone: string): Promise<void> {
  await storeSpeakerZone(db, speakerId, zone, clock.now());
}

/** The language of the speaker's emails, invites and feed, as they chose it on their private page. */
export async function setSpeakerLanguage(db: Db, clock: Clock, speakerId: number, language: Language): Promise<void> {
  await storeSpeakerLanguage(db, speakerId, language, clock.now());
}

/**
 * The speaker's own feed: each session and its technical check, with the panelists' link. In the
 * speaker's language, titles too, whatever the calendar client that asks for it sends.
 */
export async function speakerFeed(db: Db, baseUrl: string, speaker: SpeakerWithLink, linksOf?: LinksOfWebinars): Promise<BuiltCalendar> {
  const programme = await getProgramme(db);
  const webinars = await listWebinarsOfSpeaker(db, speaker.id);
  const links = linksOf ? await linksOf(db, webinars) : new Map<number, EventLink[]>();
  const privateUrl = speaker.token ? speakerPageUrl(baseUrl, speaker.token) : null;
  return {
    body: withLanguage(speaker.language, () =>
      buildCalendar({
        name: t('calendar.speakerFeed.name', { programme: programme.title, name: speaker.name }),
        description: t('calendar.speakerFeed.description'),
        zoneHint: speaker.zone,
        events: localizeWebinars(webinars, speaker.language).flatMap((w) => speakerEvents(w, programme, { baseUrl, privateUrl, links: links.get(w.id) ?? [] })),
      }),
    ),
    filename: 'my-sessions.ics',
    lastModified: latest(programme.updatedAt, speaker.updatedAt, ...webinars.map((w) => w.updatedAt)),
  };
}

export type AudienceClock = { zone: string; count: number; start: ShownTime };

export type SessionBrief = {
  webinar: Webinar;
  role: string;
  confirmed: number;
  waitlisted: number;
  /** Where the audience sits: confirmed attendees grouped by their zone, counts only, largest first. */
  audience: AudienceClock[];
  questions: string[];
};

export async function speakerSessions(db: Db, speaker: Speaker): Promise<SessionBrief[]> {
  const webinars = await listWebinarsOfSpeaker(db, speaker.id);
  const ids = webinars.map((w) => w.id);
  const [counts, questions, zones] = await Promise.all([registrationCountsOf(db, ids), questionsOf(db, ids), audienceZonesOf(db, ids)]);
  return webinars.map((webinar) => ({
    webinar,
    role: webinar.speakers.find((s) => s.id === speaker.id)?.role ?? 'speaker',
    confirmed: counts.get(webinar.id)?.confirmed ?? 0,
    waitlisted: counts.get(webinar.id)?.waitlisted ?? 0,
    audience: (zones.get(webinar.id) ?? [])
      .map(({ zone, count }) => ({ zone, count, start: showIn(webinar.startsAt, zone) }))
      .sort((a, b) => b.count - a.count || a.start.datetime.localeCompare(b.start.datetime) || a.zone.localeCompare(b.zone)),
    questions: questions.get(webinar.id) ?? [],
  }));
}
