// Webinars mapped from rows are kept and given again while what they were made from reads the
// same. After a change to one webinar of 1,000, a feed or a page maps one webinar instead of all of
// them (resolving instants, copying speakers, parsing dates), and what is built from a webinar can
// be kept per webinar object too (see calendar.service.ts).
//
// A kept webinar is given only when the row, the area and every speaker row compare equal value by
// value, so it is exactly the webinar toWebinar would make now, from whichever database; nothing
// has to tell this cache about a change. Kept webinars are frozen: nobody may change one that others
// share (the code never does; a mistake fails loudly instead of showing in someone else's page).
import type { SpeakerRole, SpeakerRow, WebinarRow } from '../db/schema.js';
import { BoundedCache } from '../time/bounded-cache.js';
import { toWebinar } from './programme.mappers.js';
import type { Area, Webinar } from './programme.types.js';

type SpeakerOfWebinar = SpeakerRow & { role: SpeakerRole };
type Made = { row: WebinarRow; area: Area | null; speakers: readonly SpeakerOfWebinar[]; webinar: Webinar };

/** More than a programme of 1,000 webinars with its drafts: about 3 KB each. */
const made = new BoundedCache<number, Made>(4_000);

/** toWebinar(row, area, speakers), the same object as last time when nothing it is made from changed. */
export function knownWebinar(row: WebinarRow, area: Area | null, speakers: readonly SpeakerOfWebinar[]): Webinar {
  const last = made.get(row.id);
  if (last && sameValues(last.row, row) && sameArea(last.area, area) && sameList(last.speakers, speakers)) return last.webinar;
  const webinar = toWebinar(row, area, [...speakers]);
  Object.freeze(webinar.speakers);
  made.set(row.id, { row, area, speakers, webinar: Object.freeze(webinar) });
  return webinar;
}

function sameArea(a: Area | null, b: Area | null): boolean {
  return a === b || (a !== null && b !== null && sameValues(a, b));
}

function sameList(a: readonly SpeakerOfWebinar[], b: readonly SpeakerOfWebinar[]): boolean {
  return a.length === b.length && a.every((speaker, i) => sameValues(speaker, b[i]!));
}

/** Same keys, each holding the same primitive (a Buffer or Date never compares equal: made again). */
function sameValues(a: object, b: object): boolean {
  const aValues = a as Record<string, unknown>;
  const bValues = b as Record<string, unknown>;
  let keys = 0;
  for (const key in aValues) {
    if (aValues[key] !== bValues[key] || !(key in bValues)) return false;
    keys += 1;
  }
  for (const _ in bValues) keys -= 1;
  return keys === 0;
}
