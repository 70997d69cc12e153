// Moving or cancelling a published webinar in the workspace asks first: the old and new time and
// how many attendees, waiting-list people and speakers will be emailed. The step changes nothing,
// carries the form, and only the answer saves. Other edits save at once.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formValuesFromWebinar } from '../../src/admin/webinar-form-input.js';
import { ALL_STATUSES, getWebinarBySlug } from '../../src/programme/programme.service.js';
import { createTestApiToken, signInAsCoordinator, type AdminSession } from '../helpers/admin-session.js';
import { attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, TEST_BASE_URL, tableCounts } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const TITLE = 'From pilot to contract: how Norwegian industry buys from startups';
const ORIGIN = { origin: TEST_BASE_URL };

/** Two confirmed attendees, one waiting, and both speakers reachable by email. */
async function setUp(): Promise<{ ctx: Ctx; admin: AdminSession; values: Record<string, string> }> {
  const ctx = await buildTestApp();
  await ctx.db.updateTable('webinar').set({ capacity: 2 }).where('slug', '=', SLUG).execute();
  for (const [slug, email] of [
    ['anna-lindqvist', 'anna@example.org'],
    ['ingrid-haugen', 'ingrid@example.org'],
  ]) {
    await ctx.db.updateTable('speaker').set({ email }).where('slug', '=', slug!).execute();
  }
  for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) {
    expect((await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email }))).status).toBe(201);
  }
  const admin = await signInAsCoordinator(ctx);
  const values = formValuesFromWebinar(await getWebinarBySlug(ctx.db, SLUG, ALL_STATUSES)) as Record<string, string>;
  return { ctx, admin, values };
}

const outboxTo = async (ctx: Ctx) =>
  (await ctx.db.selectFrom('outbox').select(['kind', 'to_address']).orderBy('id').execute()).map((m) => `${m.kind} ${m.to_address}`);
const webinarRow = (ctx: Ctx) => ctx.db.selectFrom('webinar').selectAll().where('slug', '=', SLUG).executeTakeFirstOrThrow();
const stockholm = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Stockholm' }).toISO({ suppressMilliseconds: true });

describe('moving a published webinar', () => {
  it('shows the old and new time and who will be emailed, changing nothing, then saves only when confirmed', async () => {
    const { ctx, admin, values } = await setUp();
    const before = await tableCounts(ctx.db);
    const rowBefore = await webinarRow(ctx);
    const mailBefore = await outboxTo(ctx);

    const moved = { ...values, start: '2027-02-18T16:30', intent: 'save' };
    const step = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form(moved, ORIGIN));
    expect(step.status).toBe(200);
    const doc = parse(await step.text());
    expect(textOf(one(doc, 'h1'))).toBe(`Move “${TITLE}”?`);
    expect(texts(doc, '.confirm-times dt')).toEqual(['Now', 'New time']);
    expect(attrs(doc, '.confirm-times time', 'datetime')).toEqual([
      stockholm('2027-02-18T14:00'),
      stockholm('2027-02-18T15:00'),
      stockholm('2027-02-18T16:30'),
      stockholm('2027-02-18T17:30'),
    ]);
    expect(textOf(one(doc, '.confirm-audience'))).toBe(
      '2 confirmed attendees and 2 speakers will be emailed an updated invitation, and 1 person on the waiting list a short note with the new time.',
    );
    // The step carries the form: every value as sent, and the CSRF token.
    const confirm = one(doc, `form[action="/admin/webinars/${SLUG}"]`);
    const hidden = Object.fromEntries(
      (confirm.querySelectorAll('input[type="hidden"]') as unknown as Array<{ getAttribute(n: string): string | null }>).map((i) => [
        i.getAttribute('name'),
        i.getAttribute('value'),
      ]),
    );
    expect(hidden).toMatchObject({ _csrf: admin.csrf, start: '2027-02-18T16:30', title: TITLE, capacity: '2', 'role_anna-lindqvist': 'moderator' });
    expect(hidden.intent).toBeUndefined();
    expect(texts(confirm, 'button')).toEqual(['Move it and email 5 people', 'Go back to the form']);
    expect(attrs(confirm, 'button', 'value')).toEqual(['confirm-save', 'edit']);

    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(await webinarRow(ctx)).toEqual(rowBefore);
    expect(await outboxTo(ctx)).toEqual(mailBefore);

    // "Go back": the form again with what was typed, still nothing saved.
    const back = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form({ ...moved, intent: 'edit' }, ORIGIN));
    expect(back.status).toBe(200);
    expect(attrs(parse(await back.text()), 'input[name="start"]', 'value')).toEqual(['2027-02-18T16:30']);
    expect(await webinarRow(ctx)).toEqual(rowBefore);

    const saved = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form({ ...moved, intent: 'confirm-save' }, ORIGIN));
    expect([saved.status, saved.headers.get('location')]).toEqual([303, `/admin/webinars/${SLUG}?done=saved`]);
    expect((await webinarRow(ctx)).start_local).toBe('2027-02-18T16:30');
    expect((await outboxTo(ctx)).slice(mailBefore.length).sort()).toEqual([
      'speaker-updated anna@example.org',
      'speaker-updated ingrid@example.org',
      'waitlist-moved c@example.org',
      'webinar-updated a@example.org',
      'webinar-updated b@example.org',
    ]);
  });

  it('asks when only the duration changes the end', async () => {
    const { ctx, admin, values } = await setUp();
    const step = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form({ ...values, durationMinutes: '90', intent: 'save' }, ORIGIN));
    expect(step.status).toBe(200);
    expect(attrs(parse(await step.text()), '.confirm-times time', 'datetime').at(-1)).toBe(stockholm('2027-02-18T15:30'));
    expect((await webinarRow(ctx)).duration_minutes).toBe(60);
  });

  it('saves at once an edit that does not move it: a new title, or the same instant in another zone', async () => {
    const { ctx, admin, values } = await setUp();
    const titled = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form({ ...values, title: 'New title', intent: 'save' }, ORIGIN));
    expect(titled.status).toBe(303);
    // 14:00 in Oslo is 14:00 in Stockholm: the same instant, not a move.
    const zoned = await ctx.app.request(
      `/admin/webinars/${SLUG}`,
      admin.form({ ...values, title: 'New title', timezone: 'Europe/Oslo', intent: 'save' }, ORIGIN),
    );
    expect(zoned.status).toBe(303);
    expect(await webinarRow(ctx)).toMatchObject({ title: 'New title', start_zone: 'Europe/Oslo' });
  });

  it('moves a draft at once: nobody holds an invitation', async () => {
    const { ctx, admin, values } = await setUp();
    await ctx.db.updateTable('webinar').set({ status: 'draft' }).where('slug', '=', SLUG).execute();
    const res = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form({ ...values, status: 'draft', start: '2027-02-19T10:00', intent: 'save' }, ORIGIN));
    expect(res.status).toBe(303);
    expect((await webinarRow(ctx)).start_local).toBe('2027-02-19T10:00');
  });

  it('refuses a confirmation without the CSRF token, or with a bad time, changing nothing and never failing', async () => {
    const { ctx, admin, values } = await setUp();
    const rowBefore = await webinarRow(ctx);
    const forged = await ctx.app.request(
      `/admin/webinars/${SLUG}`,
      admin.form({ ...values, start: '2027-02-18T16:30', intent: 'confirm-save', _csrf: 'forged' }, ORIGIN),
    );
    expect(forged.status).toBe(403);
    const foreign = await ctx.app.request(
      `/admin/webinars/${SLUG}`,
      admin.form({ ...values, start: '2027-02-18T16:30', intent: 'confirm-save' }, { origin: 'https://evil.example' }),
    );
    expect(foreign.status).toBe(403);
    const bad = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form({ ...values, start: '2027-02-30T25:00', intent: 'confirm-save' }, ORIGIN));
    expect(bad.status).toBe(422);
    expect(await webinarRow(ctx)).toEqual(rowBefore);
  });
});

describe('cancelling a published webinar', () => {
  it('says how many attendees, waiting-list people and speakers will get a cancellation, and cancels only when confirmed', async () => {
    const { ctx, admin } = await setUp();
    const before = await tableCounts(ctx.db);
    const mailBefore = await outboxTo(ctx);

    // The panel's button is a GET to the step; a POST without confirm=yes is the same step.
    const edit = parse(await (await ctx.app.request(`/admin/webinars/${SLUG}`, { headers: admin.headers() })).text());
    expect(one(edit, `form[action="/admin/webinars/${SLUG}/cancel"]`).getAttribute('method')).toBe('get');
    for (const step of [
      await ctx.app.request(`/admin/webinars/${SLUG}/cancel`, { headers: admin.headers() }),
      await ctx.app.request(`/admin/webinars/${SLUG}/cancel`, admin.form({}, ORIGIN)),
    ]) {
      expect(step.status).toBe(200);
      const doc = parse(await step.text());
      expect(textOf(one(doc, 'h1'))).toBe(`Cancel “${TITLE}”?`);
      expect(attrs(doc, '.confirm-times time', 'datetime')).toEqual([stockholm('2027-02-18T14:00'), stockholm('2027-02-18T15:00')]);
      expect(textOf(one(doc, '.confirm-audience'))).toBe('2 confirmed attendees, 1 person on the waiting list and 2 speakers will be emailed a cancellation.');
      const form = one(doc, `form[action="/admin/webinars/${SLUG}/cancel"][method="post"]`);
      expect(attrs(form, 'input[type="hidden"]', 'name')).toEqual(['_csrf', 'confirm']);
      expect(texts(form, 'button, a')).toEqual(['Cancel the webinar and email 5 people', 'Go back']);
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(await outboxTo(ctx)).toEqual(mailBefore);

    const done = await ctx.app.request(`/admin/webinars/${SLUG}/cancel`, admin.form({ confirm: 'yes' }, ORIGIN));
    expect([done.status, done.headers.get('location')]).toEqual([303, `/admin/webinars/${SLUG}?done=cancelled`]);
    expect((await webinarRow(ctx)).status).toBe('cancelled');
    expect((await outboxTo(ctx)).slice(mailBefore.length).sort()).toEqual([
      'speaker-cancelled anna@example.org',
      'speaker-cancelled ingrid@example.org',
      'webinar-cancelled a@example.org',
      'webinar-cancelled b@example.org',
      'webinar-cancelled c@example.org',
    ]);
    // Once cancelled, the step leads back to the webinar.
    const again = await ctx.app.request(`/admin/webinars/${SLUG}/cancel`, { headers: admin.headers() });
    expect([again.status, again.headers.get('location')]).toEqual([303, `/admin/webinars/${SLUG}`]);
  });

  it('asks the same when the status is set to cancelled in the form', async () => {
    const { ctx, admin, values } = await setUp();
    const step = await ctx.app.request(`/admin/webinars/${SLUG}`, admin.form({ ...values, status: 'cancelled', intent: 'save' }, ORIGIN));
    expect(step.status).toBe(200);
    expect(textOf(one(parse(await step.text()), '.confirm-audience'))).toBe(
      '2 confirmed attendees, 1 person on the waiting list and 2 speakers will be emailed a cancellation.',
    );
    expect((await webinarRow(ctx)).status).toBe('published');
  });

  it('refuses the cancellation from another site', async () => {
    const { ctx, admin } = await setUp();
    const res = await ctx.app.request(`/admin/webinars/${SLUG}/cancel`, admin.form({ confirm: 'yes' }, { origin: 'https://evil.example' }));
    expect(res.status).toBe(403);
    expect((await webinarRow(ctx)).status).toBe('published');
  });
});

describe('the JSON API', () => {
  it('moves and cancels in one call, answering how many people it emails', async () => {
    const { ctx } = await setUp();
    const token = await createTestApiToken(ctx);
    const call = (path: string, method: string, body?: unknown) =>
      ctx.app.request(path, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const moved = await call(`/api/webinars/${SLUG}`, 'PATCH', { start: '2027-02-18T16:00', timezone: 'Europe/Stockholm' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ start: '2027-02-18T16:00', notified: { confirmed: 2, waitlisted: 1, speakers: 2 } });
    const titled = await call(`/api/webinars/${SLUG}`, 'PATCH', { title: 'Only a title' });
    expect((await titled.json()) as object).not.toHaveProperty('notified');
    const cancelled = await call(`/api/webinars/${SLUG}/cancel`, 'POST');
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', notified: { confirmed: 2, waitlisted: 1, speakers: 2 } });
    expect((await outboxTo(ctx)).filter((m) => m.startsWith('webinar-cancelled'))).toHaveLength(3);
  });
});
