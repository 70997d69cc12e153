// Attendees and registrations as the rest of the hub sees them.
import type { Language } from '../i18n/languages.js';
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
  /** Their emails, invites and personal feed are in this language. */
  language: Language;
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
  /** 'requested': the address has an owner, who must confirm from the email sent to them. */
  status: 'confirmed' | 'waitlisted' | 'requested';
  /** True when this address was already registered: nothing changed. */
  alreadyRegistered: boolean;
  /** null for a request, which is no registration yet. */
  registrationId: number | null;
};

export type RegisterResult = {
  attendee: Attendee;
  /** True when this request created the attendee: only then may the response show the secret link. */
  createdAttendee: boolean;
  /**
   * True when the request came from the owner (a new address, their own page, or the browser that
   * opened it): it took effect at once, and only then may the answer lead to the personal page.
   */
  actedAsOwner: boolean;
  outcomes: RegisterOutcome[];
};
