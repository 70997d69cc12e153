// The confirmation email promises only the reminders that are still to come (24 hours and 1 hour
// before the start: src/registration/reminders.ts).
import { describe, expect, it } from 'vitest';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';

/** Registers for the webinar moved to start `minutesAhead` after the test clock's now, and returns the confirmation's text. */
async function confirmationFor(minutesAhead: number): Promise<string> {
  const ctx = await buildTestApp({ now: '2027-02-01T12:00:00Z' });
  const local = ctx.clock.now().plus({ minutes: minutesAhead }).setZone('Europe/Stockholm').toFormat("yyyy-MM-dd'T'HH:mm");
  const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  await updateWebinar(ctx.db, ctx.clock, SLUG, { start: resolved.value, registrationClosesMinutesBefore: 0 });
  expect((await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR))).status).toBe(201);
  const row = await ctx.db.selectFrom('outbox').select('text_body').where('kind', '=', 'registration-confirmed').executeTakeFirstOrThrow();
  return row.text_body;
}

describe('the confirmation email’s reminder promise', () => {
  it('promises both reminders two days ahead, only the 1-hour one five hours ahead, and none ten minutes ahead', async () => {
    expect(await confirmationFor(48 * 60)).toContain(
      'The attached invitation adds the webinar to your calendar. We will remind you 24 hours and 1 hour before the start.',
    );
    const fiveHours = await confirmationFor(5 * 60);
    expect(fiveHours).toContain('The attached invitation adds the webinar to your calendar. We will remind you 1 hour before the start.');
    expect(fiveHours).not.toContain('24 hours');
    const tenMinutes = await confirmationFor(10);
    expect(tenMinutes).toContain('The attached invitation adds the webinar to your calendar.');
    expect(tenMinutes).not.toContain('remind you');
  });
});
