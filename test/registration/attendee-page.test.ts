import { describe, expect, it } from 'vitest';
import { enqueueDueReminders } from '../../src/registration/reminders.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { TEST_BASE_URL, buildTestApp, tableCounts } from '../helpers/test-app.js';
import { all, attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';

async function registerVisitor(ctx: Ctx, slug = SLUG, overrides: Record<string, string> = {}): Promise<string> {
  const res = await ctx.app.request(`/api/webinars/${slug}/registrations`, json({ ...VISITOR, ...overrides }));
  const body = (await res.json()) as { personalUrl?: string };
  return body.personalUrl?.split('/').pop() ?? '';
}

async function schedule(ctx: Ctx, slug: string, local: string) {
  const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  await updateWebinar(ctx.db, ctx.clock, slug, { start: resolved.value });
}

describe('/my/:token', () => {
  it('answers an unknown, malformed or empty token with 404 and no data', async () => {
    const ctx = await buildTestApp();
    await registerVisitor(ctx);
    for (const token of ['A'.repeat(43), 'short', '%00', "' OR 1=1 --", 'A'.repeat(5000)]) {
      const res = await ctx.app.request(`/my/${token}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Wang Fang');
    }
    expect((await ctx.app.request(`/my/${'A'.repeat(43)}/calendar.ics`)).status).toBe(404);
  });

  it('is not indexed and not sent as a referrer', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    const html = await (await ctx.app.request(`/my/${token}`)).text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
  });

  it('replaces the secret link: the old one stops working at once and the new one is emailed', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    const res = await ctx.app.request(`/my/${token}/reset-link`, form({ confirm: 'yes' }));
    expect(res.status).toBe(303);
    const fresh = /^\/my\/([A-Za-z0-9_-]{43})\?done=link$/.exec(res.headers.get('location') ?? '')![1]!;
    expect(fresh).not.toBe(token);
    expect((await ctx.app.request(`/my/${token}`)).status).toBe(404);
    expect((await ctx.app.request(`/my/${fresh}`)).status).toBe(200);
    const email = await ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'personal-link').executeTakeFirstOrThrow();
    expect(email.text_body).toContain(`${TEST_BASE_URL}/my/${fresh}`);
    expect(email.text_body).not.toContain(token);
  });

  it('changes the attendee’s zone, and refuses an unknown one without changing anything, keeping what was typed', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-03-18T15:00');
    const token = await registerVisitor(ctx);
    const bad = await ctx.app.request(`/my/${token}/zone`, form({ timezone: 'Mars/Olympus' }));
    expect(bad.status).toBe(422);
    const refused = parse(await bad.text());
    const message =
      'Time zone “Mars/Olympus” is not a place or time zone we know. Type a city or country, such as Beijing, Oslo or New York, or an IANA name such as Europe/Stockholm.';
    expect(textOf(one(refused, '#zone-timezone-error'))).toBe(message);
    const field = one(refused, 'input[name="timezone"]');
    expect(field.getAttribute('id')).toBe('zone-timezone');
    expect(field.getAttribute('value'), 'what was typed, to correct').toBe('Mars/Olympus');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('zone-timezone-hint zone-timezone-error');
    expect(field.getAttribute('data-zone-picker')).toBe('true');
    expect(textOf(one(refused, 'label[for="zone-timezone"]'))).toBe('Time zone');
    expect(await ctx.db.selectFrom('attendee').select('zone').execute(), 'nothing stored').toEqual([{ zone: 'Asia/Shanghai' }]);
    const good = await ctx.app.request(`/my/${token}/zone`, form({ timezone: 'america/los_angeles' }));
    expect(good.status).toBe(303);
    const html = await (await ctx.app.request(good.headers.get('location')!)).text();
    expect(html).toContain('Times are now shown for America/Los_Angeles.');
    expect(html).toContain('<time datetime="2027-03-18T07:00:00-07:00">');
  });

  it('registers for another webinar with one click', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    const html = await (await ctx.app.request(`/my/${token}`)).text();
    expect(html).toContain(`action="/my/${token}/register/${OTHER}"`);
    const res = await ctx.app.request(`/my/${token}/register/${OTHER}`, form({}));
    expect(res.status).toBe(303);
    expect((await ctx.db.selectFrom('registration').select('status').execute()).length).toBe(2);
  });

  it('deletes all the attendee’s data and gives their seat to the waiting list', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', SLUG).execute();
    const token = await registerVisitor(ctx);
    await registerVisitor(ctx, SLUG, { email: 'next@example.org' });
    // The page's button leads to the step that asks first; a POST without confirm=yes shows that step.
    const ask = one(parse(await (await ctx.app.request(`/my/${token}`)).text()), `form[action="/my/${token}/remove"]`);
    expect([ask.getAttribute('method'), textOf(one(ask, 'button'))]).toEqual(['get', 'Delete my data']);
    const unconfirmed = await ctx.app.request(`/my/${token}/delete`, form({}));
    expect(unconfirmed.status).toBe(200);
    const step = parse(await unconfirmed.text());
    expect(textOf(one(step, 'h1'))).toBe('Remove wang.fang@example.cn and everything about it?');
    expect(attrs(step, `form[action="/my/${token}/delete"] input[type="hidden"]`, 'value')).toEqual(['yes']);
    expect(await ctx.db.selectFrom('attendee').select('id').execute()).toHaveLength(2);
    const res = await ctx.app.request(`/my/${token}/delete`, form({ confirm: 'yes' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Your data has been deleted');
    expect(await ctx.db.selectFrom('attendee').select('email').execute()).toEqual([{ email: 'next@example.org' }]);
    expect(await ctx.db.selectFrom('registration').select('status').execute()).toEqual([{ status: 'confirmed' }]);
    expect(await ctx.db.selectFrom('outbox').select('to_address').where('to_address', '=', 'wang.fang@example.cn').execute()).toEqual([]);
    expect((await ctx.app.request(`/my/${token}`)).status).toBe(404);
  });

  it('lists a cancelled registration once, in its place, with "Register again", which takes the seat back', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    const seat = await ctx.db.selectFrom('registration').select('id').executeTakeFirstOrThrow();
    expect((await ctx.app.request(`/my/${token}/registrations/${seat.id}/cancel`, form({ confirm: 'yes' }))).status).toBe(303);

    const page = parse(await (await ctx.app.request(`/my/${token}`)).text());
    const titles = all(page, '.card h3 a').map((a) => a.getAttribute('href'));
    expect(titles.filter((href) => href === `/webinars/${SLUG}`)).toHaveLength(1);
    const card = one(page, `.card:has(a[href="/webinars/${SLUG}"])`);
    expect(textOf(card)).toContain('Cancelled by you');
    const again = one(card, 'form');
    expect([again.getAttribute('action'), textOf(one(again, 'button'))]).toEqual([`/my/${token}/register/${SLUG}`, 'Register again']);

    expect((await ctx.app.request(`/my/${token}/register/${SLUG}`, form({}))).status).toBe(303);
    expect(await ctx.db.selectFrom('registration').select('status').execute()).toEqual([{ status: 'confirmed' }]);
    const after = parse(await (await ctx.app.request(`/my/${token}`)).text());
    expect(texts(one(after, `.card:has(a[href="/webinars/${SLUG}"])`), 'button')).toEqual(['Cancel my seat']);
  });

  it('refuses to cancel a registration of someone else', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    await registerVisitor(ctx, SLUG, { email: 'other@example.org' });
    const others = await ctx.db.selectFrom('registration').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const before = await tableCounts(ctx.db);
    for (const id of [String(others.id), 'abc', '-1', '99999999999999999999']) {
      const res = await ctx.app.request(`/my/${token}/registrations/${id}/cancel`, form({ confirm: 'yes' }));
      expect(res.status).toBe(404);
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
  });
});

describe('/my/:token/calendar.ics', () => {
  it('holds confirmed webinars with the join link and a reminder, and waiting-list places as tentative', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', OTHER).execute();
    await registerVisitor(ctx, OTHER, { email: 'first@example.org' });
    const token = await registerVisitor(ctx);
    await ctx.app.request(`/my/${token}/register/${OTHER}`, form({}));
    const res = await ctx.app.request(`/my/${token}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const calendar = parseCalendar(await res.text());
    const byUrl = Object.fromEntries(calendar.events.map((e) => [e.url!.split('/').pop(), e]));
    expect(byUrl[SLUG]).toMatchObject({ status: 'CONFIRMED', location: 'https://meet.example.org/pilots-with-startups-norway', alarms: 1 });
    expect(byUrl[OTHER]).toMatchObject({ status: 'TENTATIVE', location: null, alarms: 0 });
    expect(byUrl[OTHER]!.summary).toBe('Waiting list: Partnership models: an innovation outpost in New York');
    expect(byUrl[OTHER]!.description).not.toContain('meet.example.org');
  });
});

describe('the personal feed’s validators', () => {
  it('move when a promotion changes the feed, so If-Modified-Since does not hide the join link', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', SLUG).execute();
    const first = await registerVisitor(ctx, SLUG, { email: 'first@example.org' });
    const waiting = await registerVisitor(ctx);
    const before = await ctx.app.request(`/my/${waiting}/calendar.ics`);
    const lastModified = before.headers.get('last-modified')!;
    ctx.clock.advance(30);
    const [seat] = await ctx.db.selectFrom('registration').select('id').orderBy('id').execute();
    await ctx.app.request(`/my/${first}/registrations/${seat!.id}/cancel`, form({ confirm: 'yes' }));
    const after = await ctx.app.request(`/my/${waiting}/calendar.ics`, { headers: { 'if-modified-since': lastModified } });
    expect(after.status).toBe(200);
    expect(new Date(after.headers.get('last-modified')!).getTime()).toBeGreaterThan(new Date(lastModified).getTime());
    expect(parseCalendar(await after.text()).events[0]).toMatchObject({
      status: 'CONFIRMED',
      location: 'https://meet.example.org/pilots-with-startups-norway',
    });
  });
});

describe('reminders', () => {
  it('queues the 24-hour and the 1-hour reminder once each, also when run again after a restart', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-02-05T15:00'); // 14:00Z
    await registerVisitor(ctx);
    const deps = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL };
    const reminders = async () => await ctx.db.selectFrom('outbox').select(['kind', 'subject']).where('kind', 'like', 'reminder%').orderBy('id').execute();

    ctx.clock.set('2027-02-04T13:59:00Z');
    await enqueueDueReminders(deps);
    expect(await reminders()).toEqual([]);
    ctx.clock.set('2027-02-04T14:00:00Z');
    await enqueueDueReminders(deps);
    await enqueueDueReminders(deps);
    ctx.clock.set('2027-02-04T20:00:00Z');
    await enqueueDueReminders(deps);
    expect(await reminders()).toEqual([{ kind: 'reminder-24h', subject: 'Tomorrow: From pilot to contract: how Norwegian industry buys from startups' }]);
    ctx.clock.set('2027-02-05T13:00:00Z');
    await enqueueDueReminders(deps);
    await enqueueDueReminders(deps);
    ctx.clock.set('2027-02-05T14:00:00Z');
    await enqueueDueReminders(deps);
    expect((await reminders()).map((r) => r.kind)).toEqual(['reminder-24h', 'reminder-1h']);
  });

  it('reminds again for the new time when the webinar moves after a reminder went out', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-02-05T15:00'); // 14:00Z
    await registerVisitor(ctx);
    const deps = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL };
    ctx.clock.set('2027-02-04T15:00:00Z');
    await enqueueDueReminders(deps);
    await schedule(ctx, SLUG, '2027-02-12T15:00');
    ctx.clock.set('2027-02-11T15:00:00Z');
    await enqueueDueReminders(deps);
    await enqueueDueReminders(deps);
    const sent = await ctx.db.selectFrom('outbox').select(['kind', 'dedupe_key']).where('kind', '=', 'reminder-24h').orderBy('id').execute();
    expect(sent.map((r) => r.dedupe_key?.replace(/:\d+:/, ':id:'))).toEqual(['reminder-24h:id:2027-02-05T14:00:00Z', 'reminder-24h:id:2027-02-12T14:00:00Z']);
  });

  it('does not remind waiting-list attendees or those who registered after the reminder time', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-02-02T12:00'); // 11:00Z, 23 hours after the fixed clock
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', SLUG).execute();
    await registerVisitor(ctx);
    await registerVisitor(ctx, SLUG, { email: 'waiting@example.org' });
    await enqueueDueReminders({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL });
    expect(await ctx.db.selectFrom('outbox').select('kind').where('kind', 'like', 'reminder%').execute()).toEqual([]);
  });
});
