import { describe, expect, it } from 'vitest';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { recordingTransport } from '../../src/mail/mailer.js';
import { createOutboxWorker } from '../../src/mail/outbox.worker.js';
import { createApp } from '../../src/app.js';
import { TEST_BASE_URL, buildTestApp, datetimes, tableCounts } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

/** A second instance of the hub on the same database, as behind a load balancer. */
function anotherInstance(ctx: Ctx) {
  return createApp({
    db: ctx.db,
    clock: ctx.clock,
    baseUrl: TEST_BASE_URL,
    log: (message, error) => ctx.logged.push({ message, error }),
    apiToken: null,
    trustProxy: false,
  });
}
const SLUG = 'pilots-with-startups-norway';

async function schedule(ctx: Ctx, slug: string, local: string) {
  const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  await updateWebinar(ctx.db, ctx.clock, slug, { start: resolved.value });
}

async function outbox(ctx: Ctx) {
  return ctx.db.selectFrom('outbox').selectAll().orderBy('id').execute();
}

function tokenFrom(location: string | null): string {
  const match = /^\/my\/([A-Za-z0-9_-]{43})/.exec(location ?? '');
  if (!match) throw new Error(`no personal link in ${location}`);
  return match[1]!;
}

describe('registering through the webinar page', () => {
  it('takes a visitor in Shanghai to their page, in Shanghai time, with an invite in the outbox', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-03-18T15:00');
    const res = await ctx.app.request(`/webinars/${SLUG}/register`, form(VISITOR));
    expect(res.status).toBe(303);
    const token = tokenFrom(res.headers.get('location'));
    expect(res.headers.get('location')).toBe(`/my/${token}?registered=${SLUG}`);

    const page = await ctx.app.request(res.headers.get('location')!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Thank you for registering.');
    expect(html).toContain('<time datetime="2027-03-18T22:00:00+08:00">Thu 18 Mar 2027, 22:00 GMT+8</time>');
    expect(datetimes(html)).toContain('2027-03-18T22:00:00+08:00');
    expect(html).toContain('href="https://meet.example.org/pilots-with-startups-norway"');
    expect(page.headers.get('cache-control')).toBe('private, no-store');

    const [message] = await outbox(ctx);
    expect(message).toMatchObject({
      kind: 'registration-confirmed',
      to_address: 'wang.fang@example.cn',
      to_name: 'Wang Fang',
      ics_method: 'REQUEST',
      status: 'pending',
    });
    expect(message!.text_body).toContain('Thu 18 Mar 2027, 22:00–23:00 GMT+8 (Asia/Shanghai)');
    expect(message!.text_body).toContain(`https://hub.example.org/my/${token}`);
    const invite = parseCalendar(message!.ics_content!);
    expect(invite.method).toBe('REQUEST');
    expect(invite.events[0]).toMatchObject({
      start: '2027-03-18T14:00:00.000Z',
      end: '2027-03-18T15:00:00.000Z',
      organizer: 'mailto:innovation-webinars@example.org',
      attendees: ['MAILTO:wang.fang@example.cn'],
      location: 'https://meet.example.org/pilots-with-startups-norway',
    });

    const [registration] = await ctx.db.selectFrom('registration').selectAll().execute();
    expect(registration).toMatchObject({ status: 'confirmed', question: 'How do you pick pilot partners?' });
    const [attendee] = await ctx.db.selectFrom('attendee').selectAll().execute();
    expect(attendee).toMatchObject({ email: 'wang.fang@example.cn', zone: 'Asia/Shanghai', organisation_type: 'startup' });
  });

  it('treats the address case-insensitively and trimmed, never reveals, changes or acts for an existing attendee: the owner confirms from their inbox', async () => {
    const ctx = await buildTestApp();
    const first = await ctx.app.request(`/webinars/${SLUG}/register`, form(VISITOR));
    const token = tokenFrom(first.headers.get('location'));
    const feedBefore = await (await ctx.app.request(`/my/${token}/calendar.ics`)).text();
    const second = await ctx.app.request(
      '/webinars/partnership-models-new-york/register',
      form({ ...VISITOR, email: '  WANG.Fang@Example.CN ', name: 'Someone Else', organisation: 'Elsewhere', timezone: 'Europe/Oslo' }),
    );
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe('/registered?webinars=partnership-models-new-york');
    const page = await (await ctx.app.request(second.headers.get('location')!)).text();
    expect(page).toContain('Check your email');
    expect(page).not.toContain(token);
    expect(page).not.toContain(SLUG);
    const attendees = await ctx.db.selectFrom('attendee').selectAll().execute();
    expect(attendees).toHaveLength(1);
    expect(attendees[0]).toMatchObject({ name: 'Wang Fang', organisation: 'Shanghai Startup Lab', zone: 'Asia/Shanghai', token });
    // The owner's link and the calendar they subscribed with it are untouched, and the stranger's
    // registration holds no seat: it waits for the owner.
    expect((await ctx.app.request(`/my/${token}`)).status).toBe(200);
    expect(await (await ctx.app.request(`/my/${token}/calendar.ics`)).text()).toBe(feedBefore);
    expect(await ctx.db.selectFrom('registration').select('webinar_id').execute()).toHaveLength(1);
    const emails = await outbox(ctx);
    expect(emails.map((m) => [m.kind, m.to_address])).toEqual([
      ['registration-confirmed', 'wang.fang@example.cn'],
      ['registration-request', 'wang.fang@example.cn'],
    ]);
    expect(emails[1]!.subject).toBe('Please confirm: Partnership models: an innovation outpost in New York');
    const confirm = new RegExp(`/my/${token}/confirm/(\\d+)`).exec(emails[1]!.text_body)![0];

    // Opening the link changes nothing (a mail scanner may open every link); the button does.
    const landing = await ctx.app.request(confirm);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Yes, register me');
    expect(await ctx.db.selectFrom('registration').select('id').execute()).toHaveLength(1);
    const confirmed = await ctx.app.request(confirm, form({}));
    expect([confirmed.status, confirmed.headers.get('location')]).toEqual([303, `/my/${token}?registered=partnership-models-new-york`]);
    expect((await ctx.db.selectFrom('registration').select('status').orderBy('id').execute()).map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect((await outbox(ctx)).at(-1)).toMatchObject({ kind: 'registration-confirmed', to_address: 'wang.fang@example.cn' });
    // Used once: the link answers 404 afterwards.
    expect((await ctx.app.request(confirm)).status).toBe(404);
  });

  it('lets the owner discard a registration someone else asked for, which then changes nothing', async () => {
    const ctx = await buildTestApp();
    const first = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    const token = ((await first.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
    expect((await ctx.app.request('/api/webinars/partnership-models-new-york/registrations', json(VISITOR))).status).toBe(202);
    const request = (await outbox(ctx)).at(-1)!;
    const confirm = new RegExp(`/my/${token}/confirm/(\\d+)`).exec(request.text_body)![0];
    const discarded = await ctx.app.request(`${confirm}/discard`, form({}));
    expect([discarded.status, discarded.headers.get('location')]).toEqual([303, `/my/${token}?done=discarded`]);
    expect(await ctx.db.selectFrom('registration_request').selectAll().execute()).toEqual([]);
    expect((await ctx.app.request(confirm, form({}))).status).toBe(404);
    expect(await ctx.db.selectFrom('registration').select('id').execute()).toHaveLength(1);
  });

  it('keeps the link, and the feed subscribed with it, and lands on the personal page when the browser that opened it registers again', async () => {
    const ctx = await buildTestApp();
    const first = await ctx.app.request(`/webinars/${SLUG}/register`, form(VISITOR));
    const token = tokenFrom(first.headers.get('location'));
    const page = await ctx.app.request(`/my/${token}`);
    const cookie = /hub_attendee=[^;]+/.exec(page.headers.get('set-cookie') ?? '')![0];
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly/i);

    // The cookie holds a hash of the link, never the link itself.
    expect(cookie).not.toContain(token);
    const again = await ctx.app.request('/webinars/partnership-models-new-york/register', form(VISITOR, { cookie }));
    expect(again.status).toBe(303);
    // The registration took effect at once, so the owner's browser is shown where it landed.
    expect(again.headers.get('location')).toBe(`/my/${token}?registered=partnership-models-new-york`);
    const feed = await ctx.app.request(`/my/${token}/calendar.ics`);
    expect(feed.status).toBe(200);
    expect(parseCalendar(await feed.text()).events).toHaveLength(2);
    const emails = await outbox(ctx);
    expect(emails.map((m) => m.kind)).toEqual(['registration-confirmed', 'registration-confirmed']);
    expect(emails[1]!.text_body).toContain(`/my/${token}`);

    // A cookie holding some other value is no one's: the registration waits for the owner, and
    // the link stays as it is.
    await schedule(ctx, 'open-innovation-platforms-china', '2027-03-25T09:00');
    const stranger = await ctx.app.request('/webinars/open-innovation-platforms-china/register', form(VISITOR, { cookie: `hub_attendee=${'A'.repeat(43)}` }));
    expect(stranger.headers.get('location')).toBe('/registered?webinars=open-innovation-platforms-china');
    expect((await ctx.app.request(`/my/${token}`)).status).toBe(200);
    expect((await outbox(ctx)).at(-1)!.kind).toBe('registration-request');
  });

  it('changes nothing when the same address registers twice for the same webinar, and says so to the address only', async () => {
    const ctx = await buildTestApp();
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    const before = await tableCounts(ctx.db);
    const again = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'Wang.Fang@example.cn', timezone: 'UTC' }));
    expect(again.status).toBe(202);
    // Nothing about the existing registration (its status, the attendee's zone) goes to whoever typed the address.
    const body = (await again.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: 'emailed',
      message:
        'This email address is already known to the programme, so the registration has been emailed to it: it takes effect when the owner of the address confirms it there (a repeat of a registration it already has is said at most once a day).',
      webinar: { slug: SLUG, title: 'From pilot to contract: how Norwegian industry buys from startups' },
    });
    // The attempt counts against the client's registration limit, as every accepted form does.
    expect(await tableCounts(ctx.db)).toEqual({ ...before, outbox: before.outbox! + 1, rate_limit_hit: before.rate_limit_hit! + 1 });
    const email = (await outbox(ctx)).at(-1)!;
    expect([email.kind, email.to_address, email.subject]).toEqual([
      'already-registered',
      'wang.fang@example.cn',
      'Already registered: From pilot to contract: how Norwegian industry buys from startups',
    ]);
    expect(email.text_body).toContain('You already have a seat, so nothing has changed.');
    expect(email.text_body).toMatch(/\/my\/[A-Za-z0-9_-]{43}/);
    // Typing it again the same day sends nothing more: the address cannot be flooded this way.
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    await ctx.app.request(`/webinars/${SLUG}/register`, form(VISITOR));
    expect((await outbox(ctx)).filter((m) => m.kind === 'already-registered')).toHaveLength(1);
  });

  it('drops a confirmation that could not go out before the webinar ended, instead of sending it late', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-03-18T15:00');
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    // The mail server was away until after the webinar.
    ctx.clock.set('2027-03-18T15:00:01Z');
    const transport = recordingTransport();
    await createOutboxWorker({ db: ctx.db, clock: ctx.clock, transport, from: 'hub@example.org', log: () => {} }).runOnce();
    expect(transport.sent).toEqual([]);
    expect((await outbox(ctx))[0]).toMatchObject({ kind: 'registration-confirmed', status: 'failed', not_after: '2027-03-18T15:00:00Z' });
  });

  it('answers a known address the same way whether it was already registered or has just been', async () => {
    const ctx = await buildTestApp();
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    const other = 'partnership-models-new-york';
    const fresh = await ctx.app.request(`/api/webinars/${other}/registrations`, json(VISITOR));
    const repeated = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    expect([fresh.status, repeated.status]).toEqual([202, 202]);
    const strip = (b: Record<string, unknown>) => ({ ...b, webinar: undefined });
    expect(strip((await fresh.json()) as Record<string, unknown>)).toEqual(strip((await repeated.json()) as Record<string, unknown>));
    expect((await outbox(ctx)).map((m) => m.kind)).toEqual(['registration-confirmed', 'registration-request', 'already-registered']);
  });
});

describe('POST /api/webinars/:slug/registrations', () => {
  it('answers 201 with the status, the time in the attendee’s zone and the personal link for a new attendee', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-03-18T15:00');
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, consent: true }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'confirmed',
      webinar: { slug: SLUG, start: '2027-03-18T22:00:00+08:00', timezone: 'Asia/Shanghai' },
    });
    expect(body.personalUrl).toMatch(/^https:\/\/hub\.example\.org\/my\/[A-Za-z0-9_-]{43}$/);
  });
});

describe('capacity and the waiting list', () => {
  it('confirms exactly 100 of 300 simultaneous registrations, waits the rest in order, with no duplicates or errors', async () => {
    const ctx = await buildTestApp({ registrationRateLimit: { max: 1000, windowMinutes: 1 } });
    await ctx.db.updateTable('webinar').set({ capacity: 100 }).where('slug', '=', SLUG).execute();
    const requests = Array.from({ length: 300 }, (_, i) =>
      ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `person${i}@example.org`, name: `Person ${i}` })),
    );
    // Some addresses twice, at the same time, to prove that duplicates cannot slip in.
    const duplicates = Array.from({ length: 20 }, (_, i) =>
      ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `PERSON${i}@example.org`, name: `Person ${i}` })),
    );
    const responses = await Promise.all([...requests, ...duplicates]);
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(300);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);

    const rows = await ctx.db
      .selectFrom('registration')
      .innerJoin('webinar', 'webinar.id', 'registration.webinar_id')
      .select(['registration.id', 'registration.status', 'registration.attendee_id'])
      .where('webinar.slug', '=', SLUG)
      .orderBy('registration.id')
      .execute();
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.attendee_id)).size).toBe(300);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(100);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(200);
    // First come, first served: every confirmed registration came before every waiting one.
    expect(rows.slice(0, 100).every((r) => r.status === 'confirmed')).toBe(true);
    expect(await ctx.db.selectFrom('attendee').select('id').execute()).toHaveLength(300);
    const kinds = (await outbox(ctx)).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'registration-confirmed')).toHaveLength(100);
    expect(kinds.filter((k) => k === 'waitlisted')).toHaveLength(200);
    expect(kinds.filter((k) => k === 'already-registered')).toHaveLength(20);
  }, 60_000);

  it('promotes the first on the waiting list when a confirmed attendee cancels, and tells them', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 2 }).where('slug', '=', SLUG).execute();
    const tokens: string[] = [];
    for (const i of [0, 1, 2, 3]) {
      const res = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, email: `p${i}@example.org`, name: `P${i}` }));
      tokens.push(tokenFrom(res.headers.get('location')));
    }
    const page = await (await ctx.app.request(`/my/${tokens[3]}`)).text();
    expect(page).toContain('Waiting list, place 2');
    const registrations = await ctx.db.selectFrom('registration').select(['id', 'attendee_id', 'status']).orderBy('id').execute();
    expect(registrations.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    const cancel = await ctx.app.request(`/my/${tokens[0]}/registrations/${registrations[0]!.id}/cancel`, form({ confirm: 'yes' }));
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get('location')).toBe(`/my/${tokens[0]}?done=cancelled`);
    const after = await ctx.db.selectFrom('registration').select(['status']).orderBy('id').execute();
    expect(after.map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted']);
    const emails = await outbox(ctx);
    const receipt = emails.find((m) => m.kind === 'registration-cancelled')!;
    expect(receipt.to_address).toBe('p0@example.org');
    // Says only what is true whether or not someone was waiting.
    expect(receipt.text_body).toContain('is cancelled, and your seat is free for someone else.');
    expect(receipt.text_body).not.toContain('next person');
    expect(receipt.ics_method).toBe('CANCEL');
    expect(parseCalendar(receipt.ics_content!).events[0]!.status).toBe('CANCELLED');
    const promoted = emails.find((m) => m.kind === 'promoted')!;
    expect(promoted.to_address).toBe('p2@example.org');
    expect(promoted.ics_method).toBe('REQUEST');
    expect(promoted.subject).toBe('A seat is free: you are now registered for From pilot to contract: how Norwegian industry buys from startups');
  });

  it('puts a returning attendee who had cancelled at the end of the waiting list', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', '=', SLUG).execute();
    const a = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'a@example.org' }));
    const aToken = ((await a.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'b@example.org' }));
    const [first] = await ctx.db.selectFrom('registration').select('id').orderBy('id').execute();
    await ctx.app.request(`/my/${aToken}/registrations/${first!.id}/cancel`, form({ confirm: 'yes' }));
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'c@example.org' }));
    const back = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'a@example.org' }));
    expect(back.status).toBe(202);
    expect(await back.json()).toMatchObject({ status: 'emailed' });
    // Asked from elsewhere, it takes its place when the owner confirms it: after c.
    const request = (await outbox(ctx)).at(-1)!;
    expect(request).toMatchObject({ kind: 'registration-request', to_address: 'a@example.org' });
    await ctx.app.request(new RegExp(`/my/${aToken}/confirm/\\d+`).exec(request.text_body)![0], form({}));
    expect((await outbox(ctx)).at(-1)).toMatchObject({ kind: 'waitlisted', to_address: 'a@example.org' });
    const rows = await ctx.db
      .selectFrom('registration')
      .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
      .select(['attendee.email', 'registration.status'])
      .orderBy('registration.id')
      .execute();
    expect(rows).toEqual([
      { email: 'b@example.org', status: 'confirmed' },
      { email: 'c@example.org', status: 'waitlisted' },
      { email: 'a@example.org', status: 'waitlisted' },
    ]);
  });
});

describe('when registration is closed', () => {
  it.each([
    ['a past webinar', 'corporate-venture-capital-silicon-valley', undefined, 'has already taken place'],
    ['a cancelled webinar', SLUG, 'cancel', 'has been cancelled'],
    ['a webinar whose registration closed early', SLUG, 'close-early', 'closed 26 h before the start'],
  ])('refuses %s with a clear message and stores nothing but the two attempts against the limit', async (_label, slug, setup, message) => {
    const ctx = await buildTestApp();
    if (setup === 'cancel') await updateWebinar(ctx.db, ctx.clock, slug, { status: 'cancelled' });
    if (setup === 'close-early') {
      await schedule(ctx, slug, '2027-02-02T12:00');
      await ctx.db
        .updateTable('webinar')
        .set({ registration_closes_minutes_before: 24 * 60 + 120 })
        .where('slug', '=', slug)
        .execute();
    }
    const before = await tableCounts(ctx.db);
    const api = await ctx.app.request(`/api/webinars/${slug}/registrations`, json(VISITOR));
    expect(api.status).toBe(409);
    expect(((await api.json()) as { error: string }).error).toContain(message);
    const page = await ctx.app.request(`/webinars/${slug}/register`, form(VISITOR));
    expect(page.status).toBe(409);
    expect(await page.text()).toContain(message);
    // Refused attempts still count against the client's limit, or a bot could probe for free.
    expect(await tableCounts(ctx.db)).toEqual({ ...before, rate_limit_hit: before.rate_limit_hit! + 2 });
  });

  it('closes when the webinar starts', async () => {
    const ctx = await buildTestApp();
    await schedule(ctx, SLUG, '2027-02-01T14:00');
    expect((await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR))).status).toBe(201);
    ctx.clock.set('2027-02-01T13:00:00Z');
    const late = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'late@example.org' }));
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({
      error: `Registration for “From pilot to contract: how Norwegian industry buys from startups” closed when it started.`,
    });
  });
});

describe('bad input changes nothing', () => {
  const tooLong = 'x'.repeat(5000);
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['a missing name', { ...VISITOR, name: '' }, 'name', 'Name is required.'],
    ['an invalid email', { ...VISITOR, email: 'not-an-email' }, 'email', 'Email must be an email address such as name@example.com.'],
    [
      'an unknown zone',
      { ...VISITOR, timezone: 'Mars/Olympus' },
      'timezone',
      'Time zone “Mars/Olympus” is not a place or time zone we know. Type a city or country, such as Beijing, Oslo or New York, or an IANA name such as Europe/Stockholm.',
    ],
    ['no consent', { ...VISITOR, consent: '' }, 'consent', 'Please agree that we store your details for the programme; we cannot register you otherwise.'],
    ['an over-long organisation', { ...VISITOR, organisation: tooLong }, 'organisation', 'Organisation must be at most 160 characters.'],
    ['an over-long question', { ...VISITOR, question: tooLong }, 'question', 'Question for the speakers must be at most 2000 characters.'],
    [
      'an unknown organisation type',
      { ...VISITOR, organisationType: 'pirate' },
      'organisationType',
      'Organisation type must be one of: large-company, startup, academia, public-sector, other.',
    ],
    [
      'a filled honeypot',
      { ...VISITOR, website: 'http://spam.example' },
      'form',
      'Your registration could not be accepted. Please reload the page and try again.',
    ],
  ];

  it.each(cases)('refuses %s in the JSON API with 422 and a message for the field', async (_label, body, field, message) => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(body));
    expect(res.status).toBe(422);
    const answer = (await res.json()) as { fields: Record<string, string> };
    expect(answer.fields[field]).toBe(message);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it.each(cases)('shows the form again for %s, keeping what the visitor typed', async (_label, body, field, message) => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(`/webinars/${SLUG}/register`, form(body as Record<string, string>));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(message.replaceAll('"', '&quot;'));
    if (field !== 'name') expect(html).toContain('value="Wang Fang"');
    if (field !== 'email') expect(html).toContain('value="wang.fang@example.cn"');
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it.each([
    ['text/plain', 'name=x', 400],
    ['application/json', '{not json', 400],
    ['application/json', '[1,2,3]', 400],
    ['application/json', '"just a string"', 400],
    ['application/json', JSON.stringify({ ...VISITOR, name: 42, consent: 'yes' }), 422],
    ['application/json', JSON.stringify({ ...VISITOR, email: ['a@b.org'] }), 422],
  ])('refuses a %s body %s with %i', async (type, body, status) => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, { method: 'POST', body, headers: { 'content-type': type } });
    expect(res.status).toBe(status);
    expect(Object.keys((await res.json()) as object)).toContain('error');
    expect(await tableCounts(ctx.db)).toEqual(before);
    expect(ctx.logged).toEqual([]);
  });

  it('refuses a body that is not a form on the form route with 400', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/webinars/${SLUG}/register`, {
      method: 'POST',
      body: JSON.stringify(VISITOR),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
  });

  it('refuses a huge body with 413 before reading it', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const huge = { ...VISITOR, question: 'x'.repeat(200_000) };
    const api = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(huge));
    expect(api.status).toBe(413);
    const page = await ctx.app.request(`/webinars/${SLUG}/register`, form(huge));
    expect(page.status).toBe(413);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('counts clients behind a trusted proxy separately, and ignores the header otherwise', async () => {
    const send = (ctx: Ctx, i: number, forwardedFor: string) =>
      ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `p${i}@example.org` }, { 'x-forwarded-for': forwardedFor }));
    const behindProxy = await buildTestApp({ trustProxy: true, registrationRateLimit: { max: 2, windowMinutes: 10 } });
    // The proxy appends the address it saw; what the client wrote before that is not trusted.
    const fromA = [
      await send(behindProxy, 1, '203.0.113.1'),
      await send(behindProxy, 2, '6.6.6.6, 203.0.113.1'),
      await send(behindProxy, 3, '7.7.7.7, 203.0.113.1'),
    ];
    expect(fromA.map((r) => r.status)).toEqual([201, 201, 429]);
    expect((await send(behindProxy, 4, '198.51.100.7')).status).toBe(201);
    // Without TRUST_PROXY a client cannot dodge the limit by claiming addresses.
    const direct = await buildTestApp({ registrationRateLimit: { max: 2, windowMinutes: 10 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(direct, i, `192.0.2.${i}`)).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('answers an unknown webinar with 404', async () => {
    const ctx = await buildTestApp();
    expect((await ctx.app.request('/api/webinars/nope/registrations', json(VISITOR))).status).toBe(404);
    expect((await ctx.app.request('/webinars/nope/register', form(VISITOR))).status).toBe(404);
  });

  it('limits registrations per client address', async () => {
    const ctx = await buildTestApp();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `r${i}@example.org` }))).status);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    ctx.clock.advance(11);
    expect((await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'later@example.org' }))).status).toBe(201);
  });

  it('counts registrations from one address on every instance of the hub against one limit', async () => {
    const ctx = await buildTestApp();
    const instances = [ctx.app, anotherInstance(ctx)];
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await instances[i % 2]!.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `r${i}@example.org` }))).status);
    expect(statuses).toEqual([...Array<number>(20).fill(201), 429, 429]);
    expect(await ctx.db.selectFrom('rate_limit_hit').select(['scope', 'key']).distinct().execute()).toEqual([{ scope: 'registration', key: 'unknown' }]);
    ctx.clock.advance(11);
    expect((await instances[1]!.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'later@example.org' }))).status).toBe(201);
  });

  it('lets exactly the limit through when one address sends 60 registrations at once to two instances', async () => {
    const ctx = await buildTestApp();
    const instances = [ctx.app, anotherInstance(ctx)];
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        instances[i % 2]!.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: `burst${i}@example.org` })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    expect((await ctx.db.selectFrom('registration').select('id').execute()).length).toBe(20);
  });
});

describe('the series form on the programme page', () => {
  it('registers for several webinars at once', async () => {
    const ctx = await buildTestApp();
    const home = await (await ctx.app.request('/')).text();
    expect(home).toContain('Register for the series');
    const res = await ctx.app.request('/register', form({ ...VISITOR, webinars: [SLUG, 'partnership-models-new-york'] }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`\\?registered=${SLUG}%2Cpartnership-models-new-york$`));
    expect(await ctx.db.selectFrom('registration').select('status').execute()).toEqual([{ status: 'confirmed' }, { status: 'confirmed' }]);
  });

  it('shows the form again when no webinar is chosen, and stores nothing', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request('/register', form({ ...VISITOR }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Choose at least one webinar.');
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('stores nothing but the attempt against the limit when one chosen webinar is closed', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request('/register', form({ ...VISITOR, webinars: [SLUG, 'corporate-venture-capital-silicon-valley'] }));
    expect(res.status).toBe(409);
    expect(await tableCounts(ctx.db)).toEqual({ ...before, rate_limit_hit: before.rate_limit_hit! + 1 });
  });
});

describe('invites by email', () => {
  it('stamp each message with the time it was written, and a personal cancellation says so', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    const token = ((await res.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
    const [registration] = await ctx.db.selectFrom('registration').select('id').execute();
    ctx.clock.advance(10);
    await ctx.app.request(`/my/${token}/registrations/${registration!.id}/cancel`, form({ confirm: 'yes' }));
    ctx.clock.advance(10);
    await ctx.app.request(`/my/${token}/register/${SLUG}`, form({}));
    const invites = (await outbox(ctx)).filter((m) => m.ics_content).map((m) => ({ method: m.ics_method, event: parseCalendar(m.ics_content!).events[0]! }));
    expect(invites.map((i) => [i.method, i.event.stamp])).toEqual([
      ['REQUEST', '2027-02-01T12:00:00Z'],
      ['CANCEL', '2027-02-01T12:10:00Z'],
      ['REQUEST', '2027-02-01T12:20:00Z'],
    ]);
    expect(invites[1]!.event.description.startsWith('Your registration has been cancelled.')).toBe(true);
    expect(invites[1]!.event.description).not.toContain('Join:');
    expect(invites[1]!.event.status).toBe('CANCELLED');
  });
});
