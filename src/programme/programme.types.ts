// The programme as the rest of the hub sees it: camelCase objects with instants already derived.
import type { DateTime } from 'luxon';
import type { SpeakerRole, WebinarStatus } from '../db/schema.js';
import type { Language } from '../i18n/languages.js';
import type { ZonedTime } from '../time/index.js';

export type Programme = {
  title: string;
  tagline: string;
  description: string;
  organiserName: string;
  organiserEmail: string;
  defaultZone: string;
  /** Where the audience is expected to sit, as the coordinators set it; empty: the default (see audienceZonesOf). */
  audienceZones: string[];
  updatedAt: DateTime;
};

export type Area = { id: number; slug: string; name: string; description: string; position: number };

export type Speaker = {
  id: number;
  slug: string;
  name: string;
  title: string;
  organisation: string;
  city: string;
  country: string;
  zone: string;
  bio: string;
  /** A linked photo (https); null when there is none or a photo was uploaded instead. */
  photoUrl: string | null;
  /** An uploaded photo, served by the hub; it takes the link's place. */
  photo: SpeakerPhoto | null;
  email: string | null;
  /** The language of the speaker's emails, invites and private feed (not of their public page). */
  language: Language;
  updatedAt: DateTime;
};

/** An uploaded speaker photo, as checked when it arrived. */
export type SpeakerPhoto = {
  /** Its public address, content-addressed: `/media/speakers/<hash>.<ext>`. */
  path: string;
  /** The first 128 bits of the bytes' SHA-256, in hex. */
  hash: string;
  contentType: string;
  sizeBytes: number;
  width: number;
  height: number;
};

export type WebinarSpeaker = Speaker & { role: SpeakerRole };

export type Webinar = {
  id: number;
  slug: string;
  uid: string;
  /** In the reader's language once localized (see localizeWebinar); as loaded, the English. */
  title: string;
  area: Area | null;
  abstract: string;
  /** The Swedish title and abstract as the coordinators wrote them; null: readers of Swedish get the English. */
  titleSv: string | null;
  abstractSv: string | null;
  start: ZonedTime;
  startsAt: DateTime;
  endsAt: DateTime;
  /** Where the start was before the last move; null for a webinar never moved. */
  previousStartsAt: DateTime | null;
  durationMinutes: number;
  capacity: number | null;
  /** Private: shown only to confirmed attendees, never on public pages. */
  joinUrl: string | null;
  status: WebinarStatus;
  sequence: number;
  /** Private: the panelists' link, for the webinar's speakers only. */
  speakerJoinUrl: string | null;
  /** The technical check starts this long before the webinar. */
  techCheckMinutes: number;
  /** Registration closes this long before the start (0: at the start). */
  registrationClosesMinutesBefore: number;
  createdAt: DateTime;
  updatedAt: DateTime;
  speakers: WebinarSpeaker[];
};
