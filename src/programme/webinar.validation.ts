// Checks a webinar as a coordinator (form or JSON) describes it, including the time rules.
import type { SpeakerRole, WebinarStatus } from '../db/schema.js';
import type { DateTime } from 'luxon';
import type { Validated } from '../errors.js';
import { resolveLocalTime, type ZonedTime } from '../time/index.js';
import { FieldReader, type Input } from '../validation.js';

/** The Swedish texts' labels in errors, named like the English fields' ("Title", "Abstract"). */
const SWEDISH_TITLE = 'Swedish title';
const SWEDISH_ABSTRACT = 'Swedish abstract';

export const SPEAKER_ROLES: readonly SpeakerRole[] = ['speaker', 'moderator', 'panelist'];
export const WEBINAR_STATUSES: readonly WebinarStatus[] = ['draft', 'published', 'cancelled'];

export type SpeakerAssignment = { slug: string; role: SpeakerRole };

export type WebinarInput = {
  slug: string;
  title: string;
  areaSlug: string | null;
  abstract: string;
  /** Optional: shown to readers of Swedish instead of the English; null when not written. */
  titleSv: string | null;
  abstractSv: string | null;
  start: ZonedTime;
  durationMinutes: number;
  capacity: number | null;
  joinUrl: string | null;
  speakerJoinUrl: string | null;
  techCheckMinutes: number;
  registrationClosesMinutesBefore: number;
  status: WebinarStatus;
  speakers: SpeakerAssignment[];
};

/**
 * The days a webinar may start on, as local dates in its zone. Outside them lie only typing
 * mistakes (0000, 9999), and years before 1000 or after 9999 cannot be written as iCalendar dates.
 */
export const EARLIEST_START_DATE = '2000-01-01';
export const LATEST_START_DATE = '2100-12-31';

/** Reads `start` + `timezone` (+ `offset` for a time that occurs twice) into a zoned time. */
export function readStart(fields: FieldReader, defaultZone: string, required: boolean): ZonedTime | null {
  const local = fields.text('start', 'Start', { required, max: 40 });
  const zone = fields.has('timezone') ? fields.zone('timezone', 'Time zone') : defaultZone;
  const offset = fields.text('offset', 'UTC offset', { max: 10 });
  if (local === '' || zone === '' || fields.errors.start) return null;
  const resolved = resolveLocalTime({ local, zone, offset });
  if (!resolved.ok) {
    fields.fail(resolved.error.kind === 'zone' ? 'timezone' : resolved.error.kind === 'offset' ? 'offset' : 'start', resolved.error.message);
    return null;
  }
  const date = resolved.value.local.slice(0, 10);
  if (date < EARLIEST_START_DATE || date > LATEST_START_DATE) {
    fields.fail('start', `The start must be a date from ${EARLIEST_START_DATE} to ${LATEST_START_DATE}; ${date} is outside that range.`);
    return null;
  }
  return resolved.value;
}

export function readSpeakers(fields: FieldReader): SpeakerAssignment[] {
  const raw = fields.raw('speakers');
  if (raw === undefined || raw === null || raw === '') return [];
  const list = typeof raw === 'string' ? raw.split(',').map((slug) => ({ slug, role: 'speaker' })) : raw;
  if (!Array.isArray(list) || list.length > 20) {
    fields.fail('speakers', 'Speakers must be a list of at most 20 {"slug", "role"} entries.');
    return [];
  }
  const assignments: SpeakerAssignment[] = [];
  for (const item of list) {
    const entry = typeof item === 'string' ? { slug: item, role: 'speaker' } : item;
    const slug = typeof entry?.slug === 'string' ? entry.slug.trim() : '';
    const role = entry?.role ?? 'speaker';
    if (!/^[a-z0-9-]{1,80}$/.test(slug) || !SPEAKER_ROLES.includes(role)) {
      fields.fail('speakers', `Each speaker needs a slug and a role (${SPEAKER_ROLES.join(', ')}).`);
      return [];
    }
    if (assignments.some((a) => a.slug === slug)) {
      fields.fail('speakers', `Speaker "${slug}" is listed twice.`);
      return [];
    }
    assignments.push({ slug, role });
  }
  return assignments;
}

export function validateNewWebinar(input: Input, defaultZone: string, now?: DateTime): Validated<WebinarInput> {
  const fields = new FieldReader(input, now);
  const title = fields.text('title', 'Title', { required: true, max: 200 });
  const slug = fields.has('slug') ? fields.slug('slug', 'Slug') : '';
  const areaSlug = fields.optionalText('areaSlug', 'Knowledge area', { max: 80 });
  const abstract = fields.text('abstract', 'Abstract', { max: 5000, multiline: true });
  const titleSv = fields.optionalText('titleSv', SWEDISH_TITLE, { max: 200 });
  const abstractSv = fields.optionalText('abstractSv', SWEDISH_ABSTRACT, { max: 5000, multiline: true });
  const start = readStart(fields, defaultZone, true);
  const durationMinutes = fields.integer('durationMinutes', 'Duration (minutes)', { required: true, min: 5, max: 1440 });
  const capacity = fields.integer('capacity', 'Capacity', { min: 1, max: 100_000 });
  const joinUrl = fields.url('joinUrl', 'Join link', { httpsOnly: true });
  const speakerJoinUrl = fields.url('speakerJoinUrl', 'Speakers’ join link', { httpsOnly: true });
  const techCheckMinutes = fields.integer('techCheckMinutes', 'Technical check (minutes before)', { min: 0, max: 240 }) ?? 30;
  const registrationClosesMinutesBefore =
    fields.integer('registrationClosesMinutesBefore', 'Registration closes (minutes before)', { min: 0, max: 60 * 24 * 60 }) ?? 0;
  const status = fields.choice('status', 'Status', WEBINAR_STATUSES, { required: false }) ?? 'draft';
  const speakers = readSpeakers(fields);
  if (!fields.ok || !start || durationMinutes === null) return fields.failure();
  return {
    ok: true,
    value: {
      slug,
      title,
      areaSlug,
      abstract,
      titleSv,
      abstractSv,
      start,
      durationMinutes,
      capacity,
      joinUrl,
      speakerJoinUrl,
      techCheckMinutes,
      registrationClosesMinutesBefore,
      status,
      speakers,
    },
  };
}

/** A partial update: only the fields present in the input are checked and changed. */
export function validateWebinarPatch(input: Input, currentZone: string, now?: DateTime): Validated<Partial<WebinarInput>> {
  const fields = new FieldReader(input, now);
  const patch: Partial<WebinarInput> = {};
  if ('title' in input) patch.title = fields.text('title', 'Title', { required: true, max: 200 });
  if ('areaSlug' in input) patch.areaSlug = fields.optionalText('areaSlug', 'Knowledge area', { max: 80 });
  if ('abstract' in input) patch.abstract = fields.text('abstract', 'Abstract', { max: 5000, multiline: true });
  // Null or empty takes a Swedish text away (readers of Swedish get the English again).
  if ('titleSv' in input) patch.titleSv = fields.optionalText('titleSv', SWEDISH_TITLE, { max: 200 });
  if ('abstractSv' in input) patch.abstractSv = fields.optionalText('abstractSv', SWEDISH_ABSTRACT, { max: 5000, multiline: true });
  if ('start' in input || 'timezone' in input || 'offset' in input) {
    if (!('start' in input)) fields.fail('start', 'Give the start as a local date-time together with the time zone.');
    else {
      const start = readStart(fields, currentZone, true);
      if (start) patch.start = start;
    }
  }
  if ('durationMinutes' in input) {
    const duration = fields.integer('durationMinutes', 'Duration (minutes)', { required: true, min: 5, max: 1440 });
    if (duration !== null) patch.durationMinutes = duration;
  }
  if ('capacity' in input) patch.capacity = fields.integer('capacity', 'Capacity', { min: 1, max: 100_000 });
  if ('joinUrl' in input) patch.joinUrl = fields.url('joinUrl', 'Join link', { httpsOnly: true });
  if ('speakerJoinUrl' in input) patch.speakerJoinUrl = fields.url('speakerJoinUrl', 'Speakers’ join link', { httpsOnly: true });
  if ('techCheckMinutes' in input) {
    const minutes = fields.integer('techCheckMinutes', 'Technical check (minutes before)', { required: true, min: 0, max: 240 });
    if (minutes !== null) patch.techCheckMinutes = minutes;
  }
  if ('registrationClosesMinutesBefore' in input) {
    const minutes = fields.integer('registrationClosesMinutesBefore', 'Registration closes (minutes before)', { required: true, min: 0, max: 60 * 24 * 60 });
    if (minutes !== null) patch.registrationClosesMinutesBefore = minutes;
  }
  if ('status' in input) {
    const status = fields.choice('status', 'Status', WEBINAR_STATUSES);
    if (status) patch.status = status;
  }
  if ('speakers' in input) patch.speakers = readSpeakers(fields);
  if (!fields.ok) return fields.failure();
  return { ok: true, value: patch };
}
