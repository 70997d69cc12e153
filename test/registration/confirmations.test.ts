// The personal page asks before what cannot be undone (cancelling a seat, replacing the link,
// deleting one's data): the first step changes nothing and says what will happen, only the
// confirmed POST acts. And the owner's browser registering again lands on their page.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, tableCounts } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';

async function registerVisitor(ctx: Ctx, slug = SLUG, overrides: Record<string, string> = {}): Promise<string> {
  const res = await ctx.app.request(`/api/webinars/${slug}/registrations`, json({ ...VISITOR, ...overrides }));
  const body = (await res.json()) as { personalUrl?: string };
  return body.personalUrl!.split('/').pop()!;
}

async function registrationOf(ctx: Ctx, email: string) {
  return ctx.db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .select(['registration.id', 'registration.status'])
    .where('attendee.email', '=', email)
    .executeTakeFirstOrThrow();
}

const outboxKinds = async (ctx: Ctx) => (await ctx.db.selectFrom('outbox').select('kind').orderBy('id').execute()).map((m) => m.kind);

describe('cancelling a seat asks first', () => {
  it('shows which webinar, in the attendee’s zone, and that the seat goes to the next person waiting, changing nothing', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', SLUG).execute();
    const token = await registerVisitor(ctx);
    await registerVisitor(ctx, SLUG, { email: 'next@example.org' });
    const seat = await registrationOf(ctx, VISITOR.email);
    const before = await tableCounts(ctx.db);
    const kindsBefore = await outboxKinds(ctx);

    // The personal page's button is a GET to the step.
    const page = parse(await (await ctx.app.request(`/my/${token}`)).text());
    const ask = one(page, `form[action="/my/${token}/registrations/${seat.id}/cancel"]`);
    expect([ask.getAttribute('method'), textOf(one(ask, 'button'))]).toEqual(['get', 'Cancel my seat']);

    const step = await ctx.app.request(`/my/${token}/registrations/${seat.id}/cancel`);
    expect(step.status).toBe(200);
    expect(step.headers.get('cache-control')).toBe('private, no-store');
    const doc = parse(await step.text());
    expect(textOf(one(doc, 'h1'))).toBe('Cancel your seat at “From pilot to contract: how Norwegian industry buys from startups”?');
    const webinar = await ctx.db.selectFrom('webinar').select('starts_at_utc').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    const start = DateTime.fromISO(webinar.starts_at_utc, { zone: 'utc' }).setZone('Asia/Shanghai');
    expect(attrs(doc, '.lead time', 'datetime')[0]).toBe(start.toISO({ suppressMilliseconds: true, includeOffset: true }));
    expect(texts(doc, '.confirm-consequences li')[0]).toBe('Your seat goes to the next person on the waiting list, who is told at once.');
    const confirm = one(doc, `form[method="post"][action="/my/${token}/registrations/${seat.id}/cancel"]`);
    expect(attrs(confirm, 'input[type="hidden"]', 'name')).toEqual(['confirm']);
    expect(texts(confirm, 'button, a')).toEqual(['Yes, cancel my seat', 'Keep my seat']);
    expect(attrs(confirm, 'a', 'href')).toEqual([`/my/${token}`]);

    // A POST without confirm=yes is the same step, and changes nothing either.
    const unconfirmed = await ctx.app.request(`/my/${token}/registrations/${seat.id}/cancel`, form({}));
    expect(unconfirmed.status).toBe(200);
    expect(textOf(one(parse(await unconfirmed.text()), 'h1'))).toContain('Cancel your seat');
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(await outboxKinds(ctx)).toEqual(kindsBefore);
    expect((await registrationOf(ctx, VISITOR.email)).status).toBe('confirmed');

    // Confirming cancels, tells the attendee and gives the seat to the next person.
    const done = await ctx.app.request(`/my/${token}/registrations/${seat.id}/cancel`, form({ confirm: 'yes' }));
    expect([done.status, done.headers.get('location')]).toEqual([303, `/my/${token}?done=cancelled`]);
    expect((await registrationOf(ctx, VISITOR.email)).status).toBe('cancelled');
    expect((await registrationOf(ctx, 'next@example.org')).status).toBe('confirmed');
    expect((await outboxKinds(ctx)).slice(kindsBefore.length)).toEqual(['registration-cancelled', 'promoted']);
  });

  it('says the seat becomes free, not that it goes to someone, when nobody is waiting', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    const seat = await registrationOf(ctx, VISITOR.email);
    const doc = parse(await (await ctx.app.request(`/my/${token}/registrations/${seat.id}/cancel`)).text());
    const consequences = texts(doc, '.confirm-consequences li');
    expect(consequences[0]).toBe('Your seat becomes free for someone else to take.');
    expect(consequences.join(' ')).not.toContain('waiting list,');
  });

  it('asks a waiting attendee whether to leave the waiting list', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', SLUG).execute();
    await registerVisitor(ctx, SLUG, { email: 'first@example.org' });
    const token = await registerVisitor(ctx);
    const place = await registrationOf(ctx, VISITOR.email);
    expect(place.status).toBe('waitlisted');
    const doc = parse(await (await ctx.app.request(`/my/${token}/registrations/${place.id}/cancel`)).text());
    expect(textOf(one(doc, 'h1'))).toBe('Leave the waiting list for “From pilot to contract: how Norwegian industry buys from startups”?');
    expect(texts(doc, '.confirm-actions button, .confirm-actions a')).toEqual(['Yes, leave the waiting list', 'Stay on the waiting list']);
  });

  it('leads back to the page when there is nothing left to cancel, and answers 404 for someone else’s registration', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    const other = await registerVisitor(ctx, SLUG, { email: 'other@example.org' });
    const seat = await registrationOf(ctx, VISITOR.email);
    await ctx.app.request(`/my/${token}/registrations/${seat.id}/cancel`, form({ confirm: 'yes' }));
    const again = await ctx.app.request(`/my/${token}/registrations/${seat.id}/cancel`);
    expect([again.status, again.headers.get('location')]).toEqual([303, `/my/${token}`]);
    expect((await ctx.app.request(`/my/${other}/registrations/${seat.id}/cancel`)).status).toBe(404);
    expect((await ctx.app.request(`/my/${token}/registrations/abc/cancel`)).status).toBe(404);
  });
});

describe('replacing the personal link asks first', () => {
  it('says that calendar subscriptions made with the old link stop updating, and changes nothing until confirmed', async () => {
    const ctx = await buildTestApp();
    const token = await registerVisitor(ctx);
    const before = await tableCounts(ctx.db);
    const page = parse(await (await ctx.app.request(`/my/${token}`)).text());
    expect(one(page, `form[action="/my/${token}/reset-link"]`).getAttribute('method')).toBe('get');

    for (const step of [await ctx.app.request(`/my/${token}/reset-link`), await ctx.app.request(`/my/${token}/reset-link`, form({}))]) {
      expect(step.status).toBe(200);
      const doc = parse(await step.text());
      expect(textOf(one(doc, 'h1'))).toBe('Replace your personal link?');
      expect(texts(doc, '.confirm-consequences li')).toContain(
        'Calendar subscriptions made with the old link stop updating; subscribe again with the new one (the new page shows how).',
      );
      expect(texts(doc, '.confirm-actions button, .confirm-actions a')).toEqual(['Yes, replace my link', 'Keep this link']);
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect((await ctx.app.request(`/my/${token}`)).status).toBe(200);

    const done = await ctx.app.request(`/my/${token}/reset-link`, form({ confirm: 'yes' }));
    expect(done.status).toBe(303);
    expect((await ctx.app.request(`/my/${token}`)).status).toBe(404);
    expect((await outboxKinds(ctx)).at(-1)).toBe('personal-link');
  });
});

describe('deleting one’s data asks first', () => {
  it('lists the places that will be lost, saying where each seat goes, and changes nothing on the GET', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', SLUG).execute();
    const token = await registerVisitor(ctx);
    await registerVisitor(ctx, SLUG, { email: 'next@example.org' });
    await ctx.app.request(`/my/${token}/register/${OTHER}`, form({}));
    const before = await tableCounts(ctx.db);
    const doc = parse(await (await ctx.app.request(`/my/${token}/remove`)).text());
    const lines = texts(doc, '.confirm-consequences li');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^“From pilot to contract: how Norwegian industry buys from startups”, .* \(your seat goes to the next person waiting\)$/);
    expect(lines[1]).toMatch(/^“Partnership models: an innovation outpost in New York”, .* \(your seat becomes free\)$/);
    expect(texts(doc, '.confirm-actions button, .confirm-actions a')).toEqual(['Remove everything', 'Keep my data']);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });
});

describe('the owner’s browser registering again', () => {
  async function ownerBrowser(ctx: Ctx) {
    const first = await ctx.app.request(`/webinars/${SLUG}/register`, form(VISITOR));
    const token = /^\/my\/([A-Za-z0-9_-]{43})/.exec(first.headers.get('location') ?? '')![1]!;
    const page = await ctx.app.request(`/my/${token}`);
    const cookie = /hub_attendee=[^;]+/.exec(page.headers.get('set-cookie') ?? '')![0];
    return { token, cookie };
  }

  it('lands on the personal page with the new registration named and marked', async () => {
    const ctx = await buildTestApp();
    const { token, cookie } = await ownerBrowser(ctx);
    const res = await ctx.app.request(`/webinars/${OTHER}/register`, form(VISITOR, { cookie }));
    expect([res.status, res.headers.get('location')]).toEqual([303, `/my/${token}?registered=${OTHER}`]);
    const doc = parse(await (await ctx.app.request(res.headers.get('location')!, { headers: { cookie } })).text());
    expect(textOf(one(doc, '.notice.ok strong'))).toBe('Thank you for registering.');
    expect(textOf(one(doc, '.notice.ok li'))).toMatch(/^Registered: “Partnership models: an innovation outpost in New York”/);
    const marked = one(doc, '.card.just-registered');
    expect(attrs(marked, 'h3 a', 'href')).toEqual([`/webinars/${OTHER}`]);
    expect(marked.getAttribute('aria-current')).toBe('true');
    expect(doc.querySelectorAll('.card.just-registered')).toHaveLength(1);
    expect(await outboxKinds(ctx)).toEqual(['registration-confirmed', 'registration-confirmed']);
  });

  it('says "already registered" without emailing when the owner registers again for the same webinar', async () => {
    const ctx = await buildTestApp();
    const { token, cookie } = await ownerBrowser(ctx);
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(`/webinars/${SLUG}/register`, form(VISITOR, { cookie }));
    expect(res.headers.get('location')).toBe(`/my/${token}?registered=${SLUG}&already=${SLUG}`);
    const doc = parse(await (await ctx.app.request(res.headers.get('location')!)).text());
    expect(textOf(one(doc, '.notice.ok strong'))).toBe('You were already registered.');
    expect(textOf(one(doc, '.notice.ok li'))).toMatch(/^Already registered: “From pilot to contract/);
    expect(textOf(one(doc, '.notice.ok'))).not.toContain('A confirmation is on its way');
    // Nothing changed but the attempt counted against the rate limit.
    expect(await tableCounts(ctx.db)).toEqual({ ...before, rate_limit_hit: before.rate_limit_hit! + 1 });
  });

  it('still answers any other browser with the neutral "check your email", learning nothing', async () => {
    const ctx = await buildTestApp();
    const { token } = await ownerBrowser(ctx);
    for (const cookie of ['', `hub_attendee=${'A'.repeat(43)}`]) {
      const res = await ctx.app.request(`/webinars/${OTHER}/register`, form(VISITOR, cookie ? { cookie } : {}));
      expect([res.status, res.headers.get('location')]).toEqual([303, `/registered?webinars=${OTHER}`]);
      const body = await (await ctx.app.request(res.headers.get('location')!)).text();
      expect(body).not.toContain(token);
      expect(body).toContain('Check your email');
    }
    expect((await ctx.db.selectFrom('registration').select('id').execute()).length).toBe(1);
    expect((await outboxKinds(ctx)).at(-1)).toBe('registration-request');
  });
});
