// Search engines read schema.org Event data from the webinar pages and an EventSeries from the
// programme page: every field is checked against the stored webinar, also after a move, a
// cancellation and when only the waiting list is left.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createTestApiToken } from '../helpers/admin-session.js';
import { all, parse } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
const SCHEMA = 'https://schema.org';

async function setUp() {
  const ctx = await buildTestApp();
  const token = await createTestApiToken(ctx);
  const auth = { authorization: `Bearer ${token}` };
  const patch = (slug: string, body: Record<string, unknown>) => ctx.app.request(`/api/webinars/${slug}`, { ...json(body, auth), method: 'PATCH' });
  return { ...ctx, auth, patch };
}

/** Every JSON-LD block of a page, parsed. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD, checked field by field below
async function structuredData(res: Response): Promise<Array<Record<string, any>>> {
  expect(res.status).toBe(200);
  const scripts = all(parse(await res.text()), 'script[type="application/ld+json"]');
  return scripts.map((script) => JSON.parse(script.textContent ?? ''));
}

async function storedWebinar(ctx: Awaited<ReturnType<typeof setUp>>, slug: string) {
  return ctx.db.selectFrom('webinar').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

describe('a webinar page’s schema.org Event', () => {
  it('matches the stored webinar: times with the programme zone’s offset, online, free, in stock, the page as location', async () => {
    const ctx = await setUp();
    const [event, ...more] = await structuredData(await ctx.app.request(`/webinars/${SLUG}`));
    expect(more).toEqual([]);
    const row = await storedWebinar(ctx, SLUG);
    const start = DateTime.fromISO(row.starts_at_utc, { zone: 'utc' });
    expect(event!['@context']).toBe(SCHEMA);
    expect(event!['@type']).toBe('Event');
    expect(event!.name).toBe(row.title);
    expect(event!.description).toBe(row.abstract);
    expect(event!.url).toBe(`${TEST_BASE_URL}/webinars/${SLUG}`);
    // 18 Feb 2027 is winter time in Stockholm, the programme's zone.
    expect(event!.startDate).toBe('2027-02-18T14:00:00+01:00');
    expect(DateTime.fromISO(event!.startDate).toMillis()).toBe(start.toMillis());
    expect(DateTime.fromISO(event!.endDate).toMillis()).toBe(start.plus({ minutes: row.duration_minutes }).toMillis());
    expect(event!.eventStatus).toBe(`${SCHEMA}/EventScheduled`);
    expect(event!.previousStartDate).toBeUndefined();
    expect(event!.eventAttendanceMode).toBe(`${SCHEMA}/OnlineEventAttendanceMode`);
    expect(event!.location).toEqual({ '@type': 'VirtualLocation', url: `${TEST_BASE_URL}/webinars/${SLUG}` });
    expect(event!.organizer).toEqual({
      '@type': 'Organization',
      name: 'Chalmers University of Technology, Technology Management and Economics',
      url: `${TEST_BASE_URL}/`,
    });
    expect(event!.performer.map((p: { name: string }) => p.name)).toEqual(['Ingrid Haugen', 'Anna Lindqvist']);
    expect(event!.performer[0]).toMatchObject({ '@type': 'Person', url: `${TEST_BASE_URL}/speakers/ingrid-haugen`, worksFor: { name: 'Nordic Energy Group' } });
    expect(event!.isAccessibleForFree).toBe(true);
    expect(event!.offers).toMatchObject({ '@type': 'Offer', price: 0, availability: `${SCHEMA}/InStock`, url: `${TEST_BASE_URL}/webinars/${SLUG}#register` });
  });

  it('never carries the join link', async () => {
    const ctx = await setUp();
    const row = await storedWebinar(ctx, SLUG);
    expect(row.join_url).toBeTruthy();
    const text = JSON.stringify(await structuredData(await ctx.app.request(`/webinars/${SLUG}`)));
    expect(text).not.toContain(row.join_url!);
  });

  it('after a move says EventRescheduled with the start before the move as previousStartDate', async () => {
    const ctx = await setUp();
    const moved = await ctx.patch(SLUG, { start: '2027-02-18T16:30', timezone: 'Europe/Stockholm' });
    expect(moved.status).toBe(200);
    const [event] = await structuredData(await ctx.app.request(`/webinars/${SLUG}`));
    expect(event!.eventStatus).toBe(`${SCHEMA}/EventRescheduled`);
    expect(event!.startDate).toBe('2027-02-18T16:30:00+01:00');
    expect(event!.previousStartDate).toBe('2027-02-18T14:00:00+01:00');

    // Moved again, to another zone's wall time: the previous start is the one just left.
    expect((await ctx.patch(SLUG, { start: '2027-02-18T10:00', timezone: 'America/New_York' })).status).toBe(200);
    const [again] = await structuredData(await ctx.app.request(`/webinars/${SLUG}`));
    expect(again!.startDate).toBe('2027-02-18T16:00:00+01:00');
    expect(again!.previousStartDate).toBe('2027-02-18T16:30:00+01:00');
  });

  it('a title or zone change that keeps the instant is not a move', async () => {
    const ctx = await setUp();
    expect((await ctx.patch(SLUG, { title: 'A new title' })).status).toBe(200);
    expect((await ctx.patch(SLUG, { start: '2027-02-18T08:00', timezone: 'America/New_York' })).status).toBe(200);
    const [event] = await structuredData(await ctx.app.request(`/webinars/${SLUG}`));
    expect(event!.name).toBe('A new title');
    expect(event!.eventStatus).toBe(`${SCHEMA}/EventScheduled`);
    expect(event!.previousStartDate).toBeUndefined();
  });

  it('says EventCancelled and offers nothing once the webinar is cancelled', async () => {
    const ctx = await setUp();
    const cancelled = await ctx.app.request(`/api/webinars/${SLUG}/cancel`, json({}, ctx.auth));
    expect(cancelled.status).toBe(200);
    const [event] = await structuredData(await ctx.app.request(`/webinars/${SLUG}`));
    expect(event!.eventStatus).toBe(`${SCHEMA}/EventCancelled`);
    expect(event!.offers).toBeUndefined();
  });

  it('offers SoldOut when every seat is taken and only the waiting list is left', async () => {
    const ctx = await setUp();
    expect((await ctx.patch(SLUG, { capacity: 1 })).status).toBe(200);
    const registered = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    expect(registered.status).toBe(201);
    const [event] = await structuredData(await ctx.app.request(`/webinars/${SLUG}`));
    expect(event!.offers.availability).toBe(`${SCHEMA}/SoldOut`);
  });

  it('writes text a coordinator typed so that it cannot end the script element', async () => {
    const ctx = await setUp();
    expect((await ctx.patch(SLUG, { title: 'Pilots </script><script>alert(1)</script>' })).status).toBe(200);
    const html = await (await ctx.app.request(`/webinars/${SLUG}`)).text();
    expect(html).not.toContain('</script><script>alert(1)');
    const [event] = all(parse(html), 'script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent ?? ''));
    expect(event.name).toBe('Pilots </script><script>alert(1)</script>');
  });
});

describe('the programme page’s EventSeries', () => {
  it('lists the webinars the page shows, each with its start in the programme’s zone and its status', async () => {
    const ctx = await setUp();
    const [series] = await structuredData(await ctx.app.request('/'));
    expect(series!['@type']).toBe('EventSeries');
    expect(series!.url).toBe(`${TEST_BASE_URL}/`);
    const rows = await ctx.db.selectFrom('webinar').select(['slug', 'starts_at_utc']).where('status', 'in', ['published', 'cancelled']).execute();
    expect(series!.subEvent.map((e: { url: string }) => e.url).sort()).toEqual(rows.map((r) => `${TEST_BASE_URL}/webinars/${r.slug}`).sort());
    for (const event of series!.subEvent) {
      const row = rows.find((r) => `${TEST_BASE_URL}/webinars/${r.slug}` === event.url)!;
      expect(DateTime.fromISO(event.startDate).toMillis()).toBe(DateTime.fromISO(row.starts_at_utc).toMillis());
      expect(event.startDate).toMatch(/\+01:00$/);
      expect(event.eventStatus).toBe(`${SCHEMA}/EventScheduled`);
    }
  });

  it('announces the recordings feed to readers and crawlers', async () => {
    const ctx = await setUp();
    for (const path of ['/', '/recordings']) {
      const links = all(parse(await (await ctx.app.request(path)).text()), 'link[rel="alternate"]');
      expect(links.map((l) => [l.getAttribute('type'), l.getAttribute('href')])).toEqual([['application/atom+xml', '/recordings.atom']]);
    }
  });
});
