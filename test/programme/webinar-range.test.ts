// A webinar starts between 2000-01-01 and 2100-12-31 (local date in its zone): on creation and on
// every reschedule, through the API and the workspace form; anything else is refused and nothing stored.
import { describe, expect, it } from 'vitest';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { json } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp, tableCounts } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';

async function setUp() {
  const ctx = await buildTestApp();
  const token = await createTestApiToken(ctx);
  const auth = { authorization: `Bearer ${token}` };
  const create = (start: string, timezone = 'Europe/Stockholm') =>
    ctx.app.request('/api/webinars', json({ title: 'Range check', start, timezone, durationMinutes: 60, status: 'published' }, auth));
  const patch = (slug: string, body: Record<string, unknown>) => ctx.app.request(`/api/webinars/${slug}`, { ...json(body, auth), method: 'PATCH' });
  const stored = async (slug: string) =>
    ctx.db.selectFrom('webinar').select(['start_local', 'start_zone', 'sequence']).where('slug', '=', slug).executeTakeFirstOrThrow();
  return { ...ctx, auth, create, patch, stored };
}

describe('the range of a webinar’s start', () => {
  it.each([
    ['0000-01-01T00:00', '0000-01-01'],
    ['1900-06-01T12:00', '1900-06-01'],
    ['1999-12-31T23:59', '1999-12-31'],
    ['2101-01-01T00:00', '2101-01-01'],
    ['9999-12-31T10:00', '9999-12-31'],
  ])('refuses to create a webinar starting %s, with a field message and nothing stored', async (start, date) => {
    const ctx = await setUp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.create(start);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: expect.any(String),
      fields: { start: `The start must be a date from 2000-01-01 to 2100-12-31; ${date} is outside that range.` },
    });
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('accepts the first and the last minute of the range, in zones on both sides of UTC', async () => {
    const ctx = await setUp();
    const first = await ctx.create('2000-01-01T00:00', 'Pacific/Kiritimati');
    expect(first.status).toBe(201);
    expect(((await first.json()) as { startsAtUtc: string }).startsAtUtc).toBe('1999-12-31T10:00:00Z');
    const last = await ctx.create('2100-12-31T23:59', 'Pacific/Pago_Pago');
    expect(last.status).toBe(201);
    expect(((await last.json()) as { startsAtUtc: string }).startsAtUtc).toBe('2101-01-01T10:59:00Z');
    // Both are in the public feed with ordinary four-digit UTC dates.
    const feed = parseCalendar(await (await ctx.app.request('/calendar.ics')).text());
    const starts = feed.events.filter((e) => e.summary === 'Range check').map((e) => e.start);
    expect(starts).toEqual(['1999-12-31T10:00:00.000Z', '2101-01-01T10:59:00.000Z']);
  });

  it('refuses an API reschedule out of the range and leaves the webinar, its sequence and the outbox as they were', async () => {
    const ctx = await setUp();
    const before = await ctx.stored(SLUG);
    const counts = await tableCounts(ctx.db);
    for (const start of ['0000-01-01T00:00', '2101-03-01T15:00']) {
      const res = await ctx.patch(SLUG, { start, timezone: 'Asia/Shanghai' });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { fields: Record<string, string> }).fields).toEqual({
        start: `The start must be a date from 2000-01-01 to 2100-12-31; ${start.slice(0, 10)} is outside that range.`,
      });
    }
    expect(await ctx.stored(SLUG)).toEqual(before);
    expect(await tableCounts(ctx.db)).toEqual(counts);
    // A reschedule inside the range still goes through.
    const moved = await ctx.patch(SLUG, { start: '2027-05-05T09:00', timezone: 'Asia/Shanghai' });
    expect(moved.status).toBe(200);
    expect(await ctx.stored(SLUG)).toEqual({ start_local: '2027-05-05T09:00', start_zone: 'Asia/Shanghai', sequence: before.sequence + 1 });
  });

  it('refuses the workspace form’s reschedule out of the range with the message next to the field', async () => {
    const ctx = await setUp();
    const session = await signInAsCoordinator(ctx);
    const before = await ctx.stored(SLUG);
    const counts = await tableCounts(ctx.db);
    const res = await ctx.app.request(
      `/admin/webinars/${SLUG}`,
      session.form({ title: 'Pilots with startups', start: '1900-01-01T10:00', timezone: 'Europe/Oslo' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('The start must be a date from 2000-01-01 to 2100-12-31; 1900-01-01 is outside that range.');
    expect(html).toContain('value="1900-01-01T10:00"');
    expect(await ctx.stored(SLUG)).toEqual(before);
    expect(await tableCounts(ctx.db)).toEqual(counts);
  });

  it('refuses a new webinar out of the range in the workspace form', async () => {
    const ctx = await setUp();
    const session = await signInAsCoordinator(ctx);
    const counts = await tableCounts(ctx.db);
    const res = await ctx.app.request(
      '/admin/webinars',
      session.form({ title: 'Far future', start: '9999-12-31T10:00', timezone: 'Europe/Stockholm', durationMinutes: '60', status: 'draft' }),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('The start must be a date from 2000-01-01 to 2100-12-31; 9999-12-31 is outside that range.');
    expect(await tableCounts(ctx.db)).toEqual(counts);
  });

  it('keeps the other limits: duration, capacity and the minutes before', async () => {
    const ctx = await setUp();
    const res = await ctx.app.request(
      '/api/webinars',
      json(
        {
          title: 'Limits',
          start: '2027-05-05T09:00',
          timezone: 'Europe/Stockholm',
          durationMinutes: 4,
          capacity: 0,
          techCheckMinutes: 241,
          registrationClosesMinutesBefore: -1,
        },
        ctx.auth,
      ),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { fields: Record<string, string> }).fields).toEqual({
      durationMinutes: 'Duration (minutes) must be between 5 and 1440.',
      capacity: 'Capacity must be between 1 and 100000.',
      techCheckMinutes: 'Technical check (minutes before) must be between 0 and 240.',
      registrationClosesMinutesBefore: 'Registration closes (minutes before) must be between 0 and 86400.',
    });
  });
});
