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
  created_at: string;
  updated_at: string;
}

export interface WebinarTable {
  id: Generated<number>;
  slug: string;
  uid: string;
  title: string;
  area_id: number | null;
  abstract: string;
  start_local: string;
  start_zone: string;
  start_offset_minutes: number | null;
  starts_at_utc: string;
  duration_minutes: number;
  capacity: number | null;
  join_url: string | null;
  status: WebinarStatus;
  sequence: number;
  created_at: string;
  updated_at: string;
}

export interface WebinarSpeakerTable {
  webinar_id: number;
  speaker_id: number;
  role: SpeakerRole;
  position: number;
}

export interface Database {
  programme: ProgrammeTable;
  knowledge_area: KnowledgeAreaTable;
  speaker: SpeakerTable;
  webinar: WebinarTable;
  webinar_speaker: WebinarSpeakerTable;
}

export type ProgrammeRow = Selectable<ProgrammeTable>;
export type KnowledgeArea = Selectable<KnowledgeAreaTable>;
export type NewKnowledgeArea = Insertable<KnowledgeAreaTable>;
export type SpeakerRow = Selectable<SpeakerTable>;
export type NewSpeaker = Insertable<SpeakerTable>;
export type SpeakerUpdate = Updateable<SpeakerTable>;
export type WebinarRow = Selectable<WebinarTable>;
export type NewWebinar = Insertable<WebinarTable>;
export type WebinarUpdate = Updateable<WebinarTable>;
export type WebinarSpeakerRow = Selectable<WebinarSpeakerTable>;
