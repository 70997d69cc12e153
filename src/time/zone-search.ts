// Finds time zones from what people type ("Beijing", "Kolkata", "India", "GMT+8") and turns a typed
// value into one zone or a short list of choices. The index is built once, when the module loads.
import type { DateTime } from 'luxon';
import { formatOffset } from './local-time.js';
import { zoneClock } from './zone-clock.js';
import { ZONE_COUNTRIES } from './zone-countries.js';
import { COMMON_NAMES, COUNTRY_NAMES, WELL_KNOWN_ZONES } from './zone-names.js';
import { ALL_ZONES, normalizeZone, RENAMED_ZONES, zoneCity } from './zones.js';

export type ZoneMatch = {
  zone: string;
  /** "Shanghai, China" */
  label: string;
  /** The name that matched when it is not in the label ("Beijing", "Calcutta"), else null. */
  matched: string | null;
  /** Minutes east of UTC now. */
  offsetMinutes: number;
  /** "UTC+08:00" */
  offset: string;
  /** The zone's wall clock now: "14:05", "Mon 30 Nov", and ISO 8601 with the offset for <time datetime>. */
  time: string;
  date: string;
  datetime: string;
};

export type ZoneResolution =
  | { ok: true; zone: string }
  /** `suggestions` is empty when nothing came close. */
  | { ok: false; input: string; suggestions: ZoneMatch[] };

type Kind = 'name' | 'city' | 'common' | 'alias' | 'country';
type Term = { text: string; shown: string; kind: Kind };
type Entry = { zone: string; label: string; city: string; terms: Term[]; fame: number };

/** What an exact match of each kind is worth; a prefix or a word inside is worth less. */
const EXACT: Record<Kind, number> = { name: 100, city: 95, common: 95, alias: 90, country: 80 };

/** Lower case, without accents and punctuation: "Zürich" and "zurich", "Asia/Ho_Chi_Minh" and "asia ho chi minh". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/[_/\-.,'’()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  try {
    return regionNames.of(code);
  } catch {
    return undefined;
  }
}

// Built on first use, not at import: the hub's cold start does not wait for 400 zones' names
// (server.ts warms it once the port answers).
let built: { index: readonly Entry[]; byZone: Map<string, Entry> } | undefined;
function zoneIndex(): { index: readonly Entry[]; byZone: Map<string, Entry> } {
  if (!built) {
    const index = buildIndex();
    built = { index, byZone: new Map(index.map((entry) => [entry.zone, entry])) };
  }
  return built;
}

/** Builds the search index now (after start-up), so that the first search does not pay for it. */
export function warmZoneSearch(): void {
  zoneIndex();
}

function buildIndex(): Entry[] {
  const aliases = new Map<string, string[]>();
  for (const [old, current] of Object.entries(RENAMED_ZONES)) aliases.set(current, [...(aliases.get(current) ?? []), old, zoneCity(old)]);
  return ALL_ZONES.map((zone) => {
    const city = zone === 'UTC' ? 'UTC' : zoneCity(zone);
    const code = ZONE_COUNTRIES[zone];
    const country = countryName(code);
    const terms: Term[] = [];
    const add = (shown: string, kind: Kind) => {
      const text = foldForSearch(shown);
      if (text !== '' && !terms.some((t) => t.text === text)) terms.push({ text, shown, kind });
    };
    add(zone, 'name');
    add(city, 'city');
    for (const name of COMMON_NAMES[zone] ?? []) add(name, 'common');
    for (const name of aliases.get(zone) ?? []) add(name, 'alias');
    if (zone === 'UTC') for (const name of ['Coordinated Universal Time', 'GMT', 'Greenwich Mean Time', 'Zulu']) add(name, 'alias');
    if (country) add(country, 'country');
    for (const name of (code && COUNTRY_NAMES[code]) || []) add(name, 'country');
    const known = WELL_KNOWN_ZONES.indexOf(zone);
    const label = zone === 'UTC' ? 'Coordinated Universal Time' : country && foldForSearch(country) !== foldForSearch(city) ? `${city}, ${country}` : city;
    return { zone, label, city, terms, fame: known === -1 ? WELL_KNOWN_ZONES.length : known };
  });
}

/** "GMT+8", "UTC+8", "utc -5", "+08:00", "UTC+5:30", "GMT" -> minutes east of UTC; undefined for anything else. */
export function parseOffsetQuery(text: string): number | undefined {
  const folded = text.trim().toLowerCase().replace(/\s+/g, '').replace('−', '-');
  if (folded === 'utc' || folded === 'gmt' || folded === 'z') return 0;
  const match = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(folded);
  if (!match) return undefined;
  const [, sign, hours, minutes] = match;
  if (Number(minutes ?? 0) >= 60 || Number(hours) > 14) return undefined;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' ? -total : total;
}

/** Every zone's offset at one minute; the last minute asked is kept, as a page asks for many zones at once. */
let offsetsMinute = Number.NaN;
let offsetsNow = new Map<string, number>();

function offsetsAt(ms: number): Map<string, number> {
  const minute = Math.floor(ms / 60_000);
  if (minute !== offsetsMinute) {
    const offsets = new Map<string, number>();
    for (const zone of ALL_ZONES) offsets.set(zone, zoneClock(zone)?.(minute * 60_000)?.offsetMinutes ?? 0);
    offsetsNow = offsets;
    offsetsMinute = minute;
  }
  return offsetsNow;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * One zone's offset: from the table when this minute's is at hand, else read for the zone alone
 * (the first table reads every zone's clock, a second or more on a busy machine: only an offset
 * search and the full list need it).
 */
function offsetOf(zone: string, ms: number): number {
  const minute = Math.floor(ms / 60_000);
  if (minute === offsetsMinute) return offsetsNow.get(zone) ?? 0;
  return zoneClock(zone)?.(minute * 60_000)?.offsetMinutes ?? 0;
}

function matchOf(entry: Entry, ms: number, matched: string | null): ZoneMatch {
  const minuteMs = Math.floor(ms / 60_000) * 60_000;
  const offsetMinutes = offsetOf(entry.zone, ms);
  // The wall clock is the instant shifted by the offset, read as UTC: no process TZ involved.
  const wall = new Date(minuteMs + offsetMinutes * 60_000);
  const isoDate = `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
  const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
  const offset = formatOffset(offsetMinutes);
  return {
    zone: entry.zone,
    label: entry.label,
    matched,
    offsetMinutes,
    offset: `UTC${offset}`,
    time,
    date: `${WEEKDAYS[wall.getUTCDay()]} ${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]}`,
    datetime: `${isoDate}T${time}:00${offset}`,
  };
}

/** One zone as a search result would show it (for lists that are not searches), or undefined for an unknown name. */
export function describeZone(zone: string, now: DateTime): ZoneMatch | undefined {
  const entry = zoneIndex().byZone.get(zone);
  return entry ? matchOf(entry, now.toMillis(), null) : undefined;
}

/** Every zone, in the index's order (by name), as a search result would show it. */
export function describeAllZones(now: DateTime): ZoneMatch[] {
  const ms = now.toMillis();
  return zoneIndex().index.map((entry) => matchOf(entry, ms, null));
}

type Scored = { entry: Entry; score: number; term: Term };

function score(entry: Entry, query: string): Scored | undefined {
  let best: Scored | undefined;
  for (const term of entry.terms) {
    let value = 0;
    if (term.text === query) value = EXACT[term.kind];
    else if (term.text.startsWith(query)) value = EXACT[term.kind] - 40;
    else if (term.text.includes(` ${query}`)) value = EXACT[term.kind] - 55;
    else if (query.length >= 3 && term.text.includes(query)) value = EXACT[term.kind] - 70;
    if (value > 0 && (!best || value > best.score)) best = { entry, score: value, term };
  }
  return best;
}

/** Edit distance with a ceiling: enough to forgive "Bejing" or "Stokholm". */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return false;
    previous = row;
  }
  return previous[b.length]! <= max;
}

function byScoreThenFame(a: Scored, b: Scored): number {
  return b.score - a.score || a.entry.fame - b.entry.fame || a.entry.zone.localeCompare(b.entry.zone);
}

function shownMatch(scored: Scored): string | null {
  const { term, entry } = scored;
  return term.kind === 'common' || term.kind === 'alias' ? term.shown : term.kind === 'name' && term.shown !== entry.zone ? term.shown : null;
}

function ranked(query: string): Scored[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const found = zoneIndex()
    .index.map((entry) => score(entry, folded))
    .filter((s): s is Scored => s !== undefined);
  if (found.length > 0 || folded.length < 4) return found.sort(byScoreThenFame);
  // Nothing matched: forgive a typing slip in a place name (not in zone names, which are not typed).
  const max = folded.length >= 7 ? 2 : 1;
  const close: Scored[] = [];
  for (const entry of zoneIndex().index) {
    const term = entry.terms.find((t) => t.kind !== 'name' && withinEdits(folded, t.text, max));
    if (term) close.push({ entry, score: 1, term });
  }
  return close.sort(byScoreThenFame);
}

/**
 * The zones that match what was typed, best first: exact names and cities before prefixes, then
 * the better-known zones. An offset ("GMT+8") lists the zones at that offset now.
 */
export function searchZones(query: string, now: DateTime, options: { limit?: number } = {}): ZoneMatch[] {
  const limit = options.limit ?? 20;
  const ms = now.toMillis();
  const text = query.slice(0, 64);
  const offset = parseOffsetQuery(text);
  if (offset !== undefined) {
    const offsets = offsetsAt(ms);
    return zoneIndex()
      .index.filter((entry) => offsets.get(entry.zone) === offset)
      .sort((a, b) => a.fame - b.fame || a.zone.localeCompare(b.zone))
      .slice(0, limit)
      .map((entry) => matchOf(entry, ms, null));
  }
  return ranked(text)
    .slice(0, limit)
    .map((scored) => matchOf(scored.entry, ms, shownMatch(scored)));
}

/**
 * A typed zone: an IANA name as it is; a name that exactly matches one zone ("Beijing", "India")
 * as that zone; anything else (an offset, "United States", a typo) as choices. Offsets are never
 * taken on their own: they do not say when summer time starts, which is what puts calendars off.
 */
export function resolveZone(input: string, now: DateTime): ZoneResolution {
  const text = input.trim().slice(0, 64);
  const zone = normalizeZone(text);
  if (zone) return { ok: true, zone };
  if (parseOffsetQuery(text) === undefined) {
    const folded = foldForSearch(text);
    const exact = new Set(
      zoneIndex()
        .index.filter((entry) => entry.terms.some((t) => t.text === folded))
        .map((entry) => entry.zone),
    );
    if (exact.size === 1) return { ok: true, zone: [...exact][0]! };
  }
  return { ok: false, input: text, suggestions: text === '' ? [] : searchZones(text, now, { limit: 8 }) };
}
