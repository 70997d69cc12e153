// What the preview images show, from the programme's domain objects: a webinar's title, its date and
// time in the programme's zone, its speakers and their countries; the programme's title and tagline.
import { createHash } from 'node:crypto';
import type { Programme, Webinar } from '../programme/programme.types.js';
import { showIn } from '../time/index.js';
import type { PreviewCard } from './preview-image.js';

function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}

export function webinarCard(programme: Programme, webinar: Webinar, baseUrl: string): PreviewCard {
  const start = showIn(webinar.startsAt, programme.defaultZone);
  const end = showIn(webinar.endsAt, programme.defaultZone);
  const when =
    start.isoDate === end.isoDate
      ? `${start.date} · ${start.time}–${end.time} ${start.abbreviation}`
      : `${start.date} ${start.time} – ${end.date} ${end.time} ${end.abbreviation}`;
  return {
    label: 'Webinar',
    cancelled: webinar.status === 'cancelled',
    title: webinar.title,
    when,
    whenNote: `${start.city} time (${start.offset})`,
    speakers: webinar.speakers.map((speaker) => ({ name: speaker.name, country: speaker.country })),
    summary: null,
    byline: null,
    programmeName: programme.title,
    footer: programme.title,
    host: hostOf(baseUrl),
  };
}

export function programmeCard(programme: Programme, baseUrl: string): PreviewCard {
  return {
    label: 'Webinar programme',
    cancelled: false,
    title: programme.title,
    when: null,
    whenNote: null,
    speakers: [],
    summary: programme.tagline || null,
    byline: programme.organiserName ? `Organised by ${programme.organiserName}` : null,
    programmeName: programme.title,
    // Not the title again: what the link leads to.
    footer: 'Programme, recordings and calendar',
    host: hostOf(baseUrl),
  };
}

/** Raise when the card's drawing changes, so that the ?v= of every image moves with it. */
const CARD_DESIGN = 1;

/**
 * A short fingerprint of what the image shows, for `?v=` on og:image: it changes exactly when the
 * image does, so link-preview services that keep images by URL fetch the new one.
 */
export function cardVersion(card: PreviewCard): string {
  return createHash('sha256')
    .update(`${CARD_DESIGN}\n${JSON.stringify(card)}`)
    .digest('base64url')
    .slice(0, 12);
}
