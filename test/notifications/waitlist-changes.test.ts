// People on the waiting list hear when their webinar moves or is cancelled: a short note in their
// zone and the programme's, with their place, and never a calendar invite (they hold no seat).
import { describe, expect, it } from 'vitest';
import { webinarChangeNotifier } from '../../src/notifications/webinar-changes.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const notifier = (ctx: Ctx) => [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })];

async function startAt(ctx: Ctx, local: string, notify: boolean) {
  const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  ctx.clock.advance(5);
  return updateWebinar(ctx.db, ctx.clock, SLUG, { start: resolved.value }, notify ? notifier(ctx) : []);
}

/** Two seats taken, then two people waiting (New York, Oslo) and one who left the waiting list. */
async function fullWebinar() {
  const ctx = await buildTestApp();
  await startAt(ctx, '2027-03-18T15:00', false);
  await ctx.db.updateTable('webinar').set({ capacity: 2 }).where('slug', '=', SLUG).execute();
  const register = (body: Record<string, string>) => ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, ...body }));
  await register({});
  await register({ email: 'oslo@example.no', timezone: 'Europe/Oslo', name: 'Kari' });
  await register({ email: 'left@example.org', name: 'Left Early' });
  await register({ email: 'ny@example.com', timezone: 'America/New_York', name: 'Nia' });
  await register({ email: 'bergen@example.no', timezone: 'Europe/Oslo', name: 'Ola' });
  const left = await ctx.db.selectFrom('attendee').select('id').where('email', '=', 'left@example.org').executeTakeFirstOrThrow();
  await ctx.db.updateTable('registration').set({ status: 'cancelled' }).where('attendee_id', '=', left.id).execute();
  await ctx.db.deleteFrom('outbox').execute();
  return ctx;
}

const outbox = (ctx: Ctx) => ctx.db.selectFrom('outbox').selectAll().orderBy('id').execute();

describe('the waiting list when a webinar moves', () => {
  it('sends each person waiting a note with the new time in their zone and the programme’s and their place, without an invite', async () => {
    const ctx = await fullWebinar();
    await startAt(ctx, '2027-03-18T16:00', true);
    const messages = await outbox(ctx);
    expect(messages.map((m) => [m.kind, m.to_address, m.ics_method])).toEqual([
      ['webinar-updated', 'wang.fang@example.cn', 'REQUEST'],
      ['webinar-updated', 'oslo@example.no', 'REQUEST'],
      ['waitlist-moved', 'ny@example.com', null],
      ['waitlist-moved', 'bergen@example.no', null],
    ]);
    const ny = messages[2]!;
    expect(ny.subject).toBe('New time: From pilot to contract: how Norwegian industry buys from startups (you are on the waiting list)');
    expect(ny.ics_content).toBeNull();
    expect(ny.text_body).toContain(
      '“From pilot to contract: how Norwegian industry buys from startups” has moved. You are still on the waiting list, in place 1. If a seat becomes free, you move up automatically and we email you a calendar invitation with the join link.',
    );
    // New York is on summer time already, Stockholm not yet.
    expect(ny.text_body).toContain(
      'New time (your time):\nThu 18 Mar 2027, 11:00–12:00 EDT (America/New_York)\n= Thu 18 Mar 2027, 16:00–17:00 CET (Europe/Stockholm)',
    );
    expect(ny.text_body).toContain('Previously:\nThu 18 Mar 2027, 10:00–11:00 EDT (America/New_York)\n= Thu 18 Mar 2027, 15:00–16:00 CET (Europe/Stockholm)');
    // No seat, so no join link.
    expect(ny.text_body).not.toContain('https://meet.example.org');
    expect(messages[3]!.text_body).toContain('in place 2.');
    expect(messages[3]!.html_body).toContain('in place 2.');
  });

  it('tells nobody waiting about a change that is not a move (a new join link)', async () => {
    const ctx = await fullWebinar();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { joinUrl: 'https://meet.example.org/new-room' }, notifier(ctx));
    const kinds = (await outbox(ctx)).map((m) => [m.kind, m.to_address]);
    expect(kinds.filter(([kind]) => kind === 'waitlist-moved')).toEqual([]);
    expect(kinds).toContainEqual(['webinar-updated', 'wang.fang@example.cn']);
  });

  it('sends the people waiting a cancellation note without a calendar attachment, and nothing to a cancelled registration', async () => {
    const ctx = await fullWebinar();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'cancelled' }, notifier(ctx));
    const messages = (await outbox(ctx)).filter((m) => m.kind === 'webinar-cancelled');
    expect(messages.map((m) => [m.to_address, m.ics_method])).toEqual([
      ['wang.fang@example.cn', 'CANCEL'],
      ['oslo@example.no', 'CANCEL'],
      ['ny@example.com', null],
      ['bergen@example.no', null],
    ]);
    expect(messages[2]!.text_body).toContain('has been cancelled.');
    expect(messages[2]!.text_body).not.toContain('The attached cancellation');
    expect((await outbox(ctx)).some((m) => m.to_address === 'left@example.org')).toBe(false);
  });
});
