// The database's tables as Kysely types: one interface per table, with row aliases.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type WebinarStatus = 'draft' | 'published' | 'cancelled';
export type SpeakerRole = 'speaker' | 'moderator' | 'panelist';

export interface ProgrammeTable {
  id: ColumnType<1, 1 | undefined, never>;
  title: string;
  tagline: string;
  description: string;
  organiser_name: string;
  organiser_email: string;
  default_zone: string;
  /** IANA zones separated by spaces; '' when the coordinators left it to the default. */
  audience_zones: string;
  updated_at: string;
}

export interface KnowledgeAreaTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface SpeakerTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string;
  organisation: string;
  city: string;
  country: string;
  zone: string;
  bio: string;
  photo_url: string | null;
  email: string | null;
  token: string | null;
  token_lookup: string | null;
  /** An uploaded photo (see migrations/0012_speaker_photos.ts): all six set, or all null. */
  photo_file: string | null;
  photo_hash: string | null;
  photo_content_type: string | null;
  photo_size_bytes: number | null;
  photo_width: number | null;
  photo_height: number | null;
  created_at: string;
  updated_at: string;
  /** 'en' or 'sv': the language of their emails and speaker page. */
  language: Generated<string>;
}

export interface WebinarTable {
  id: Generated<number>;
  slug: string;
  uid: string;
  title: string;
  area_id: number | null;
  abstract: string;
  /** The Swedish title and abstract, each null until a coordinator writes it (readers of Swedish then get the English). */
  title_sv: string | null;
  abstract_sv: string | null;
  start_local: string;
  start_zone: string;
  start_offset_minutes: number | null;
  starts_at_utc: string;
  duration_minutes: number;
  capacity: number | null;
  join_url: string | null;
  status: WebinarStatus;
  sequence: number;
  registration_closes_minutes_before: Generated<number>;
  /** The panelists' link: only ever shown to the webinar's speakers. */
  speaker_join_url: string | null;
  tech_check_minutes: Generated<number>;
  /** The start before the last move (null until the webinar is first moved). */
  previous_start_local: Generated<string | null>;
  previous_start_zone: Generated<string | null>;
  previous_start_offset_minutes: Generated<number | null>;
  created_at: string;
  updated_at: string;
}

export interface WebinarSpeakerTable {
  webinar_id: number;
  speaker_id: number;
  role: SpeakerRole;
  position: number;
}

export type OrganisationType = 'large-company' | 'startup' | 'academia' | 'public-sector' | 'other';
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface AttendeeTable {
  id: Generated<number>;
  email: string;
  name: string;
  organisation: string;
  organisation_type: OrganisationType;
  zone: string;
  token: string;
  token_lookup: string;
  consent_at: string;
  created_at: string;
  updated_at: string;
  /** Name, address and organisation folded for search (see src/search-text.ts). */
  search_text: string;
  /** 'en' or 'sv': the language of their emails, invites and personal feed (see src/i18n). */
  language: Generated<string>;
}

export interface RegistrationTable {
  id: Generated<number>;
  webinar_id: number;
  attendee_id: number;
  status: RegistrationStatus;
  question: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
}

/** A registration asked for a known address by someone who may not be its owner, until confirmed. */
export interface RegistrationRequestTable {
  id: Generated<number>;
  webinar_id: number;
  attendee_id: number;
  question: string | null;
  created_at: string;
  expires_at: string;
}

export type OutboxStatus = 'pending' | 'held' | 'sending' | 'sent' | 'failed';
export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  to_name: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  ics_content: string | null;
  ics_method: IcsMethod | null;
  dedupe_key: string | null;
  webinar_id: number | null;
  attendee_id: number | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** After this instant the message is not sent any more (a reminder once the webinar began). */
  not_after: string | null;
  /** The worker (instance) that is sending it, while status is sending. */
  claimed_by: string | null;
  /** Until when that worker holds it; it extends the claim while the mail server answers. */
  claimed_until: string | null;
}

export interface RateLimitHitTable {
  id: Generated<number>;
  /** What is counted: 'registration', 'sign-in-failure'. */
  scope: string;
  /** Whom it is counted for: a client address, an account. */
  key: string;
  at: string;
}

/** An uploaded file in pieces of at most FILE_CHUNK_BYTES, numbered from 0. */
export interface FileChunkTable {
  file_name: string;
  seq: number;
  data: Uint8Array;
}

export interface CoordinatorTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** 'en' or 'sv': the language of their workspace. */
  language: Generated<string>;
  /** When they chose it (switching the workspace's language); null: never, their browser's applies. */
  language_chosen_at: string | null;
}

export interface CoordinatorInviteTable {
  id: Generated<number>;
  token_lookup: string;
  email: string | null;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CoordinatorSessionTable {
  id_lookup: string;
  coordinator_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  coordinator_id: number;
  name: string;
  token_lookup: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type MaterialKind = 'recording' | 'slides' | 'link';
export type MaterialVisibility = 'public' | 'attendees';

export interface MaterialTable {
  id: Generated<number>;
  webinar_id: number;
  kind: MaterialKind;
  title: string;
  url: string | null;
  file_name: string | null;
  original_name: string | null;
  content_type: string | null;
  size_bytes: number | null;
  visibility: MaterialVisibility;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface CaptionTable {
  id: Generated<number>;
  material_id: number;
  /** BCP 47 language tag of the captions ("en", "sv", "zh-Hans"). */
  language: string;
  /** The WebVTT file as checked (UTF-8 text). */
  vtt: string;
  /** The cues' words, for searching what was said. */
  transcript: string;
  created_at: string;
  updated_at: string;
}

/** Moved by triggers in every transaction that changes public data (see migrations/0009). */
export interface DataVersionTable {
  name: 'content' | 'seats';
  version: number;
}

export interface Database {
  programme: ProgrammeTable;
  knowledge_area: KnowledgeAreaTable;
  speaker: SpeakerTable;
  webinar: WebinarTable;
  webinar_speaker: WebinarSpeakerTable;
  attendee: AttendeeTable;
  registration: RegistrationTable;
  registration_request: RegistrationRequestTable;
  outbox: OutboxTable;
  coordinator: CoordinatorTable;
  coordinator_invite: CoordinatorInviteTable;
  coordinator_session: CoordinatorSessionTable;
  api_token: ApiTokenTable;
  material: MaterialTable;
  caption: CaptionTable;
  rate_limit_hit: RateLimitHitTable;
  file_chunk: FileChunkTable;
  data_version: DataVersionTable;
}

export type CaptionRow = Selectable<CaptionTable>;
export type ProgrammeRow = Selectable<ProgrammeTable>;
export type KnowledgeArea = Selectable<KnowledgeAreaTable>;
export type NewKnowledgeArea = Insertable<KnowledgeAreaTable>;
export type KnowledgeAreaUpdate = Updateable<KnowledgeAreaTable>;
export type SpeakerRow = Selectable<SpeakerTable>;
export type NewSpeaker = Insertable<SpeakerTable>;
export type SpeakerUpdate = Updateable<SpeakerTable>;
export type WebinarRow = Selectable<WebinarTable>;
export type NewWebinar = Insertable<WebinarTable>;
export type WebinarUpdate = Updateable<WebinarTable>;
export type WebinarSpeakerRow = Selectable<WebinarSpeakerTable>;
export type AttendeeRow = Selectable<AttendeeTable>;
export type NewAttendee = Insertable<AttendeeTable>;
export type RegistrationRow = Selectable<RegistrationTable>;
export type NewRegistration = Insertable<RegistrationTable>;
export type RegistrationRequestRow = Selectable<RegistrationRequestTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxMessage = Insertable<OutboxTable>;
export type CoordinatorRow = Selectable<CoordinatorTable>;
export type CoordinatorSessionRow = Selectable<CoordinatorSessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type MaterialRow = Selectable<MaterialTable>;
export type NewMaterial = Insertable<MaterialTable>;
