// Attendees and registrations as the rest of the hub sees them.
import type { DateTime } from 'luxon';
import type { OrganisationType, RegistrationStatus } from '../db/schema.js';
import type { Webinar } from '../programme/programme.types.js';

export type Attendee = {
  id: number;
  email: string;
  name: string;
  organisation: string;
  organisationType: OrganisationType;
  zone: string;
  token: string;
  createdAt: DateTime;
  updatedAt: DateTime;
};

export type Registration = {
  id: number;
  webinarId: number;
  attendeeId: number;
  status: RegistrationStatus;
  question: string | null;
  createdAt: DateTime;
  updatedAt: DateTime;
};

export type RegistrationWithWebinar = Registration & { webinar: Webinar };

export type RegisterOutcome = {
  webinar: Webinar;
  status: 'confirmed' | 'waitlisted';
  /** True when this address was already registered: nothing changed. */
  alreadyRegistered: boolean;
  registrationId: number;
};

export type RegisterResult = {
  attendee: Attendee;
  /** True when this request created the attendee: only then may the response show the secret link. */
  createdAttendee: boolean;
  outcomes: RegisterOutcome[];
};
