// The zones the picker offers before anything is searched for: the programme's, its speakers', the
// visitor's own choice, then the best-known zones, each with who sits there.
import type { DateTime } from 'luxon';
import type { Db } from '../db/connection.js';
import { describeZone, type ZoneMatch } from '../time/index.js';
import { getProgramme, listSpeakers } from './programme.service.js';
import { translate } from '../i18n/catalogue.js';
import type { Language } from '../i18n/languages.js';

/** A handful of zones that most visitors elsewhere are in, after the programme's own. */
const EVERYWHERE = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Tokyo'];

/** `language`: the reader's, for the zones' names and the words "Your choice" and "Programme". */
export async function usefulZones(
  db: Db,
  now: DateTime,
  viewer: { zone: string; chosen: boolean },
  language: Language = 'en',
): Promise<Array<{ match: ZoneMatch; who: string }>> {
  const [programme, speakers] = await Promise.all([getProgramme(db), listSpeakers(db)]);
  const who = new Map<string, string[]>();
  const add = (zone: string, name: string) => who.set(zone, [...(who.get(zone) ?? []), name]);
  if (viewer.chosen) add(viewer.zone, translate(language, 'public.zone.yourChoice'));
  add(programme.defaultZone, translate(language, 'public.zone.programme'));
  for (const speaker of speakers) add(speaker.zone, speaker.name);
  for (const zone of EVERYWHERE) if (!who.has(zone)) who.set(zone, []);
  return [...who].flatMap(([zone, names]) => {
    const match = describeZone(zone, now, language);
    // More than a few speakers in one zone would make a long line: name three and count the rest.
    const shown = names.length > 4 ? [...names.slice(0, 3), translate(language, 'public.zone.more', { count: String(names.length - 3) })] : names;
    return match ? [{ match, who: shown.join(', ') }] : [];
  });
}
