// Reminders 24 hours and 1 hour before each webinar, to confirmed attendees, each exactly once:
// the outbox's dedupe key makes a second run (or a restart in between) a no-op.
import type { DateTime } from 'luxon';
import { inTransaction } from '../db/transaction.js';
import { enqueueEmail } from '../mail/outbox.service.js';
import { getProgramme, listWebinars, lockWebinars } from '../programme/programme.service.js';
import { toStoredInstant, utc } from '../time/index.js';
import { reminderEmail } from './registration.emails.js';
import { listRegisteredAttendees } from './registration.repository.js';
import { storedLanguage } from '../i18n/languages.js';
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
      // Another instance may have cancelled or moved it since the list was read: decide on the row
      // as it is, locked.
      const [current] = await lockWebinars(trx, { ids: [webinar.id] });
      if (current?.status !== 'published' || current.startsAtUtc !== toStoredInstant(webinar.startsAt)) return;
      for (const row of await listRegisteredAttendees(trx, webinar.id)) {
        // Someone who registered after the reminder's moment has just had a confirmation.
        if (row.confirmedAt && utc(row.confirmedAt) > webinar.startsAt.minus({ hours })) continue;
        // In the attendee's language (reminderEmail renders it so), not that of whatever runs this.
        const attendee = { ...row, language: storedLanguage(row.language) };
        await enqueueEmail(trx, clock, reminderEmail({ programme, baseUrl, now }, webinar, attendee, hours, row.registrationId));
      }
    });
  }
}
