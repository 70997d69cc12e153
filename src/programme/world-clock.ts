// The start of a webinar in every zone that matters to it: the viewer's, the programme's, each speaker's.
import { dayShift, showIn, type ShownTime, zoneCity } from '../time/index.js';
import type { Webinar } from './programme.types.js';
import { t } from '../i18n/catalogue.js';

export type WorldClockRow = {
  zone: string;
  /** Who sits in this zone: "You", "Programme", speaker names. */
  who: string[];
  start: ShownTime;
  end: ShownTime;
  /** Calendar days between this zone's start date and the viewer's (-1, 0, +1). */
  dayShift: number;
};

/**
 * `viewerKnown`: the visitor chose the zone, or their browser reported it. Otherwise the page is
 * shown in the programme's zone as a default, and calling that row "You" would tell someone in
 * New York that they sit in Stockholm.
 */
export function worldClock(webinar: Webinar, viewerZone: string, programmeZone: string, viewerKnown: boolean): WorldClockRow[] {
  const rows = new Map<string, string[]>();
  const add = (zone: string, who: string) => rows.set(zone, [...(rows.get(zone) ?? []), who]);
  if (viewerKnown) add(viewerZone, t('public.worldClock.you'));
  add(programmeZone, t('public.worldClock.programme', { city: zoneCity(programmeZone) }));
  for (const speaker of webinar.speakers) add(speaker.zone, `${speaker.name}, ${speaker.city}`);
  const viewerStart = showIn(webinar.startsAt, viewerZone);
  return [...rows].map(([zone, who]) => {
    const start = showIn(webinar.startsAt, zone);
    return { zone, who, start, end: showIn(webinar.endsAt, zone), dayShift: dayShift(viewerStart, start) };
  });
}
