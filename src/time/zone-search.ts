// Finds time zones from what people type ("Beijing", "Kolkata", "India", "GMT+8"; "Peking", "Kina"
// for a Swedish reader) and turns a typed value into one zone or a short list of choices, labelled
// in the reader's language. The index is built once, on first use.
import type { DateTime } from 'luxon';
import { LOCALES, type Language } from '../i18n/languages.js';
import { shortDayAndMonthNames } from './format.js';
import { formatOffset } from './local-time.js';
import { zoneClock } from './zone-clock.js';
import { ZONE_COUNTRIES } from './zone-countries.js';
import { COMMON_NAMES, COUNTRY_NAMES, WELL_KNOWN_ZONES } from './zone-names.js';
import { SWEDISH_CITY_NAMES, SWEDISH_COMMON_NAMES, SWEDISH_COUNTRY_NAMES, SWEDISH_UTC_NAME } from './zone-names-sv.js';
import { ALL_ZONES, normalizeZone, RENAMED_ZONES, zoneCity } from './zones.js';

export type ZoneMatch = {
  zone: string;
  /** "Shanghai, China"; "Shanghai, Kina" for a Swedish reader. */
  label: string;
  /** The name that matched when it is not in the label ("Beijing", "Calcutta"), else null. */
  matched: string | null;
  /** Minutes east of UTC now. */
  offsetMinutes: number;
  /** "UTC+08:00" */
  offset: string;
  /** The zone's wall clock now: "14:05", "Mon 30 Nov" ("mån 30 nov."), and ISO 8601 with the offset for <time datetime>. */
  time: string;
  date: string;
  datetime: string;
};

export type ZoneResolution =
  | { ok: true; zone: string }
  /** `suggestions` is empty when nothing came close. */
  | { ok: false; input: string; suggestions: ZoneMatch[] };

type Kind = 'name' | 'city' | 'common' | 'alias' | 'country';
/** `language`: the readers the name is searched for; null for everyone (the English and IANA names). */
type Term = { text: string; shown: string; kind: Kind; language: Language | null };
/** `labels` and `cities`: as each language shows the zone ("Köpenhamn, Danmark", "Köpenhamn"). */
type Entry = { zone: string; labels: Record<Language, string>; cities: Record<Language, string>; terms: Term[]; fame: number };

/** A language's own names for places, besides the English ones everyone can search by. */
type OwnNames = {
  cities: Readonly<Record<string, string>>;
  places: Readonly<Record<string, readonly string[]>>;
  countries: Readonly<Record<string, readonly string[]>>;
  utc: string;
};
const OWN_NAMES: Record<Exclude<Language, 'en'>, OwnNames> = {
  sv: { cities: SWEDISH_CITY_NAMES, places: SWEDISH_COMMON_NAMES, countries: SWEDISH_COUNTRY_NAMES, utc: SWEDISH_UTC_NAME },
};

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

const regionNames: Record<Language, Intl.DisplayNames> = {
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
  sv: new Intl.DisplayNames([LOCALES.sv], { type: 'region' }),
};

function countryName(code: string | undefined, language: Language = 'en'): string | undefined {
  if (!code) return undefined;
  try {
    return regionNames[language].of(code);
  } catch {
    return undefined;
  }
}

/** "Shanghai, China": the city, and its country unless the zone is named after it (Singapore). */
function placeLabel(city: string, country: string | undefined): string {
  return country && foldForSearch(country) !== foldForSearch(city) ? `${city}, ${country}` : city;
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
    // A language's own name is kept only where it says something the names for everyone do not.
    const add = (shown: string, kind: Kind, language: Language | null = null) => {
      const text = foldForSearch(shown);
      if (text !== '' && !terms.some((t) => t.text === text && (t.language === null || t.language === language))) terms.push({ text, shown, kind, language });
    };
    add(zone, 'name');
    add(city, 'city');
    for (const name of COMMON_NAMES[zone] ?? []) add(name, 'common');
    for (const name of aliases.get(zone) ?? []) add(name, 'alias');
    if (zone === 'UTC') for (const name of ['Coordinated Universal Time', 'GMT', 'Greenwich Mean Time', 'Zulu']) add(name, 'alias');
    if (country) add(country, 'country');
    for (const name of (code && COUNTRY_NAMES[code]) || []) add(name, 'country');
    const labels = { en: zone === 'UTC' ? 'Coordinated Universal Time' : placeLabel(city, country) } as Record<Language, string>;
    const cities = { en: city } as Record<Language, string>;
    for (const [language, own] of Object.entries(OWN_NAMES) as Array<[Exclude<Language, 'en'>, OwnNames]>) {
      const ownCountry = countryName(code, language);
      // A zone named after its island or country ("Maldives") is shown by the country's own name.
      const ownCity = own.cities[zone] ?? (country && ownCountry && foldForSearch(country) === foldForSearch(city) ? ownCountry : city);
      cities[language] = ownCity;
      labels[language] = zone === 'UTC' ? own.utc : placeLabel(ownCity, ownCountry);
      add(ownCity, 'city', language);
      for (const name of own.places[zone] ?? []) add(name, 'common', language);
      if (zone === 'UTC') add(own.utc, 'alias', language);
      if (ownCountry) add(ownCountry, 'country', language);
      for (const name of (code && own.countries[code]) || []) add(name, 'country', language);
    }
    const known = WELL_KNOWN_ZONES.indexOf(zone);
    return { zone, labels, cities, terms, fame: known === -1 ? WELL_KNOWN_ZONES.length : known };
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

/** Short day and month names: English as this search has always written them ("Sep", where luxon writes "Sept"), Swedish as dates are shown. */
const DAY_AND_MONTH_NAMES: Record<Language, { weekdays: readonly string[]; months: readonly string[] }> = {
  en: {
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  sv: shortDayAndMonthNames('sv'),
};

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

function matchOf(entry: Entry, ms: number, matched: string | null, language: Language): ZoneMatch {
  const minuteMs = Math.floor(ms / 60_000) * 60_000;
  const offsetMinutes = offsetOf(entry.zone, ms);
  // The wall clock is the instant shifted by the offset, read as UTC: no process TZ involved.
  const wall = new Date(minuteMs + offsetMinutes * 60_000);
  const isoDate = `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
  const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
  const offset = formatOffset(offsetMinutes);
  const names = DAY_AND_MONTH_NAMES[language];
  return {
    zone: entry.zone,
    label: entry.labels[language],
    matched,
    offsetMinutes,
    offset: `UTC${offset}`,
    time,
    date: `${names.weekdays[wall.getUTCDay()]} ${wall.getUTCDate()} ${names.months[wall.getUTCMonth()]}`,
    datetime: `${isoDate}T${time}:00${offset}`,
  };
}

/** One zone as a search result would show it (for lists that are not searches), or undefined for an unknown name. */
export function describeZone(zone: string, now: DateTime, language: Language = 'en'): ZoneMatch | undefined {
  const entry = zoneIndex().byZone.get(zone);
  return entry ? matchOf(entry, now.toMillis(), null, language) : undefined;
}

/**
 * The zone's city as `language` names it: "Helsingfors" for Europe/Helsinki in Swedish; the
 * English name without building the index.
 */
export function zoneCityIn(zone: string, language: Language): string {
  if (language === 'en') return zoneCity(zone);
  return zoneIndex().byZone.get(zone)?.cities[language] ?? zoneCity(zone);
}

/** Every zone, in the index's order (by name), as a search result would show it. */
export function describeAllZones(now: DateTime, language: Language = 'en'): ZoneMatch[] {
  const ms = now.toMillis();
  return zoneIndex().index.map((entry) => matchOf(entry, ms, null, language));
}

type Scored = { entry: Entry; score: number; term: Term };

/** Whether a reader in `language` searches by the name: the names for everyone, and their language's own. */
function searchedIn(term: Term, language: Language): boolean {
  return term.language === null || term.language === language;
}

function score(entry: Entry, query: string, language: Language): Scored | undefined {
  let best: Scored | undefined;
  for (const term of entry.terms) {
    if (!searchedIn(term, language)) continue;
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

/** What matched, when the label does not say it: "Beijing" for "Shanghai, China"; "Copenhagen" for "Köpenhamn, Danmark". */
function shownMatch(scored: Scored, language: Language): string | null {
  const { term, entry } = scored;
  if (term.kind === 'common' || term.kind === 'alias') return term.shown;
  if (term.kind === 'name') return term.shown !== entry.zone ? term.shown : null;
  if (term.kind === 'city') return term.text !== foldForSearch(entry.cities[language]) ? term.shown : null;
  return null;
}

function ranked(query: string, language: Language): Scored[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const found = zoneIndex()
    .index.map((entry) => score(entry, folded, language))
    .filter((s): s is Scored => s !== undefined);
  if (found.length > 0 || folded.length < 4) return found.sort(byScoreThenFame);
  // Nothing matched: forgive a typing slip in a place name (not in zone names, which are not typed).
  const max = folded.length >= 7 ? 2 : 1;
  const close: Scored[] = [];
  for (const entry of zoneIndex().index) {
    const term = entry.terms.find((t) => t.kind !== 'name' && searchedIn(t, language) && withinEdits(folded, t.text, max));
    if (term) close.push({ entry, score: 1, term });
  }
  return close.sort(byScoreThenFame);
}

/**
 * The zones that match what was typed, best first: exact names and cities before prefixes, then
 * the better-known zones. An offset ("GMT+8") lists the zones at that offset now. `language`: the
 * reader's, whose own place names are searched too and in which the results are labelled.
 */
export function searchZones(query: string, now: DateTime, options: { limit?: number; language?: Language } = {}): ZoneMatch[] {
  const limit = options.limit ?? 20;
  const language = options.language ?? 'en';
  const ms = now.toMillis();
  const text = query.slice(0, 64);
  const offset = parseOffsetQuery(text);
  if (offset !== undefined) {
    const offsets = offsetsAt(ms);
    return zoneIndex()
      .index.filter((entry) => offsets.get(entry.zone) === offset)
      .sort((a, b) => a.fame - b.fame || a.zone.localeCompare(b.zone))
      .slice(0, limit)
      .map((entry) => matchOf(entry, ms, null, language));
  }
  return ranked(text, language)
    .slice(0, limit)
    .map((scored) => matchOf(scored.entry, ms, shownMatch(scored, language), language));
}

/**
 * A typed zone: an IANA name as it is; a name that exactly matches one zone ("Beijing", "India";
 * "Norge" for a Swedish reader) as that zone; anything else (an offset, "United States", a typo)
 * as choices, labelled in the reader's language. Offsets are never taken on their own: they do not
 * say when summer time starts, which is what puts calendars off. `now` is asked for only when there
 * are choices to show (offsets are now's): most calls name a zone, and a DateTime costs microseconds.
 */
export function resolveZone(input: string, now: () => DateTime, language: Language = 'en'): ZoneResolution {
  const text = input.trim().slice(0, 64);
  const zone = normalizeZone(text);
  if (zone) return { ok: true, zone };
  if (parseOffsetQuery(text) === undefined) {
    const folded = foldForSearch(text);
    const exact = new Set(
      zoneIndex()
        .index.filter((entry) => entry.terms.some((t) => t.text === folded && searchedIn(t, language)))
        .map((entry) => entry.zone),
    );
    if (exact.size === 1) return { ok: true, zone: [...exact][0]! };
  }
  return { ok: false, input: text, suggestions: text === '' ? [] : searchZones(text, now(), { limit: 8, language }) };
}
