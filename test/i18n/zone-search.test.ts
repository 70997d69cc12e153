// Finding a time zone in Swedish over HTTP: the picker page, its type-ahead's JSON, ?tz= and the
// registration form take Swedish place names ("Norge", "Helsingfors") from a Swedish reader and
// show the zones by their Swedish names ("Shanghai, Kina"); English readers' answers are unchanged.
import { describe, expect, it } from 'vitest';
import { all, one, parse, textOf, texts } from '../helpers/dom.js';
import { form, VISITOR } from '../helpers/forms.js';
import { buildTestApp, tableCounts } from '../helpers/test-app.js';
import { leftoverEnglish } from './leftover-english.js';

// The test clock: 2027-02-01T12:00Z, winter in the north, so Shanghai is at 20:00 (+08:00).
const SLUG = 'pilots-with-startups-norway';
const SWEDISH = { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' };
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };

const bilingualApp = () => buildTestApp({ languages: ['en', 'sv'] });

type SearchAnswer = { query: string; matches: Array<Record<string, unknown>> };

describe('the zone search in Swedish', () => {
  it('answers the type-ahead with Swedish names, and says that the answer depends on the language', async () => {
    const ctx = await bilingualApp();
    const res = await ctx.app.request('/timezone/search?q=Kina', { headers: SWEDISH });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('vary')).toBe('Accept-Language, Cookie');
    expect(res.headers.get('content-language')).toBe('sv');
    const body = (await res.json()) as SearchAnswer;
    expect(body.matches[0]).toEqual({
      zone: 'Asia/Shanghai',
      label: 'Shanghai, Kina',
      matched: null,
      offsetMinutes: 480,
      offset: 'UTC+08:00',
      time: '20:00',
      date: 'mån 1 feb.',
      datetime: '2027-02-01T20:00:00+08:00',
    });
    const peking = (await (await ctx.app.request('/timezone/search?q=peking', { headers: SWEDISH })).json()) as SearchAnswer;
    expect(peking.matches[0]).toMatchObject({ zone: 'Asia/Shanghai', label: 'Shanghai, Kina', matched: 'Peking' });
  });

  it('answers an English reader of the same hub as before: English names, no Swedish ones searched', async () => {
    const ctx = await bilingualApp();
    const china = (await (await ctx.app.request('/timezone/search?q=China', { headers: ENGLISH })).json()) as SearchAnswer;
    expect(china.matches[0]).toMatchObject({ zone: 'Asia/Shanghai', label: 'Shanghai, China', date: 'Mon 1 Feb' });
    const norge = (await (await ctx.app.request('/timezone/search?q=Norge', { headers: ENGLISH })).json()) as SearchAnswer;
    expect(norge.matches).toEqual([]);
    // An English-only hub adds no Vary: its answer is the same for everyone.
    const englishOnly = await (await buildTestApp({ languages: ['en'] })).app.request('/timezone/search?q=China');
    expect(englishOnly.headers.get('vary')).toBeNull();
  });

  it('lists the matches of ?q=Norge on the picker page in Swedish, and the full list by Swedish names', async () => {
    const ctx = await bilingualApp();
    const res = await ctx.app.request('/timezone?q=Norge', { headers: SWEDISH });
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = parse(html);
    expect(textOf(one(page, '#zone-results-heading'))).toBe('En tidszon matchar ”Norge”');
    expect(texts(page, '.zone-results a')).toEqual(['Oslo, Norge Europe/Oslo · UTC+01:00 · nu 13:00']);
    const select = one(page, 'form[aria-labelledby="zone-all-heading"] select[name="tz"]');
    expect(textOf(one(select, 'option[value="Europe/Copenhagen"]'))).toBe('Köpenhamn, Danmark · UTC+01:00');
    expect(textOf(one(select, 'option[value="Asia/Kolkata"]'))).toBe('Kolkata, Indien · UTC+05:30');
    expect(leftoverEnglish(html, 'public.zone.')).toEqual([]);
  });

  it('offers the programme’s zones in Swedish before anything is searched', async () => {
    const ctx = await bilingualApp();
    const page = parse(await (await ctx.app.request('/timezone', { headers: SWEDISH })).text());
    const useful = texts(page, '.zone-results a');
    expect(useful[0]).toBe('Stockholm, Sverige Europe/Stockholm · UTC+01:00 · nu 13:00 Programmet, Anna Lindqvist');
    expect(useful.some((line) => line.startsWith('Shanghai, Kina Asia/Shanghai · UTC+08:00 · nu 20:00') && line.includes('Chen Jing'))).toBe(true);
  });

  it('takes ?tz=Helsingfors from a Swedish reader as Europe/Helsinki, and offers Swedish choices for ?tz=Kina', async () => {
    const ctx = await bilingualApp();
    const chosen = await ctx.app.request('/timezone?tz=Helsingfors&return=%2F', { headers: SWEDISH });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('set-cookie')).toContain('hub_tz=Europe%2FHelsinki');

    const china = await ctx.app.request('/?tz=Kina', { headers: SWEDISH });
    expect(china.status).toBe(400);
    const page = parse(await china.text());
    expect(textOf(one(page, '[role="alert"]'))).toBe('”Kina” är inte en enda tidszon. Välj den du menade nedan.');
    expect(texts(page, '.zone-results a .zone-name').slice(0, 2)).toEqual(['Shanghai, Kina', 'Urumqi, Kina']);

    // To an English reader "Helsingfors" is no place the hub knows.
    expect((await ctx.app.request('/timezone?tz=Helsingfors&return=%2F', { headers: ENGLISH })).status).toBe(400);
  });

  it('registers a Swedish reader who types "Norge" in Europe/Oslo, and offers Swedish choices for "Kina"', async () => {
    const ctx = await bilingualApp();
    const before = await tableCounts(ctx.db);
    const refused = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, timezone: 'Kina' }, SWEDISH));
    expect(refused.status).toBe(422);
    const page = parse(await refused.text());
    expect(textOf(one(page, '#reg-timezone-error'))).toMatch(/^Tidszon ”Kina”/);
    expect(texts(page, '.zone-choices .zone-name').slice(0, 2)).toEqual(['Shanghai, Kina', 'Urumqi, Kina']);
    expect(await tableCounts(ctx.db)).toEqual(before);

    const registered = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, timezone: 'Norge' }, SWEDISH));
    expect(registered.status).toBe(303);
    const attendee = await ctx.db.selectFrom('attendee').select(['email', 'zone', 'language']).executeTakeFirstOrThrow();
    expect(attendee).toEqual({ email: VISITOR.email, zone: 'Europe/Oslo', language: 'sv' });
  });

  it('gives the type-ahead its Swedish words on a Swedish page, and none on an English one', async () => {
    const ctx = await bilingualApp();
    const field = async (headers: Record<string, string>) =>
      one(parse(await (await ctx.app.request(`/webinars/${SLUG}`, { headers })).text()), '#reg-timezone').getAttribute('data-zone-words');
    expect(JSON.parse((await field(SWEDISH)) ?? 'null')).toEqual({
      list: 'Tidszoner som matchar',
      now: 'nu',
      none: 'Ingen tidszon matchar.',
      one: 'En tidszon matchar.',
      many: '{count} tidszoner matchar.',
      chosen: 'Vald: {place} ({zone}).',
    });
    expect(await field(ENGLISH)).toBeNull();
    expect(all(parse(await (await ctx.app.request('/timezone', { headers: SWEDISH })).text()), 'input[data-zone-words]').length).toBe(1);
  });
});

describe('the chosen zone’s city in Swedish', () => {
  it('names the city of the chosen zone in the page header in the reader’s language', async () => {
    const ctx = await bilingualApp();
    const chip = async (headers: Record<string, string>) =>
      textOf(one(parse(await (await ctx.app.request('/', { headers: { ...headers, cookie: 'hub_tz=Europe%2FHelsinki' } })).text()), '.zone-chip a'));
    expect(await chip(SWEDISH)).toMatch(/^Helsingfors /);
    expect(await chip(ENGLISH)).toMatch(/^Helsinki /);
  });
});
