// Personal feeds are kept between polls (src/http/private-feed-cache.ts): each person gets only their
// own, and every change shows in the very next response, with or without a matching validator.
import { describe, expect, it } from 'vitest';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';
const BO = { ...VISITOR, name: 'Bo Berg', email: 'bo.berg@example.se', timezone: 'Europe/Stockholm' };

async function register(ctx: Ctx, person: Record<string, string>, slug = SLUG): Promise<string> {
  const res = await ctx.app.request(`/api/webinars/${slug}/registrations`, json(person));
  expect(res.status).toBe(201);
  return ((await res.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
}

async function feed(ctx: Ctx, token: string, etag?: string) {
  const res = await ctx.app.request(`/my/${token}/calendar.ics`, etag ? { headers: { 'if-none-match': etag } } : undefined);
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), cacheControl: res.headers.get('cache-control'), text };
}

describe('the personal feed kept between polls', () => {
  it('answers each attendee with their own feed, however often and in whatever order they ask', async () => {
    const ctx = await buildTestApp();
    const wang = await register(ctx, VISITOR);
    const bo = await register(ctx, BO, OTHER);
    for (let round = 0; round < 3; round++) {
      for (const [token, name, zone, summary] of [
        [wang, 'Wang Fang', 'Asia/Shanghai', 'From pilot to contract'],
        [bo, 'Bo Berg', 'Europe/Stockholm', 'Partnership models'],
      ] as const) {
        const answer = await feed(ctx, token);
        expect([answer.status, answer.cacheControl]).toEqual([200, 'private, no-cache']);
        expect(answer.text).toContain(`X-WR-CALDESC:Your registrations, ${name}`);
        expect(answer.text).toContain(`X-WR-TIMEZONE:${zone}`);
        const events = parseCalendar(answer.text).events;
        expect(events).toHaveLength(1);
        expect(events[0]!.summary).toContain(summary);
      }
    }
    const [wangAgain, boAgain] = [await feed(ctx, wang), await feed(ctx, bo)];
    expect(wangAgain.etag).not.toBe(boAgain.etag);
    // Bo's validator does not make Wang's feed a 304.
    expect((await feed(ctx, wang, boAgain.etag!)).status).toBe(200);
  });

  it('shows a change in the very next answer: the webinar, a new registration, the zone, with or without the old validator', async () => {
    const ctx = await buildTestApp();
    const token = await register(ctx, VISITOR);
    const first = await feed(ctx, token);
    expect((await feed(ctx, token, first.etag!)).status).toBe(304);

    await updateWebinar(ctx.db, ctx.clock, SLUG, { title: 'Renamed: how Norwegian industry buys' });
    const renamed = await feed(ctx, token, first.etag!);
    expect(renamed.status).toBe(200);
    expect(parseCalendar(renamed.text).events[0]!.summary).toBe('Renamed: how Norwegian industry buys');

    // Registering for a second webinar from the personal page (the owner acting).
    const added = await ctx.app.request(`/my/${token}/register/${OTHER}`, form({}));
    expect(added.status).toBe(303);
    const two = await feed(ctx, token, renamed.etag!);
    expect(two.status).toBe(200);
    expect(parseCalendar(two.text).events).toHaveLength(2);

    const moved = await ctx.app.request(`/my/${token}/zone`, form({ timezone: 'America/New_York' }));
    expect(moved.status).toBe(303);
    const zoned = await feed(ctx, token, two.etag!);
    expect(zoned.status).toBe(200);
    expect(zoned.text).toContain('X-WR-TIMEZONE:America/New_York');
  });

  it('stops answering the old link at once when the link is replaced, and answers the new one', async () => {
    const ctx = await buildTestApp();
    const token = await register(ctx, VISITOR);
    const before = await feed(ctx, token);
    expect(before.status).toBe(200);
    expect((await ctx.app.request(`/my/${token}/reset-link`, form({ confirm: 'yes' }))).status).toBe(303);
    const old = await feed(ctx, token, before.etag!);
    expect(old.status).toBe(404);
    expect(old.text).not.toContain('Wang Fang');
    const row = await ctx.db.selectFrom('attendee').select('token').where('email', '=', VISITOR.email).executeTakeFirstOrThrow();
    const fresh = await feed(ctx, row.token);
    expect(fresh.status).toBe(200);
    expect(fresh.text).toContain('Your registrations, Wang Fang');
  });
});
