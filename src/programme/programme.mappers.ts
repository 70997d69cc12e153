// Database rows -> domain objects; the one place where a webinar's instants are derived.
import type { KnowledgeArea, ProgrammeRow, SpeakerRole, SpeakerRow, WebinarRow } from '../db/schema.js';
import { instantOf, spanOf, utc } from '../time/index.js';
import { storedLanguage } from '../i18n/languages.js';
import type { Area, Programme, Speaker, SpeakerPhoto, Webinar, WebinarSpeaker } from './programme.types.js';

export function toProgramme(row: ProgrammeRow): Programme {
  return {
    title: row.title,
    tagline: row.tagline,
    description: row.description,
    organiserName: row.organiser_name,
    organiserEmail: row.organiser_email,
    defaultZone: row.default_zone,
    audienceZones: row.audience_zones.split(' ').filter((zone) => zone !== ''),
    updatedAt: utc(row.updated_at),
  };
}

export function toArea(row: KnowledgeArea): Area {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, position: row.position };
}

export function toSpeaker(row: SpeakerRow): Speaker {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    title: row.title,
    organisation: row.organisation,
    city: row.city,
    country: row.country,
    zone: row.zone,
    bio: row.bio,
    photoUrl: row.photo_url,
    photo: toSpeakerPhoto(row),
    email: row.email,
    language: storedLanguage(row.language),
    updatedAt: utc(row.updated_at),
  };
}

const PHOTO_EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The public address of an uploaded photo: its hash names it, so it never changes meaning. */
export function speakerPhotoPath(hash: string, contentType: string): string {
  return `/media/speakers/${hash}.${PHOTO_EXTENSIONS[contentType] ?? 'bin'}`;
}

function toSpeakerPhoto(row: SpeakerRow): SpeakerPhoto | null {
  const { photo_hash: hash, photo_content_type: contentType, photo_size_bytes: sizeBytes, photo_width: width, photo_height: height } = row;
  if (!row.photo_file || !hash || !contentType || sizeBytes === null || width === null || height === null) return null;
  return { path: speakerPhotoPath(hash, contentType), hash, contentType, sizeBytes, width, height };
}

export function toWebinar(row: WebinarRow, area: Area | null, speakers: Array<SpeakerRow & { role: SpeakerRole }>): Webinar {
  const start = { local: row.start_local, zone: row.start_zone, offsetMinutes: row.start_offset_minutes };
  const { startsAt, endsAt } = spanOf(start, row.duration_minutes);
  const previous =
    row.previous_start_local !== null && row.previous_start_zone !== null
      ? { local: row.previous_start_local, zone: row.previous_start_zone, offsetMinutes: row.previous_start_offset_minutes }
      : null;
  return {
    id: row.id,
    slug: row.slug,
    uid: row.uid,
    title: row.title,
    area,
    abstract: row.abstract,
    titleSv: row.title_sv,
    abstractSv: row.abstract_sv,
    start,
    startsAt,
    endsAt,
    previousStartsAt: previous ? instantOf(previous) : null,
    durationMinutes: row.duration_minutes,
    capacity: row.capacity,
    joinUrl: row.join_url,
    status: row.status,
    sequence: row.sequence,
    registrationClosesMinutesBefore: row.registration_closes_minutes_before,
    speakerJoinUrl: row.speaker_join_url,
    techCheckMinutes: row.tech_check_minutes,
    createdAt: utc(row.created_at),
    updatedAt: utc(row.updated_at),
    speakers: speakers.map((speaker): WebinarSpeaker => ({ ...toSpeaker(speaker), role: speaker.role })),
  };
}
