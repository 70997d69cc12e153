// Reminders 24 hours and 1 hour before each webinar, to confirmed attendees, each exactly once:
// the outbox's dedupe key makes a second run (or a restart in between) a no-op.
import type { DateTime } from 'luxon';
import { inTransaction } from '../db/transaction.js';
import { enqueueEmail } from '../mail/outbox.service.js';
import { getProgramme, listWebinars } from '../programme/programme.service.js';
import { utc } from '../programme/programme.mappers.js';
import { reminderEmail } from './registration.emails.js';
import type { RegistrationDeps } from './registration.service.js';

/** Which reminder is due for a webinar now, if any: the nearest one whose moment has passed. */
function dueReminder(startsAt: DateTime, now: DateTime): 24 | 1 | undefined {
  if (now >= startsAt) return undefined;
  if (now >= startsAt.minus({ hours: 1 })) return 1;
  if (now >= startsAt.minus({ hours: 24 })) return 24;
  return undefined;
}

export async function enqueueDueReminders(deps: RegistrationDeps): Promise<void> {
  const { db, clock, baseUrl } = deps;
  const now = clock.now();
  const soon = (await listWebinars(db, { statuses: ['published'] })).filter((w) => w.startsAt > now && w.startsAt <= now.plus({ hours: 24 }));
  if (soon.length === 0) return;
  const programme = await getProgramme(db);
  for (const webinar of soon) {
    const hours = dueReminder(webinar.startsAt, now);
    if (!hours) continue;
    await inTransaction(db, async (trx) => {
      const rows = await trx
        .selectFrom('registration')
        .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
        .select(['registration.id as registrationId', 'registration.confirmed_at', 'attendee.id', 'attendee.name', 'attendee.email', 'attendee.zone', 'attendee.token'])
        .where('registration.webinar_id', '=', webinar.id)
        .where('registration.status', '=', 'confirmed')
        .execute();
      for (const row of rows) {
        // Someone who registered after the reminder's moment has just had a confirmation.
        if (row.confirmed_at && utc(row.confirmed_at) > webinar.startsAt.minus({ hours })) continue;
        await enqueueEmail(trx, clock, reminderEmail({ programme, baseUrl, now }, webinar, row, hours, row.registrationId));
      }
    });
  }
}
