// Public feeds and pages come from memory, but never stale: every change, however it is made,
// shows in the very next response; time passing shows too; and each visitor gets their own zone,
// each attendee their own page.
import { describe, expect, it } from 'vitest';
import { json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { attrs, one, parse, textOf } from '../helpers/dom.js';
import { buildTestApp, datetimes } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function rename(ctx: Ctx, title: string) {
  // Straight in the database, as a script or another process would: no application code runs.
  await ctx.db.updateTable('webinar').set({ title }).where('slug', '=', SLUG).execute();
}

async function page(ctx: Ctx, path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  return { status: res.status, body: await res.text() };
}

describe('the public feed cache', () => {
  it('serves the change in the very next response, with and without the old validator', async () => {
    const ctx = await buildTestApp();
    const first = await ctx.app.request('/calendar.ics');
    const etag = first.headers.get('etag')!;
    expect((await ctx.app.request('/calendar.ics', { headers: { 'if-none-match': etag } })).status).toBe(304);

    await rename(ctx, 'Pilots, renamed');

    const revalidated = await ctx.app.request('/calendar.ics', { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('etag')).not.toBe(etag);
    expect(parseCalendar(await revalidated.text()).events.map((e) => e.summary)).toContain('Pilots, renamed');
    const plain = await ctx.app.request('/calendar.ics');
    expect(plain.headers.get('etag')).toBe(revalidated.headers.get('etag'));
    expect((await page(ctx, '/areas/procurement-and-pilots/calendar.ics')).body).toContain('SUMMARY:Pilots\\, renamed');
    expect((await page(ctx, `/webinars/${SLUG}/calendar.ics`)).body).toContain('SUMMARY:Pilots\\, renamed');
  });

  it('shows in the next feed a change to what a webinar’s event is made of: speaker, area, materials, organiser', async () => {
    // Webinars and their events are kept while their rows read the same (programme/known-webinars.ts,
    // calendar.service.ts): each change here is made in the database alone, as another process would.
    const ctx = await buildTestApp();
    const event = async () => parseCalendar((await page(ctx, '/calendar.ics')).body).events.find((e) => e.url?.endsWith(`/webinars/${SLUG}`))!;
    const before = await event();
    expect(before.description).toContain('Ingrid Haugen');

    await ctx.db.updateTable('speaker').set({ organisation: 'Fjord Ventures' }).where('slug', '=', 'ingrid-haugen').execute();
    expect((await event()).description).toContain('Fjord Ventures');

    await ctx.db.updateTable('knowledge_area').set({ name: 'Pilots and procurement' }).where('slug', '=', 'procurement-and-pilots').execute();
    expect((await event()).categories).toEqual(['Pilots and procurement']);

    const webinar = await ctx.db.selectFrom('webinar').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    const at = '2026-11-30T10:00:00Z';
    await ctx.db
      .insertInto('material')
      .values({
        webinar_id: webinar.id,
        kind: 'link',
        title: 'Reading list',
        url: 'https://example.org/reading',
        file_name: null,
        original_name: null,
        content_type: null,
        size_bytes: null,
        visibility: 'public',
        position: 9,
        created_at: at,
        updated_at: at,
      })
      .execute();
    expect((await event()).description).toContain('https://example.org/reading');

    await ctx.db.updateTable('programme').set({ organiser_email: 'office@example.org' }).execute();
    expect((await event()).organizer).toBe('mailto:office@example.org');
  });

  it('answers a repeated request with the same bytes and validators', async () => {
    const ctx = await buildTestApp();
    const [a, b] = [await ctx.app.request('/calendar.ics'), await ctx.app.request('/calendar.ics')];
    expect([b.headers.get('etag'), b.headers.get('last-modified'), await b.text()]).toEqual([
      a.headers.get('etag'),
      a.headers.get('last-modified'),
      await a.text(),
    ]);
  });
});

describe('the public page cache', () => {
  it('shows a change to the programme, a webinar or its seats in the next page', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 10 }).where('slug', '=', SLUG).execute();
    expect((await page(ctx, '/')).body).toContain('From pilot to contract');
    expect((await page(ctx, `/webinars/${SLUG}`)).body).toContain('10 of 10 seats left');

    await rename(ctx, 'Pilots, renamed');
    expect((await page(ctx, '/')).body).toContain('Pilots, renamed');
    expect((await page(ctx, '/areas/procurement-and-pilots')).body).toContain('Pilots, renamed');
    expect((await page(ctx, '/speakers/ingrid-haugen')).body).toContain('Pilots, renamed');

    expect((await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR))).status).toBe(201);
    expect((await page(ctx, `/webinars/${SLUG}`)).body).toContain('9 of 10 seats left');

    await ctx.db.updateTable('programme').set({ title: 'A renamed series' }).execute();
    expect((await page(ctx, `/webinars/${SLUG}`)).body).toContain('A renamed series');
  });

  it('shows what time changes by itself: registration closing, a webinar going live and then into the past', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ registration_closes_minutes_before: 60 }).where('slug', '=', SLUG).execute();
    const { starts_at_utc: start } = await ctx.db.selectFrom('webinar').select('starts_at_utc').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    const at = (offsetMinutes: number) => ctx.clock.set(new Date(Date.parse(start) + offsetMinutes * 60_000).toISOString());

    at(-61);
    expect(attrs(parse((await page(ctx, `/webinars/${SLUG}`)).body), 'form', 'action')).toEqual([`/webinars/${SLUG}/register#register`]);
    at(-59);
    expect((await page(ctx, `/webinars/${SLUG}`)).body).toContain(
      'Registration for “From pilot to contract: how Norwegian industry buys from startups” closed 1 h before the start.',
    );
    at(1);
    const live = parse((await page(ctx, `/webinars/${SLUG}`)).body);
    expect([textOf(one(live, 'main')).includes('Live now'), attrs(live, 'form', 'action')]).toEqual([true, []]);
    expect((await page(ctx, '/')).body).toContain('Live now');
    at(90);
    const programme = parse((await page(ctx, '/')).body);
    expect(textOf(one(programme, 'main')).includes('Live now')).toBe(false);
    const section = (id: string) => textOf(one(programme, `section[aria-labelledby="${id}"]`));
    expect([section('upcoming').includes('From pilot to contract'), section('past').includes('From pilot to contract')]).toEqual([false, true]);
  });

  it('gives every visitor the zone they chose, never another visitor’s', async () => {
    const ctx = await buildTestApp();
    const shanghai = await page(ctx, `/webinars/${SLUG}`, { cookie: 'hub_tz=Asia/Shanghai' });
    const newYork = await page(ctx, `/webinars/${SLUG}`, { cookie: 'hub_tz=America/New_York' });
    const programmeZone = await page(ctx, `/webinars/${SLUG}`);
    const viaQuery = await ctx.app.request(`/webinars/${SLUG}?tz=Asia/Shanghai`);

    // The start is shown in the visitor's zone, and no page shows another visitor's.
    const offsets = (body: string) => datetimes(body).map((datetime) => datetime.slice(-6));
    expect(offsets(shanghai.body)[0]).toBe('+08:00');
    expect(offsets(newYork.body)[0]).toMatch(/^-0[45]:00$/);
    expect([offsets(newYork.body), offsets(programmeZone.body)].flat()).not.toContain('+08:00');
    expect(viaQuery.headers.get('set-cookie')).toContain('hub_tz=Asia%2FShanghai');
    expect(await viaQuery.text()).toBe(shanghai.body);
  });

  it('never serves one attendee’s page or feed to another', async () => {
    const ctx = await buildTestApp();
    const links = [];
    for (const [name, email] of [
      ['Ada Lovelace', 'ada@example.org'],
      ['Grace Hopper', 'grace@example.org'],
    ]) {
      const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, name, email }));
      links.push(new URL(((await res.json()) as { personalUrl: string }).personalUrl).pathname);
    }
    for (let round = 0; round < 2; round++) {
      const [ada, grace] = (await Promise.all(links.map((link) => page(ctx, link)))) as [Awaited<ReturnType<typeof page>>, Awaited<ReturnType<typeof page>>];
      expect([ada.body.includes('Ada Lovelace'), ada.body.includes('Grace Hopper')]).toEqual([true, false]);
      expect([grace.body.includes('Grace Hopper'), grace.body.includes('Ada Lovelace')]).toEqual([true, false]);
      const [adaFeed, graceFeed] = (await Promise.all(links.map((link) => page(ctx, `${link}/calendar.ics`)))) as [
        Awaited<ReturnType<typeof page>>,
        Awaited<ReturnType<typeof page>>,
      ];
      expect(adaFeed.body).toContain('Ada Lovelace');
      expect(graceFeed.body).toContain('Grace Hopper');
    }
  });

  it('does not keep error pages: a webinar published after a 404 is there at once', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ status: 'draft' }).where('slug', '=', SLUG).execute();
    expect((await page(ctx, `/webinars/${SLUG}`)).status).toBe(404);
    await ctx.db.updateTable('webinar').set({ status: 'published' }).where('slug', '=', SLUG).execute();
    expect((await page(ctx, `/webinars/${SLUG}`)).status).toBe(200);
  });
});

describe('a page answered from the cache', () => {
  const headersOf = (res: Response) => [...res.headers].filter(([name]) => name !== 'set-cookie').sort();
  const cases: Array<{ name: string; languages?: Array<'en' | 'sv'>; path: string; headers?: Record<string, string> }> = [
    { name: 'in English', path: '/' },
    { name: 'in Swedish', path: `/webinars/${SLUG}`, headers: { 'accept-language': 'sv-SE,sv;q=0.9' } },
    { name: 'in another zone', path: '/?tz=Asia/Shanghai' },
    { name: 'in a language chosen with ?lang=', path: '/?lang=sv' },
    { name: 'with both chosen at once', path: '/?tz=Asia/Tokyo&lang=sv' },
    { name: 'with the zone choice undone by an empty ?tz=', path: '/?tz=' },
    { name: 'on an English-only hub', path: '/', languages: ['en'] },
  ];
  for (const { name, languages, path, headers } of cases) {
    it(`has exactly the headers of the page as first rendered, ${name}`, async () => {
      const ctx = await buildTestApp({ languages });
      const rendered = await ctx.app.request(path, { headers });
      const cached = await ctx.app.request(path, { headers });
      expect(await cached.text()).toBe(await rendered.text());
      expect(headersOf(cached)).toEqual(headersOf(rendered));
      expect(cached.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(cached.headers.get('strict-transport-security')).toContain('max-age=');
      expect(cached.headers.getSetCookie()).toEqual(rendered.headers.getSetCookie());
    });
  }
});
