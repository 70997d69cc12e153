import { describe, expect, it } from 'vitest';
import { all, attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { buildTestApp } from '../helpers/test-app.js';

// The test clock: 2027-02-01T12:00Z, winter in the north, so Shanghai is at 20:00 (+08:00).
const SLUG = 'pilots-with-startups-norway';

describe('GET /timezone without JavaScript', () => {
  it('lists the zones matching ?q=Beijing as links that set the zone and go back', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/timezone?q=Beijing&return=${encodeURIComponent(`/webinars/${SLUG}`)}`);
    expect(res.status).toBe(200);
    const page = parse(await res.text());
    expect(textOf(one(page, '#zone-results-heading'))).toBe('One time zone matches “Beijing”');
    const [link] = all(page, '.zone-results a');
    expect(link?.getAttribute('href')).toBe(`/timezone?tz=Asia%2FShanghai&return=${encodeURIComponent(`/webinars/${SLUG}`)}`);
    expect(textOf(link!)).toBe('Beijing: Shanghai, China Asia/Shanghai · UTC+08:00 · now 20:00');
    expect(one(link!, 'time').getAttribute('datetime')).toBe('2027-02-01T20:00:00+08:00');
    expect(one(page, 'input[name="q"]').getAttribute('value')).toBe('Beijing');

    const chosen = await ctx.app.request(link!.getAttribute('href')!);
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe(`/webinars/${SLUG}`);
    expect(chosen.headers.get('set-cookie')).toContain('hub_tz=Asia%2FShanghai');
  });

  it('lists the places at +08:00 for GMT+8 and UTC+8, best known first, and says when nothing matches', async () => {
    const ctx = await buildTestApp();
    for (const q of ['GMT+8', 'UTC+8']) {
      const page = parse(await (await ctx.app.request(`/timezone?q=${encodeURIComponent(q)}`)).text());
      const lines = texts(page, '.zone-results a');
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.every((line) => line.includes('UTC+08:00'))).toBe(true);
      expect(attrs(page, '.zone-results a', 'href').slice(0, 2)).toEqual([
        '/timezone?tz=Asia%2FShanghai&return=%2F',
        '/timezone?tz=Asia%2FSingapore&return=%2F',
      ]);
    }
    const none = await ctx.app.request('/timezone?q=xyzzy');
    expect(none.status).toBe(200);
    const page = parse(await none.text());
    expect(textOf(one(page, '#zone-results-heading'))).toBe('No time zone matches “xyzzy”');
    expect(all(page, '.zone-results a')).toEqual([]);
  });

  it('offers the zones of this programme before anything is searched, and the full list with offsets', async () => {
    const ctx = await buildTestApp();
    const page = parse(await (await ctx.app.request('/timezone')).text());
    const useful = texts(page, '.zone-results a');
    expect(useful[0]).toMatch(/^Stockholm, Sweden Europe\/Stockholm · UTC\+01:00 · now 13:00 Programme, Anna Lindqvist$/);
    // The demo's speaker in Shanghai (Chen Jing) and one in Los Angeles.
    expect(useful.some((line) => line.startsWith('Shanghai, China Asia/Shanghai · UTC+08:00 · now 20:00') && line.includes('Chen Jing'))).toBe(true);
    expect(useful.some((line) => line.includes('America/Los_Angeles · UTC-08:00'))).toBe(true);
    const select = one(page, 'form[aria-labelledby="zone-all-heading"] select[name="tz"]');
    expect(all(select, 'option').length).toBeGreaterThan(400);
    expect(textOf(one(select, 'optgroup[label="Asia"] option[value="Asia/Kolkata"]'))).toBe('Kolkata, India · UTC+05:30');
  });
});

describe('?tz= with a place name or an offset', () => {
  it('takes ?tz=Beijing as Asia/Shanghai and remembers the IANA name', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/webinars/${SLUG}?tz=Beijing`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('hub_tz=Asia%2FShanghai');
    const page = parse(await res.text());
    expect(one(page, '.lead.when time').getAttribute('datetime')).toMatch(/\+08:00$/);
    expect(textOf(one(page, '.zone-chip'))).toBe('Times in Shanghai (Asia/Shanghai), change time zone');
  });

  it('answers ?tz=GMT+8 with 400 and the places at +08:00 to choose from, remembering nothing', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/webinars/${SLUG}?tz=GMT%2B8`);
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    const page = parse(await res.text());
    expect(textOf(one(page, '[role="alert"]'))).toBe('“GMT+8” is not one time zone. Choose the one you meant below.');
    expect(attrs(page, '.zone-results a', 'href')[0]).toBe(`/timezone?tz=Asia%2FShanghai&return=${encodeURIComponent(`/webinars/${SLUG}`)}`);
  });
});

describe('GET /timezone/search', () => {
  it('answers the type-ahead with the matches as JSON, cacheable for a minute', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request('/timezone/search?q=bei');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await res.json()) as { query: string; matches: Array<Record<string, unknown>> };
    expect(body.query).toBe('bei');
    expect(body.matches[0]).toEqual({
      zone: 'Asia/Shanghai',
      label: 'Shanghai, China',
      matched: 'Beijing',
      offsetMinutes: 480,
      offset: 'UTC+08:00',
      time: '20:00',
      date: 'Mon 1 Feb',
      datetime: '2027-02-01T20:00:00+08:00',
    });
    expect(body.matches.length).toBeLessThanOrEqual(10);
  });

  it.each(['', '%00', 'x'.repeat(5000), '%F0%9F%92%A9', 'GMT%2B99'])('answers q=%s without an error', async (q) => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/timezone/search?q=${q}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { matches: unknown[] };
    expect(Array.isArray(body.matches)).toBe(true);
    expect(ctx.logged).toEqual([]);
  });
});
