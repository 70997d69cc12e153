// What the JSON registration API answers: what an anonymous caller may learn about the registration.
import { t } from '../i18n/catalogue.js';
import { showIn } from '../time/index.js';
import { personalUrl } from './registration.emails.js';
import type { RegisterResult } from './registration.types.js';

export type RegistrationApiAnswer = { status: 201 | 202; body: Record<string, unknown> };

export function registrationApiAnswer(result: RegisterResult, baseUrl: string): RegistrationApiAnswer {
  const outcome = result.outcomes[0]!;
  // An address that already belonged to an attendee gets the same answer whatever happened
  // (registered now, already registered, on the waiting list): anyone can type an address, and
  // only its owner may learn where they stand. The owner has it all by email, with their link.
  if (!result.createdAttendee) {
    return {
      status: 202,
      body: {
        status: 'emailed',
        message: t('registration.api.emailed'),
        webinar: { slug: outcome.webinar.slug, title: outcome.webinar.title },
      },
    };
  }
  const start = showIn(outcome.webinar.startsAt, result.attendee.zone);
  return {
    status: 201,
    body: {
      status: outcome.status,
      message: t(outcome.status === 'confirmed' ? 'registration.api.confirmed' : 'registration.api.waitlisted'),
      webinar: { slug: outcome.webinar.slug, title: outcome.webinar.title, start: start.datetime, timezone: start.zone },
      // The secret link only for the request that created the attendee.
      personalUrl: personalUrl(baseUrl, result.attendee.token),
    },
  };
}
