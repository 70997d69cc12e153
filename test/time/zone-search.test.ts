import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeAllZones, parseOffsetQuery, resolveZone, searchZones } from '../../src/time/zone-search.js';

// Winter in the north: Oslo at +01:00, New York at -05:00, Sydney at +11:00.
const WINTER = DateTime.fromISO('2026-11-30T06:00:00Z', { zone: 'UTC' });
// Summer in the north: Oslo at +02:00, New York at -04:00.
const SUMMER = DateTime.fromISO('2027-07-01T12:00:00Z', { zone: 'UTC' });

const zonesOf = (query: string, now = WINTER, limit?: number) => searchZones(query, now, { limit }).map((m) => m.zone);

describe('searchZones', () => {
  it('finds Asia/Shanghai first for "Beijing", saying which name matched, with its offset and local time now', () => {
    const [first] = searchZones('Beijing', WINTER);
    expect(first).toEqual({
      zone: 'Asia/Shanghai',
      label: 'Shanghai, China',
      matched: 'Beijing',
      offsetMinutes: 480,
      offset: 'UTC+08:00',
      time: '14:00',
      date: 'Mon 30 Nov',
      datetime: '2026-11-30T14:00:00+08:00',
    });
  });

  it('finds Asia/Kolkata for Kolkata and for its old name Calcutta, and for the country India', () => {
    expect(zonesOf('Kolkata')[0]).toBe('Asia/Kolkata');
    expect(searchZones('Calcutta', WINTER)[0]).toMatchObject({ zone: 'Asia/Kolkata', matched: 'Calcutta', offset: 'UTC+05:30' });
    expect(zonesOf('India')[0]).toBe('Asia/Kolkata');
    expect(zonesOf('Mumbai')).toEqual(['Asia/Kolkata']);
  });

  it('finds New York and Oslo by city, in any case, with the offset of the season', () => {
    expect(searchZones('new york', WINTER)[0]).toMatchObject({ zone: 'America/New_York', label: 'New York, United States', offset: 'UTC-05:00' });
    expect(searchZones('New York', SUMMER)[0]).toMatchObject({ zone: 'America/New_York', offset: 'UTC-04:00', time: '08:00' });
    expect(searchZones('OSLO', WINTER)[0]).toMatchObject({ zone: 'Europe/Oslo', label: 'Oslo, Norway', offset: 'UTC+01:00' });
    expect(searchZones('Oslo', SUMMER)[0]).toMatchObject({ zone: 'Europe/Oslo', offset: 'UTC+02:00', datetime: '2027-07-01T14:00:00+02:00' });
  });

  it('lists the zones at +08:00 now for GMT+8, UTC+8 and +08:00, best known first', () => {
    const gmt = searchZones('GMT+8', WINTER, { limit: 100 });
    expect(gmt.length).toBeGreaterThan(5);
    expect(gmt.every((m) => m.offset === 'UTC+08:00')).toBe(true);
    expect(gmt.slice(0, 3).map((m) => m.zone)).toEqual(['Asia/Shanghai', 'Asia/Singapore', 'Asia/Hong_Kong']);
    expect(zonesOf('UTC+8', WINTER, 100)).toEqual(gmt.map((m) => m.zone));
    expect(zonesOf('+08:00', WINTER, 100)).toEqual(gmt.map((m) => m.zone));
  });

  it('reads UTC-5 as the zones at -05:00 at the moment asked: New York in winter, not in summer', () => {
    expect(zonesOf('UTC-5', WINTER, 100)).toContain('America/New_York');
    expect(zonesOf('UTC-5', SUMMER, 100)).not.toContain('America/New_York');
    expect(zonesOf('UTC-5', SUMMER, 100)).toContain('America/Chicago');
  });

  it('ignores accents and case: "Sao Paulo", "Zürich" and "zurich"', () => {
    expect(zonesOf('Sao Paulo')[0]).toBe('America/Sao_Paulo');
    expect(zonesOf('Zürich')[0]).toBe('Europe/Zurich');
    expect(zonesOf('zurich')[0]).toBe('Europe/Zurich');
    expect(zonesOf('Malmo')[0]).toBe('Europe/Stockholm');
  });

  it('finds nothing for a word that is no place', () => {
    expect(searchZones('xyzzy', WINTER)).toEqual([]);
    expect(searchZones('', WINTER)).toEqual([]);
    expect(searchZones('   ', WINTER)).toEqual([]);
  });

  it('ranks an exact city before prefixes and the better-known zones before the rest', () => {
    // "Paris" is a city; nothing else starts with it.
    expect(zonesOf('Paris')[0]).toBe('Europe/Paris');
    // "new": every match is a prefix of a word; New York is the best known of them.
    expect(zonesOf('new')[0]).toBe('America/New_York');
    // "bei" only starts "Beijing".
    expect(zonesOf('bei')[0]).toBe('Asia/Shanghai');
    // A country with several zones lists its best-known ones first.
    expect(zonesOf('United States').slice(0, 3)).toEqual(['America/New_York', 'America/Los_Angeles', 'America/Chicago']);
  });

  it('forgives a typing slip in a place name when nothing matches exactly', () => {
    expect(zonesOf('Bejing')[0]).toBe('Asia/Shanghai');
    expect(zonesOf('Stokholm')[0]).toBe('Europe/Stockholm');
  });

  it('describes every zone with its offset now', () => {
    const all = describeAllZones(WINTER);
    expect(all.length).toBeGreaterThan(400);
    expect(all.find((m) => m.zone === 'Australia/Sydney')).toMatchObject({ offset: 'UTC+11:00', datetime: '2026-11-30T17:00:00+11:00' });
  });
});

describe('parseOffsetQuery', () => {
  it('reads the ways people write offsets, and nothing else', () => {
    expect(['GMT+8', 'UTC+8', 'utc +8', '+08:00', '+0800', 'UTC-5', 'UTC+5:30', 'GMT', 'UTC−3'].map(parseOffsetQuery)).toEqual([
      480, 480, 480, 480, 480, -300, 330, 0, -180,
    ]);
    expect(['Beijing', 'UTC+15', 'GMT+8:75', '8'].map(parseOffsetQuery)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('resolveZone', () => {
  it('takes IANA names as they are', () => {
    expect(resolveZone('Europe/Stockholm', () => WINTER)).toEqual({ ok: true, zone: 'Europe/Stockholm' });
    expect(resolveZone('asia/shanghai', () => WINTER)).toEqual({ ok: true, zone: 'Asia/Shanghai' });
  });

  it('takes a name that matches exactly one zone as that zone', () => {
    expect(['Beijing', 'Kolkata', 'Calcutta', 'New York', 'Oslo', 'India', ' zürich '].map((text) => resolveZone(text, () => WINTER))).toEqual(
      ['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kolkata', 'America/New_York', 'Europe/Oslo', 'Asia/Kolkata', 'Europe/Zurich'].map((zone) => ({ ok: true, zone })),
    );
  });

  it('answers an offset with the zones at that offset to choose from, never one of them on its own', () => {
    const answer = resolveZone('GMT+8', () => WINTER);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.input).toBe('GMT+8');
    expect(answer.suggestions[0]?.zone).toBe('Asia/Shanghai');
    expect(answer.suggestions.every((m) => m.offset === 'UTC+08:00')).toBe(true);
    // Only Kathmandu is at +05:45, and still it is a choice: an offset says nothing about summer time.
    expect(resolveZone('UTC+5:45', () => WINTER)).toMatchObject({ ok: false, suggestions: [{ zone: 'Asia/Kathmandu' }] });
  });

  it('answers a prefix or a country with several zones with choices, and an unknown word with none', () => {
    expect(resolveZone('Beij', () => WINTER)).toMatchObject({ ok: false, suggestions: [{ zone: 'Asia/Shanghai' }] });
    const country = resolveZone('United States', () => WINTER);
    expect(country.ok ? [] : country.suggestions.slice(0, 2).map((m) => m.zone)).toEqual(['America/New_York', 'America/Los_Angeles']);
    expect(resolveZone('xyzzy', () => WINTER)).toEqual({ ok: false, input: 'xyzzy', suggestions: [] });
    // A name shared by places in different zones (the capital, the state) is asked about, never guessed.
    expect(resolveZone('Washington', () => WINTER)).toMatchObject({ ok: false, suggestions: [{ zone: 'America/New_York', matched: 'Washington DC' }] });
  });
});

describe('for a Swedish reader', () => {
  const sv = (query: string, now = WINTER) => searchZones(query, now, { language: 'sv' });
  const firstZone = (query: string) => sv(query)[0]?.zone;

  it('finds Asia/Shanghai for "Kina" and "Peking", labelled "Shanghai, Kina", with the date in Swedish', () => {
    expect(sv('Kina')[0]).toEqual({
      zone: 'Asia/Shanghai',
      label: 'Shanghai, Kina',
      matched: null,
      offsetMinutes: 480,
      offset: 'UTC+08:00',
      time: '14:00',
      date: 'mån 30 nov.',
      datetime: '2026-11-30T14:00:00+08:00',
    });
    expect(sv('Peking')[0]).toMatchObject({ zone: 'Asia/Shanghai', label: 'Shanghai, Kina', matched: 'Peking' });
    expect(sv('Beijing')[0]).toMatchObject({ zone: 'Asia/Shanghai', label: 'Shanghai, Kina', matched: 'Beijing' });
  });

  it.each([
    ['Kina', 'Asia/Shanghai'],
    ['Indien', 'Asia/Kolkata'],
    ['Norge', 'Europe/Oslo'],
    ['Sverige', 'Europe/Stockholm'],
    ['Danmark', 'Europe/Copenhagen'],
    ['Finland', 'Europe/Helsinki'],
    ['Tyskland', 'Europe/Berlin'],
    ['Frankrike', 'Europe/Paris'],
    ['Storbritannien', 'Europe/London'],
    ['England', 'Europe/London'],
    ['USA', 'America/New_York'],
    ['Förenta staterna', 'America/New_York'],
    ['Japan', 'Asia/Tokyo'],
    ['Sydkorea', 'Asia/Seoul'],
    ['Brasilien', 'America/Sao_Paulo'],
    ['Mexiko', 'America/Mexico_City'],
    ['Kanada', 'America/Toronto'],
    ['Australien', 'Australia/Sydney'],
    ['Spanien', 'Europe/Madrid'],
    ['Italien', 'Europe/Rome'],
    ['Nederländerna', 'Europe/Amsterdam'],
    ['Schweiz', 'Europe/Zurich'],
    ['Österrike', 'Europe/Vienna'],
    ['Polen', 'Europe/Warsaw'],
    ['Ryssland', 'Europe/Moscow'],
    ['Turkiet', 'Europe/Istanbul'],
    ['Sydafrika', 'Africa/Johannesburg'],
    ['Egypten', 'Africa/Cairo'],
    ['Singapore', 'Asia/Singapore'],
    ['Indonesien', 'Asia/Jakarta'],
    ['Thailand', 'Asia/Bangkok'],
    ['Vietnam', 'Asia/Ho_Chi_Minh'],
    ['Filippinerna', 'Asia/Manila'],
    ['Nya Zeeland', 'Pacific/Auckland'],
    ['Irland', 'Europe/Dublin'],
    ['Island', 'Atlantic/Reykjavik'],
    ['Grekland', 'Europe/Athens'],
    ['Portugal', 'Europe/Lisbon'],
    ['Belgien', 'Europe/Brussels'],
    ['Estland', 'Europe/Tallinn'],
    ['Lettland', 'Europe/Riga'],
    ['Litauen', 'Europe/Vilnius'],
    ['Ukraina', 'Europe/Kyiv'],
    ['Israel', 'Asia/Jerusalem'],
    ['Förenade Arabemiraten', 'Asia/Dubai'],
    ['Saudiarabien', 'Asia/Riyadh'],
    ['Argentina', 'America/Buenos_Aires'],
    ['Chile', 'America/Santiago'],
    ['Colombia', 'America/Bogota'],
    ['Peru', 'America/Lima'],
  ])('finds %s first at %s', (query, zone) => {
    expect(firstZone(query)).toBe(zone);
  });

  it.each([
    ['Peking', 'Asia/Shanghai'],
    ['Köpenhamn', 'Europe/Copenhagen'],
    ['Moskva', 'Europe/Moscow'],
    ['Aten', 'Europe/Athens'],
    ['Rom', 'Europe/Rome'],
    ['Lissabon', 'Europe/Lisbon'],
    ['Bryssel', 'Europe/Brussels'],
    ['Wien', 'Europe/Vienna'],
    ['Prag', 'Europe/Prague'],
    ['Warszawa', 'Europe/Warsaw'],
    ['Helsingfors', 'Europe/Helsinki'],
    ['Reykjavik', 'Atlantic/Reykjavik'],
    ['Göteborg', 'Europe/Stockholm'],
    ['Malmö', 'Europe/Stockholm'],
    ['Stockholm', 'Europe/Stockholm'],
    ['Oslo', 'Europe/Oslo'],
    ['Bergen', 'Europe/Oslo'],
    ['Trondheim', 'Europe/Oslo'],
    ['Shanghai', 'Asia/Shanghai'],
    ['New York', 'America/New_York'],
    ['San Francisco', 'America/Los_Angeles'],
    ['Los Angeles', 'America/Los_Angeles'],
    ['Tammerfors', 'Europe/Helsinki'],
    ['Kairo', 'Africa/Cairo'],
  ])('takes the city %s as %s', (query, zone) => {
    expect(firstZone(query)).toBe(zone);
    expect(resolveZone(query, () => WINTER, 'sv')).toEqual({ ok: true, zone });
  });

  it('ignores accents and case in Swedish names too: "kopenhamn", "HELSINGFORS", "osterrike", "goteborg"', () => {
    expect(['kopenhamn', 'HELSINGFORS', 'osterrike', 'goteborg', 'forenta staterna'].map(firstZone)).toEqual([
      'Europe/Copenhagen',
      'Europe/Helsinki',
      'Europe/Vienna',
      'Europe/Stockholm',
      'America/New_York',
    ]);
  });

  it('labels results in Swedish, saying which name matched when the label does not', () => {
    expect(sv('Helsingfors')[0]).toMatchObject({ label: 'Helsingfors, Finland', matched: null });
    expect(sv('Helsinki')[0]).toMatchObject({ label: 'Helsingfors, Finland', matched: 'Helsinki' });
    expect(sv('Copenhagen')[0]).toMatchObject({ label: 'Köpenhamn, Danmark', matched: 'Copenhagen' });
    expect(sv('New York')[0]).toMatchObject({ label: 'New York, USA', matched: null, date: 'mån 30 nov.' });
    expect(sv('Norge', SUMMER)[0]).toMatchObject({ label: 'Oslo, Norge', offset: 'UTC+02:00', date: 'tors 1 juli' });
    // A zone named after its islands is shown by their Swedish name alone.
    expect(sv('Maldiverna')[0]).toMatchObject({ zone: 'Indian/Maldives', label: 'Maldiverna' });
    expect(describeAllZones(WINTER, 'sv').find((m) => m.zone === 'UTC')?.label).toBe('Koordinerad universell tid');
  });

  it('still finds English names, and an offset lists the same zones as in English', () => {
    expect(firstZone('China')).toBe('Asia/Shanghai');
    expect(firstZone('Norway')).toBe('Europe/Oslo');
    expect(sv('GMT+8').map((m) => m.zone)).toEqual(zonesOf('GMT+8'));
    expect(sv('GMT+8')[0]?.label).toBe('Shanghai, Kina');
  });

  it('forgives a typing slip in a Swedish name', () => {
    expect(firstZone('Helsingfor')).toBe('Europe/Helsinki');
    expect(firstZone('Köpenhamm')).toBe('Europe/Copenhagen');
  });

  it('leaves English readers’ searches as they were: Swedish names are searched only for Swedish readers', () => {
    // "Island" is Iceland in Swedish, and only there.
    expect(zonesOf('Island')).not.toContain('Atlantic/Reykjavik');
    expect(resolveZone('Norge', () => WINTER)).toEqual({ ok: false, input: 'Norge', suggestions: [] });
    expect(searchZones('Kina', WINTER).map((m) => m.label)).not.toContain('Shanghai, China');
    expect(searchZones('Copenhagen', WINTER)[0]).toMatchObject({ label: 'Copenhagen, Denmark', matched: null });
  });

  it('resolves a Swedish name of a country with one zone as that zone, and one with several as choices in Swedish', () => {
    expect(resolveZone('Norge', () => WINTER, 'sv')).toEqual({ ok: true, zone: 'Europe/Oslo' });
    expect(resolveZone('Indien', () => WINTER, 'sv')).toEqual({ ok: true, zone: 'Asia/Kolkata' });
    const china = resolveZone('Kina', () => WINTER, 'sv');
    expect(china.ok ? [] : china.suggestions.slice(0, 2).map((m) => m.label)).toEqual(['Shanghai, Kina', 'Urumqi, Kina']);
    const usa = resolveZone('Förenta staterna', () => WINTER, 'sv');
    expect(usa.ok ? [] : usa.suggestions.slice(0, 2).map((m) => m.label)).toEqual(['New York, USA', 'Los Angeles, USA']);
  });
});
