// The list of IANA time zones and the one rule for accepting a zone name from a person or a form.
import { IANAZone } from 'luxon';

// ICU (and so Intl) still lists some zones under names the tz database has since renamed; people
// and browsers use the new names, so the picker offers those.
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

const LISTED_BY_INTL = new Set(Intl.supportedValuesOf('timeZone'));

// Intl accepts every zone it lists; only the new names (and UTC) need asking, as an older ICU may
// not know them. Asking costs an Intl.DateTimeFormat each: for all ~420 zones, 0.1 s at start.
export const ALL_ZONES: readonly string[] = [
  ...new Set(
    [...[...LISTED_BY_INTL].map((zone) => RENAMED_ZONES[zone] ?? zone), 'UTC'].filter((zone) => LISTED_BY_INTL.has(zone) || IANAZone.isValidZone(zone)),
  ),
].sort();

const byLowerCase = new Map(ALL_ZONES.map((zone) => [zone.toLowerCase(), zone]));

// Region/City names only (plus UTC): offsets such as "+01:00" or abbreviations such as "CET" are
// exactly what put calendars an hour off, so they are not time zones here.
const IANA_NAME = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/;
/** Names spelled as they are stored (what cookies and ?tz= links carry), looked up first; only those the pattern admits. */
const canonical = new Set(ALL_ZONES.filter((zone) => IANA_NAME.test(zone)));

/** The zone's canonical spelling, or undefined when the name is not an IANA zone. */
export function normalizeZone(input: string): string | undefined {
  if (canonical.has(input)) return input;
  const name = input.trim();
  if (name.length === 0 || name.length > 64 || !IANA_NAME.test(name)) return undefined;
  const known = byLowerCase.get(name.toLowerCase());
  if (known) return known;
  return IANAZone.isValidZone(name) ? name : undefined;
}

/** "America/Los_Angeles" -> "Los Angeles"; "America/Argentina/Buenos_Aires" -> "Buenos Aires". */
export function zoneCity(zone: string): string {
  if (zone === 'UTC') return 'UTC';
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

/** Zones grouped by their region, for a picker. */
export function zonesByRegion(): Array<{ region: string; zones: string[] }> {
  const groups = new Map<string, string[]>();
  for (const zone of ALL_ZONES) {
    const region = zone.includes('/') ? zone.split('/')[0]! : 'Other';
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups].map(([region, zones]) => ({ region, zones }));
}

const longNames = new Map<string, string | null>();

/**
 * "China Standard Time", "Pacific Time": the zone's generic English name, for people who do not
 * read IANA names; null where Intl has none but an offset ("GMT+03:00"), which says nothing more.
 */
export function zoneLongName(zone: string): string | null {
  let name = longNames.get(zone);
  if (name === undefined) {
    const known = normalizeZone(zone);
    const part = known
      ? new Intl.DateTimeFormat('en-GB', { timeZone: known, timeZoneName: 'longGeneric' })
          .formatToParts(Date.UTC(2027, 0, 1))
          .find((p) => p.type === 'timeZoneName')?.value
      : undefined;
    name = part && !/^GMT|^UTC/.test(part) ? part : null;
    // Bounded by the zones in use: attendees' and speakers' zones are checked IANA names.
    if (longNames.size < 1000) longNames.set(zone, name);
  }
  return name;
}
