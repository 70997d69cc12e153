import { describe, expect, it } from 'vitest';
import { resolveLocalTime } from '../../src/time/index.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { buildTestApp, datetimes } from '../helpers/test-app.js';
import { attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';

/** Moves a demo webinar to a given Stockholm wall time, the way a coordinator would. */
async function scheduleAt(ctx: Awaited<ReturnType<typeof buildTestApp>>, slug: string, local: string) {
  const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  await updateWebinar(ctx.db, ctx.clock, slug, { start: resolved.value });
}

const SLUG = 'partnership-models-new-york';

describe('GET /webinars/:slug in the viewer’s zone', () => {
  const cases: Array<[string, string, string, string]> = [
    // [Stockholm wall time, viewer zone, viewer's start, viewer's end]
    ['2027-03-18T15:00', 'America/New_York', '2027-03-18T10:00:00-04:00', '2027-03-18T11:00:00-04:00'],
    ['2027-03-18T15:00', 'Asia/Shanghai', '2027-03-18T22:00:00+08:00', '2027-03-18T23:00:00+08:00'],
    ['2027-03-18T15:00', 'Europe/Oslo', '2027-03-18T15:00:00+01:00', '2027-03-18T16:00:00+01:00'],
    ['2027-04-15T15:00', 'America/New_York', '2027-04-15T09:00:00-04:00', '2027-04-15T10:00:00-04:00'],
    ['2027-04-15T15:00', 'Asia/Shanghai', '2027-04-15T21:00:00+08:00', '2027-04-15T22:00:00+08:00'],
    ['2027-04-15T15:00', 'Europe/Oslo', '2027-04-15T15:00:00+02:00', '2027-04-15T16:00:00+02:00'],
  ];

  it.each(cases)('15:00 Stockholm on %s shown in %s', async (local, zone, start, end) => {
    const ctx = await buildTestApp();
    await scheduleAt(ctx, SLUG, local);
    const res = await ctx.app.request(`/webinars/${SLUG}?tz=${encodeURIComponent(zone)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const times = datetimes(html);
    // The headline range comes first: start and end in the viewer's zone.
    expect(times.slice(0, 2)).toEqual([start, end]);
    expect(res.headers.get('set-cookie')).toContain(`hub_tz=${encodeURIComponent(zone)}`);
  });

  it('shows the world clock with the viewer, the programme and every speaker’s zone', async () => {
    const ctx = await buildTestApp();
    await scheduleAt(ctx, SLUG, '2027-03-18T15:00');
    const html = await (await ctx.app.request(`/webinars/${SLUG}?tz=Asia/Shanghai`)).text();
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    expect(datetimes(table)).toEqual([
      '2027-03-18T22:00:00+08:00',
      '2027-03-18T23:00:00+08:00',
      '2027-03-18T15:00:00+01:00',
      '2027-03-18T16:00:00+01:00',
      '2027-03-18T10:00:00-04:00',
      '2027-03-18T11:00:00-04:00',
    ]);
    expect(table).toContain('Sarah Goldberg, New York');
    expect(table).toContain('Anna Lindqvist, Gothenburg');
    expect(table).toContain('EDT');
  });

  it('says "You" only for a zone the visitor chose (or their browser reported), never for the default', async () => {
    const ctx = await buildTestApp();
    await scheduleAt(ctx, SLUG, '2027-03-18T15:00');
    const whoColumn = async (init?: RequestInit, query = '') => {
      const res = await ctx.app.request(`/webinars/${SLUG}${query}`, init);
      expect(res.status).toBe(200);
      return texts(parse(await res.text()), '#world-clock + .table-wrap tbody tr td:first-child');
    };
    // A visitor in New York who chose nothing sees Stockholm times: that row is the programme's, not theirs.
    const unknown = await whoColumn();
    expect(unknown.some((who) => who.includes('You'))).toBe(false);
    expect(unknown.some((who) => who.startsWith('Programme (Stockholm)'))).toBe(true);
    // Chosen through the address, or remembered from the choice (the script's report sets the same cookie).
    for (const known of [await whoColumn(undefined, '?tz=America/New_York'), await whoColumn({ headers: { cookie: 'hub_tz=America/New_York' } })]) {
      expect(known.filter((who) => who.startsWith('You'))).toHaveLength(1);
    }
    // Chosen, and the same as the programme's: one row that says both.
    expect((await whoColumn(undefined, '?tz=Europe/Stockholm')).filter((who) => who.includes('You'))).toEqual([
      expect.stringMatching(/You.*Programme \(Stockholm\)/),
    ]);
  });

  it('marks the date when a speaker’s day differs from the viewer’s', async () => {
    const ctx = await buildTestApp();
    await scheduleAt(ctx, 'open-innovation-platforms-china', '2027-03-18T20:00');
    const res = await ctx.app.request('/webinars/open-innovation-platforms-china?tz=America/Los_Angeles');
    const html = await res.text();
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    expect(table).toMatch(
      /<time datetime="2027-03-19T03:00:00\+08:00"><span class="clock-time">03:00 <abbr[^>]*>GMT\+8<\/abbr><\/span><span class="clock-date">Fri 19 Mar 2027<\/span><\/time><span class="day-shift">\+1 day<\/span>/,
    );
    expect(table).toContain('+1 day');
  });

  it('uses the programme zone without a choice, and the remembered zone from the cookie', async () => {
    const ctx = await buildTestApp();
    await scheduleAt(ctx, SLUG, '2027-03-18T15:00');
    const plain = await (await ctx.app.request(`/webinars/${SLUG}`)).text();
    expect(datetimes(plain)[0]).toBe('2027-03-18T15:00:00+01:00');
    const remembered = await (await ctx.app.request(`/webinars/${SLUG}`, { headers: { cookie: 'hub_tz=America/New_York' } })).text();
    expect(datetimes(remembered)[0]).toBe('2027-03-18T10:00:00-04:00');
    const badCookie = await ctx.app.request(`/webinars/${SLUG}`, { headers: { cookie: 'hub_tz=Mars/Olympus' } });
    expect(badCookie.status).toBe(200);
    expect(datetimes(await badCookie.text())[0]).toBe('2027-03-18T15:00:00+01:00');
  });

  it('never shows the join link on the public page', async () => {
    const ctx = await buildTestApp();
    const webinar = await ctx.db.selectFrom('webinar').select(['title', 'join_url', 'speaker_join_url']).where('slug', '=', SLUG).executeTakeFirstOrThrow();
    // The webinar has both links, so their absence below is the page leaving them out.
    expect([webinar.join_url, webinar.speaker_join_url]).toEqual([expect.stringMatching(/^https:\/\/meet\.example\.org\//), expect.any(String)]);
    const res = await ctx.app.request(`/webinars/${SLUG}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = parse(html);
    expect(texts(page, 'h1')).toEqual([webinar.title]);
    expect(attrs(page, 'form', 'action')).toEqual([`/webinars/${SLUG}/register#register`]);
    expect(html).not.toContain('meet.example.org');
  });
});

describe('GET / (the programme)', () => {
  it('lists upcoming webinars first in start order, then past ones most recent first', async () => {
    const ctx = await buildTestApp({ now: '2027-02-01T12:00:00Z' });
    const res = await ctx.app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    const upcoming = html.slice(html.indexOf('id="upcoming"'), html.indexOf('id="past"'));
    const past = html.slice(html.indexOf('id="past"'));
    const order = (section: string) => [...section.matchAll(/href="\/webinars\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(order(upcoming)).toEqual(['pilots-with-startups-norway', 'partnership-models-new-york']);
    expect(order(past)).toEqual(['open-innovation-platforms-china', 'corporate-venture-capital-silicon-valley']);
    expect(html).toContain('Chen Jing (陈静)</a> (China)');
    expect(html).toContain('<html lang="en">');
  });

  it('hides drafts and shows cancelled webinars as cancelled', async () => {
    const ctx = await buildTestApp();
    await updateWebinar(ctx.db, ctx.clock, 'pilots-with-startups-norway', { status: 'draft' });
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'cancelled' });
    const html = await (await ctx.app.request('/')).text();
    expect(html).not.toContain('pilots-with-startups-norway');
    expect(html).toContain('Cancelled');
    expect((await ctx.app.request('/webinars/pilots-with-startups-norway')).status).toBe(404);
  });

  it('shows every time in the chosen zone with that zone’s offset', async () => {
    const ctx = await buildTestApp();
    const html = await (await ctx.app.request('/?tz=Asia/Shanghai')).text();
    const times = datetimes(html);
    expect(times.length).toBeGreaterThanOrEqual(8);
    for (const time of times) expect(time).toMatch(/\+08:00$/);
  });
});

describe('a webinar whose seats are all taken', () => {
  it('offers "Join the waiting list" on its page and marks it full in the series form, and "Register" again once a seat is free', async () => {
    const ctx = await buildTestApp();
    await scheduleAt(ctx, SLUG, '2027-03-18T15:00');
    await updateWebinar(ctx.db, ctx.clock, SLUG, { capacity: 1 });
    const page = async () => parse(await (await ctx.app.request(`/webinars/${SLUG}`)).text());
    const form = (doc: ReturnType<typeof parse>) => one(doc, `form[action^="/webinars/${SLUG}/register"]`);
    expect(texts(form(await page()), 'button[type="submit"]')).toEqual(['Register']);

    const registered = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    expect(registered.status).toBe(201);
    const full = await page();
    const panel = form(full).closest('section')!;
    expect(texts(panel, 'h2')).toEqual(['Join the waiting list']);
    expect(texts(form(full), 'button[type="submit"]')).toEqual(['Join the waiting list']);
    expect(textOf(panel)).toContain('All seats are taken: register to join the waiting list.');

    const home = parse(await (await ctx.app.request('/')).text());
    const choices = texts(one(home, 'form[action^="/register"]'), 'label.check');
    expect(choices.filter((label) => label.includes('full, you join the waiting list'))).toEqual([expect.stringContaining('Partnership models')]);
    expect(choices.length).toBeGreaterThan(1);

    await updateWebinar(ctx.db, ctx.clock, SLUG, { capacity: 2 });
    expect(texts(form(await page()), 'button[type="submit"]')).toEqual(['Register']);
  });
});

describe('GET /areas/:slug', () => {
  it('lists the webinars of one area only', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request('/areas/procurement-and-pilots');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect([...html.matchAll(/href="\/webinars\/([^"]+)"/g)].map((m) => m[1])).toEqual(['pilots-with-startups-norway']);
  });
});

describe('bad input on public pages', () => {
  it('answers an unknown zone with 400 and the picker, with a search and the full list', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/webinars/${SLUG}?tz=Mars/Olympus`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('“Mars/Olympus” is not a place or time zone we know. Search for your city or country below.');
    expect(one(parse(html), 'form[role="search"] input[name="q"]').getAttribute('value')).toBe('Mars/Olympus');
    const picker = one(parse(html), 'form[aria-labelledby="zone-all-heading"]');
    const select = one(picker, 'select[name="tz"]');
    expect(textOf(one(picker, `label[for="${select.getAttribute('id')}"]`))).toBe('Time zone');
    expect(textOf(one(picker, `#${select.getAttribute('aria-describedby')}`))).toBe(
      'Choose the city nearest to you that shares your clock. Summer time is taken care of.',
    );
    expect(one(select, 'optgroup[label="Asia"] option[value="Asia/Shanghai"]').hasAttribute('selected')).toBe(false);
    expect(attrs(select, 'option[selected]', 'value')).toEqual(['Europe/Stockholm']);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it.each(['/webinars/no-such-webinar', '/areas/no-such-area', '/nowhere', '/webinars/%E0%A4%A'])('answers %s with a 404 page', async (path) => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(ctx.logged).toEqual([]);
  });

  it.each([
    '/?tz=',
    '/?tz=%00',
    `/?tz=${'A/'.repeat(500)}`,
    '/?tz=../../etc/passwd',
    '/?tz=CET',
    '/?tz=%2B01:00',
    '/timezone?return=https://evil.example',
    '/timezone?tz=UTC&return=//evil.example',
    '/timezone?tz=Europe/Oslo&return=/%09/evil.example/phish',
    '/timezone?tz=Europe/Oslo&return=/%0A/evil.example',
    '/timezone?return=/%5C/evil.example',
    `/webinars/${'x'.repeat(5000)}`,
  ])('never answers %s with a 500', async (path) => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(path);
    expect(res.status).toBeLessThan(500);
    // A browser strips tabs and newlines from a Location before resolving it: check what it would open.
    const location = res.headers.get('location') ?? '/';
    expect(location).not.toMatch(/[\u0000-\u001f\\]/);
    expect(new URL(location.replace(/[\t\n\r]/g, ''), 'https://hub.example.org').origin).toBe('https://hub.example.org');
    const html = res.status === 200 || res.status === 400 ? await res.text() : '';
    expect(html).not.toContain('evil.example/');
    expect(ctx.logged).toEqual([]);
  });
});

describe('GET /timezone', () => {
  it('remembers the picked zone and returns to the page', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request('/timezone?tz=Europe/Oslo&return=%2Fwebinars%2Fx');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/webinars/x');
    expect(res.headers.get('set-cookie')).toMatch(/^hub_tz=Europe%2FOslo;.*HttpOnly/);
  });
});

describe('GET /healthz', () => {
  it('answers ok when the database answers', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database is gone', async () => {
    const ctx = await buildTestApp();
    await ctx.db.destroy();
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(503);
  });
});
