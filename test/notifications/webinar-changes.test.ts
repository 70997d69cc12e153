import { describe, expect, it } from 'vitest';
import { webinarChangeNotifier } from '../../src/notifications/webinar-changes.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';

async function setup() {
  const ctx = await buildTestApp();
  await ctx.db.updateTable('speaker').set({ email: 'ingrid@example.no' }).where('slug', '=', 'ingrid-haugen').execute();
  await move(ctx, '2027-03-18T15:00', false);
  await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
  await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'oslo@example.no', timezone: 'Europe/Oslo', name: 'Kari' }));
  await ctx.db.deleteFrom('outbox').execute();
  return ctx;
}

async function move(ctx: Ctx, local: string, notify = true) {
  const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  ctx.clock.advance(5);
  return updateWebinar(ctx.db, ctx.clock, SLUG, { start: resolved.value }, notify ? [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })] : []);
}

const outbox = (ctx: Ctx) => ctx.db.selectFrom('outbox').selectAll().orderBy('id').execute();

describe('moving a published webinar', () => {
  it('queues an updated invite with the same UID and a higher SEQUENCE to every confirmed attendee and speaker, in their zone', async () => {
    const ctx = await setup();
    const before = await ctx.db.selectFrom('webinar').select(['uid', 'sequence']).where('slug', '=', SLUG).executeTakeFirstOrThrow();
    await move(ctx, '2027-03-18T16:00');
    const messages = await outbox(ctx);
    expect(messages.map((m) => [m.kind, m.to_address, m.ics_method])).toEqual([
      ['webinar-updated', 'wang.fang@example.cn', 'REQUEST'],
      ['webinar-updated', 'oslo@example.no', 'REQUEST'],
      ['speaker-updated', 'ingrid@example.no', 'REQUEST'],
    ]);
    const shanghai = messages[0]!;
    expect(shanghai.text_body).toContain(
      'New time (your time):\nThu 18 Mar 2027, 23:00–Fri 19 Mar 2027 00:00 GMT+8 (Asia/Shanghai)\n= Thu 18 Mar 2027, 16:00–17:00 CET (Europe/Stockholm)',
    );
    expect(shanghai.text_body).toContain('Previously:\nThu 18 Mar 2027, 22:00–23:00 GMT+8 (Asia/Shanghai)');
    expect(messages[1]!.text_body).toContain('Thu 18 Mar 2027, 16:00–17:00 CET (Europe/Oslo)');
    const invite = parseCalendar(shanghai.ics_content!).events[0]!;
    expect(invite.uid).toBe(before.uid);
    expect(invite.sequence).toBe(before.sequence + 1);
    expect(invite.start).toBe('2027-03-18T15:00:00.000Z');
    const speakerInvite = parseCalendar(messages[2]!.ics_content!);
    // One event per invitation (one UID per iTIP message); the technical check is named in it.
    expect(speakerInvite.events.map((e) => [e.summary, e.start])).toEqual([
      ['Speaking: From pilot to contract: how Norwegian industry buys from startups', '2027-03-18T15:00:00.000Z'],
    ]);
    expect(speakerInvite.events[0]!.location).toBe('https://meet.example.org/pilots-with-startups-norway/panelists');
    expect(speakerInvite.events[0]!.description).toContain('Technical check: Thu 18 Mar 2027, 15:30 CET (Europe/Oslo), 30 minutes before the start.');
  });

  it('moves the expiry of unsent emails about the webinar with it, but not of reminders', async () => {
    const ctx = await buildTestApp();
    await move(ctx, '2027-03-18T15:00', false);
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    await ctx.db
      .insertInto('outbox')
      .values({
        ...(await ctx.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow()),
        id: undefined,
        kind: 'reminder-24h',
        dedupe_key: 'r',
        not_after: '2027-03-18T14:00:00Z',
      })
      .execute();
    await move(ctx, '2027-03-18T17:00');
    const rows = await ctx.db
      .selectFrom('outbox')
      .select(['kind', 'not_after'])
      .where('kind', 'in', ['registration-confirmed', 'reminder-24h'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { kind: 'registration-confirmed', not_after: '2027-03-18T17:00:00Z' },
      { kind: 'reminder-24h', not_after: '2027-03-18T14:00:00Z' },
    ]);
  });

  it('sends nothing for an edit that moves nothing', async () => {
    const ctx = await setup();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { title: 'New title' }, [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })]);
    expect(await outbox(ctx)).toEqual([]);
  });

  it('sends METHOD:CANCEL to confirmed attendees and speakers when the webinar is cancelled', async () => {
    const ctx = await setup();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'cancelled' }, [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })]);
    const messages = await outbox(ctx);
    expect(messages.map((m) => [m.kind, m.ics_method])).toEqual([
      ['webinar-cancelled', 'CANCEL'],
      ['webinar-cancelled', 'CANCEL'],
      ['speaker-cancelled', 'CANCEL'],
    ]);
    const event = parseCalendar(messages[0]!.ics_content!).events[0]!;
    expect(event.status).toBe('CANCELLED');
    expect(event.summary.startsWith('Cancelled: ')).toBe(true);
  });

  it('rolls the emails back with the change when the change fails', async () => {
    const ctx = await setup();
    const failing = async () => {
      throw new Error('boom');
    };
    await expect(
      updateWebinar(ctx.db, ctx.clock, SLUG, { durationMinutes: 90 }, [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL }), failing]),
    ).rejects.toThrow('boom');
    expect(await outbox(ctx)).toEqual([]);
    expect((await ctx.db.selectFrom('webinar').select('duration_minutes').where('slug', '=', SLUG).executeTakeFirstOrThrow()).duration_minutes).toBe(60);
  });

  it('confirms people from the waiting list when the capacity grows', async () => {
    const ctx = await setup();
    await ctx.db.updateTable('webinar').set({ capacity: 2 }).where('slug', '=', SLUG).execute();
    await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'waiting@example.org' }));
    await updateWebinar(ctx.db, ctx.clock, SLUG, { capacity: 3 }, [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })]);
    const statuses = await ctx.db.selectFrom('registration').select('status').orderBy('id').execute();
    expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect((await outbox(ctx)).map((m) => m.kind)).toEqual(['waitlisted', 'promoted']);
  });
});

describe('changes that concern only some people', () => {
  const notifier = (ctx: Ctx) => [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })];

  it('tells only the speakers about a new technical check or panelists’ link, with their private page', async () => {
    const ctx = await setup();
    await ctx.db
      .updateTable('speaker')
      .set({ token: 'T'.repeat(43), token_lookup: 'x' })
      .where('slug', '=', 'ingrid-haugen')
      .execute();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { techCheckMinutes: 60 }, notifier(ctx));
    await updateWebinar(ctx.db, ctx.clock, SLUG, { speakerJoinUrl: 'https://meet.example.org/new-panel' }, notifier(ctx));
    const messages = await outbox(ctx);
    expect(messages.map((m) => [m.kind, m.to_address])).toEqual([
      ['speaker-updated', 'ingrid@example.no'],
      ['speaker-updated', 'ingrid@example.no'],
    ]);
    expect(messages[0]!.text_body).toContain(`${TEST_BASE_URL}/speaker/${'T'.repeat(43)}`);
    const session = parseCalendar(messages[0]!.ics_content!).events;
    expect(session).toHaveLength(1);
    expect(session[0]!.description).toContain('Technical check: Thu 18 Mar 2027, 14:00 CET (Europe/Oslo), 60 minutes before the start.');
    expect(messages[0]!.text_body).toContain('What changed:\n- The technical check: now 60 minutes before the start (was 30).');
    expect(messages[1]!.text_body).toContain('What changed:\n- Your speaker link: it is new (below).');
    expect(messages[1]!.text_body).toContain('Your speaker link (panelists only, please do not share): https://meet.example.org/new-panel');
  });

  it('sends speakers a cancellation when a published webinar without registrations goes back to a draft', async () => {
    const ctx = await setup();
    await ctx.db.deleteFrom('registration').execute();
    const before = await ctx.db.selectFrom('webinar').select(['uid', 'sequence']).where('slug', '=', SLUG).executeTakeFirstOrThrow();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'draft' }, notifier(ctx));
    const messages = await outbox(ctx);
    expect(messages.map((m) => [m.kind, m.to_address, m.ics_method])).toEqual([['speaker-cancelled', 'ingrid@example.no', 'CANCEL']]);
    expect(messages[0]!.text_body).toContain('has been taken off the published programme for now');
    const events = parseCalendar(messages[0]!.ics_content!).events;
    // The same UID as the speaker's invitation had.
    expect(events.map((e) => e.uid)).toEqual([before.uid.replace('@', '-speaker@')]);
    expect(events.every((e) => e.status === 'CANCELLED' && e.sequence === before.sequence + 1)).toBe(true);
  });

  it('sends the event again to confirmed attendees when a cancelled webinar is back', async () => {
    const ctx = await setup();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'cancelled' }, notifier(ctx));
    await ctx.db.deleteFrom('outbox').execute();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'published' }, notifier(ctx));
    const messages = await outbox(ctx);
    expect(messages.map((m) => [m.kind, m.ics_method])).toEqual([
      ['webinar-updated', 'REQUEST'],
      ['webinar-updated', 'REQUEST'],
      ['speaker-invited', 'REQUEST'],
    ]);
    expect(messages[0]!.text_body).toContain('Good news: the webinar is back on the programme.');
    expect(parseCalendar(messages[0]!.ics_content!).events[0]!.status).toBe('CONFIRMED');
  });

  it('refuses to turn a webinar with registrations back into a draft', async () => {
    const ctx = await setup();
    await expect(updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'draft' }, notifier(ctx))).rejects.toMatchObject({
      status: 409,
      errors: { status: 'People have registered for this webinar, so it cannot go back to draft. Cancel it instead: they will be told.' },
    });
    expect((await ctx.db.selectFrom('webinar').select('status').where('slug', '=', SLUG).executeTakeFirstOrThrow()).status).toBe('published');
  });
});
