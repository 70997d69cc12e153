// What the JSON registration API answers: what an anonymous caller may learn about the registration.
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
        message:
          'This email address is already known to the programme, so the registration has been emailed to it: it takes effect when the owner of the address confirms it there (a repeat of a registration it already has is said at most once a day).',
        webinar: { slug: outcome.webinar.slug, title: outcome.webinar.title },
      },
    };
  }
  const start = showIn(outcome.webinar.startsAt, result.attendee.zone);
  return {
    status: 201,
    body: {
      status: outcome.status,
      message:
        outcome.status === 'confirmed'
          ? 'Registered. A confirmation with a calendar invitation is on its way by email.'
          : 'The webinar is full: the registration is on the waiting list. A seat that frees up goes to the waiting list in order.',
      webinar: { slug: outcome.webinar.slug, title: outcome.webinar.title, start: start.datetime, timezone: start.zone },
      // The secret link only for the request that created the attendee.
      personalUrl: personalUrl(baseUrl, result.attendee.token),
    },
  };
}
