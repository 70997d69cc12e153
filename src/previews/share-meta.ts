// What a public page tells link-preview services (Open Graph, Twitter cards) and search engines:
// its canonical address, its image and the programme it belongs to. Built by the routes, which
// know the hub's base URL; rendered by views/components/document-head.tsx.
import type { Programme, Webinar } from '../programme/programme.types.js';
import { cardVersion, programmeCard, webinarCard } from './preview-cards.js';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from './preview-image.js';

export type ShareMeta = {
  /** Absolute canonical address: no ?tz= or other view parameters. */
  url: string;
  /**
   * "website" everywhere: Open Graph has no event type, and "article" would claim an authored
   * publication (with article:* dates that would be misread as the webinar's).
   */
  type: 'website';
  siteName: string;
  /** og:description when the page has no description of its own. */
  fallbackDescription: string;
  image: { url: string; width: number; height: number; alt: string };
};

/** The path of the programme's preview image. */
export const PROGRAMME_PREVIEW_PATH = '/preview.png';

export function webinarPreviewPath(slug: string): string {
  return `/webinars/${encodeURIComponent(slug)}/preview.png`;
}

/** A webinar's page: its own image. */
export function webinarShare(baseUrl: string, programme: Programme, webinar: Webinar): ShareMeta {
  const card = webinarCard(programme, webinar, baseUrl);
  return {
    url: `${baseUrl}/webinars/${encodeURIComponent(webinar.slug)}`,
    type: 'website',
    siteName: programme.title,
    fallbackDescription: programme.tagline,
    image: {
      url: `${baseUrl}${webinarPreviewPath(webinar.slug)}?v=${cardVersion(card)}`,
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      alt: `${webinar.title}. ${card.when}, ${card.whenNote}`,
    },
  };
}

/** Any other public page (`path` is its canonical path and query): the programme's image. */
export function pageShare(baseUrl: string, programme: Programme, path: string): ShareMeta {
  return {
    url: `${baseUrl}${path}`,
    type: 'website',
    siteName: programme.title,
    fallbackDescription: programme.tagline,
    image: {
      url: `${baseUrl}${PROGRAMME_PREVIEW_PATH}?v=${cardVersion(programmeCard(programme, baseUrl))}`,
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      alt: `${programme.title}: ${programme.tagline}`,
    },
  };
}
