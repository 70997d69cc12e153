// The speaker invitation says what its .ics holds: the session as the one event, and the technical
// check in words, at the instant the parsed invitation implies, in the speaker's zone and the programme's.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { webinarChangeNotifier } from '../../src/notifications/webinar-changes.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

/** Publishes the webinar again (from cancelled) at 15:00 Stockholm, which invites its speaker anew. */
async function invitedSpeaker(zone: string, techCheckMinutes: number) {
  const ctx = await buildTestApp();
  await ctx.db.updateTable('speaker').set({ email: 'ingrid@example.no', zone }).where('slug', '=', 'ingrid-haugen').execute();
  const start = resolveLocalTime({ local: '2027-03-18T15:00', zone: 'Europe/Stockholm' });
  if (!start.ok) throw new Error(start.error.message);
  await updateWebinar(ctx.db, ctx.clock, SLUG, { start: start.value, techCheckMinutes, status: 'cancelled' }, []);
  await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'published' }, [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })]);
  return inviteOf(ctx);
}

async function inviteOf(ctx: Ctx) {
  const row = await ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'speaker-invited').executeTakeFirstOrThrow();
  return { row, calendar: parseCalendar(row.ics_content!) };
}

describe('the speaker invitation', () => {
  it('says the invitation holds the session, and gives the technical check in words in both zones', async () => {
    const { row, calendar } = await invitedSpeaker('America/New_York', 30);
    // What the text promises the attachment holds: one event, the session.
    expect(calendar.events.map((e) => [e.summary, e.start, e.end])).toEqual([
      ['Speaking: From pilot to contract: how Norwegian industry buys from startups', '2027-03-18T14:00:00.000Z', '2027-03-18T15:00:00.000Z'],
    ]);
    expect(row.text_body).toContain(
      "The attached invitation adds your session to your calendar. The technical check is not a separate event in it: its time is below, and in the session's description.",
    );
    expect(row.text_body).not.toContain('and the technical check to your calendar');
    // 30 minutes before the parsed start, said in New York (EDT already, Stockholm still CET) and in the programme's zone.
    const check = DateTime.fromISO(calendar.events[0]!.start, { zone: 'utc' }).minus({ minutes: 30 });
    expect(check.toISO()).toBe('2027-03-18T13:30:00.000Z');
    expect(row.text_body).toContain(
      'Technical check: Thu 18 Mar 2027, 09:30 EDT (America/New_York), 30 minutes before the start.\n= Thu 18 Mar 2027, 14:30 CET (Europe/Stockholm)',
    );
    expect(row.text_body).toContain(
      'When (your time):\nThu 18 Mar 2027, 10:00–11:00 EDT (America/New_York)\n= Thu 18 Mar 2027, 15:00–16:00 CET (Europe/Stockholm)',
    );
    expect(calendar.events[0]!.description).toContain('Technical check: Thu 18 Mar 2027, 09:30 EDT (America/New_York), 30 minutes before the start.');
  });

  it('names no technical check when the webinar has none', async () => {
    const { row, calendar } = await invitedSpeaker('Europe/Stockholm', 0);
    expect(calendar.events).toHaveLength(1);
    expect(row.text_body).toContain(
      'Thank you for speaking in “From pilot to contract: how Norwegian industry buys from startups”. The attached invitation adds your session to your calendar.\n\n',
    );
    expect(row.text_body).not.toMatch(/technical check/i);
    expect(calendar.events[0]!.description).not.toMatch(/technical check/i);
  });
});
