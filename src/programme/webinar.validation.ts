// Checks a webinar as a coordinator (form or JSON) describes it, including the time rules.
import type { SpeakerRole, WebinarStatus } from '../db/schema.js';
import type { DateTime } from 'luxon';
import type { Validated } from '../errors.js';
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import { resolveLocalTime, type ZonedTime } from '../time/index.js';
import { FieldReader, type Input } from '../validation.js';

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
  const local = fields.text('start', fields.say('webinarRules.field.start'), { required, max: 40 });
  const zone = fields.has('timezone') ? fields.zone('timezone', fields.say('webinarRules.field.zone')) : defaultZone;
  const offset = fields.text('offset', fields.say('workspacePages.webinars.form.offset'), { max: 10 });
  if (local === '' || zone === '' || fields.errors.start) return null;
  const resolved = resolveLocalTime({ local, zone, offset, language: fields.language });
  if (!resolved.ok) {
    fields.fail(resolved.error.kind === 'zone' ? 'timezone' : resolved.error.kind === 'offset' ? 'offset' : 'start', resolved.error.message);
    return null;
  }
  const date = resolved.value.local.slice(0, 10);
  if (date < EARLIEST_START_DATE || date > LATEST_START_DATE) {
    fields.fail('start', fields.say('webinarRules.start.range', { earliest: EARLIEST_START_DATE, latest: LATEST_START_DATE, date }));
    return null;
  }
  return resolved.value;
}

export function readSpeakers(fields: FieldReader): SpeakerAssignment[] {
  const raw = fields.raw('speakers');
  if (raw === undefined || raw === null || raw === '') return [];
  const list = typeof raw === 'string' ? raw.split(',').map((slug) => ({ slug, role: 'speaker' })) : raw;
  if (!Array.isArray(list) || list.length > 20) {
    fields.fail('speakers', fields.say('webinarRules.speakers.list'));
    return [];
  }
  const assignments: SpeakerAssignment[] = [];
  for (const item of list) {
    const entry = typeof item === 'string' ? { slug: item, role: 'speaker' } : item;
    const slug = typeof entry?.slug === 'string' ? entry.slug.trim() : '';
    const role = entry?.role ?? 'speaker';
    if (!/^[a-z0-9-]{1,80}$/.test(slug) || !SPEAKER_ROLES.includes(role)) {
      fields.fail('speakers', fields.say('webinarRules.speakers.entry', { roles: SPEAKER_ROLES.join(', ') }));
      return [];
    }
    if (assignments.some((a) => a.slug === slug)) {
      fields.fail('speakers', fields.say('webinarRules.speakers.twice', { slug }));
      return [];
    }
    assignments.push({ slug, role });
  }
  return assignments;
}

/**
 * The names of the webinar's fields in the messages, in the language of `fields`: those the form
 * shows under the same name are the form's own words.
 */
function labels(fields: FieldReader) {
  return {
    title: fields.say('workspacePages.webinars.form.title'),
    slug: fields.say('webinarRules.field.slug'),
    area: fields.say('workspacePages.webinars.form.area'),
    abstract: fields.say('workspacePages.webinars.form.abstract'),
    titleSv: fields.say('workspacePages.webinars.form.titleSv'),
    abstractSv: fields.say('workspacePages.webinars.form.abstractSv'),
    duration: fields.say('workspacePages.webinars.form.duration'),
    capacity: fields.say('workspacePages.webinars.form.capacity'),
    joinUrl: fields.say('webinarRules.field.joinUrl'),
    speakerJoinUrl: fields.say('webinarRules.field.speakerJoinUrl'),
    techCheck: fields.say('workspacePages.webinars.form.techCheckBefore'),
    closes: fields.say('webinarRules.field.closes'),
    status: fields.say('workspacePages.webinars.form.status'),
  };
}

/** `language`: of the messages, the request's for the workspace's form (English for the API). */
export function validateNewWebinar(input: Input, defaultZone: string, now?: DateTime, language: Language = currentLanguage()): Validated<WebinarInput> {
  const fields = new FieldReader(input, now, language);
  const label = labels(fields);
  const title = fields.text('title', label.title, { required: true, max: 200 });
  const slug = fields.has('slug') ? fields.slug('slug', label.slug) : '';
  const areaSlug = fields.optionalText('areaSlug', label.area, { max: 80 });
  const abstract = fields.text('abstract', label.abstract, { max: 5000, multiline: true });
  const titleSv = fields.optionalText('titleSv', label.titleSv, { max: 200 });
  const abstractSv = fields.optionalText('abstractSv', label.abstractSv, { max: 5000, multiline: true });
  const start = readStart(fields, defaultZone, true);
  const durationMinutes = fields.integer('durationMinutes', label.duration, { required: true, min: 5, max: 1440 });
  const capacity = fields.integer('capacity', label.capacity, { min: 1, max: 100_000 });
  const joinUrl = fields.url('joinUrl', label.joinUrl, { httpsOnly: true });
  const speakerJoinUrl = fields.url('speakerJoinUrl', label.speakerJoinUrl, { httpsOnly: true });
  const techCheckMinutes = fields.integer('techCheckMinutes', label.techCheck, { min: 0, max: 240 }) ?? 30;
  const registrationClosesMinutesBefore = fields.integer('registrationClosesMinutesBefore', label.closes, { min: 0, max: 60 * 24 * 60 }) ?? 0;
  const status = fields.choice('status', label.status, WEBINAR_STATUSES, { required: false }) ?? 'draft';
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
export function validateWebinarPatch(
  input: Input,
  currentZone: string,
  now?: DateTime,
  language: Language = currentLanguage(),
): Validated<Partial<WebinarInput>> {
  const fields = new FieldReader(input, now, language);
  const label = labels(fields);
  const patch: Partial<WebinarInput> = {};
  if ('title' in input) patch.title = fields.text('title', label.title, { required: true, max: 200 });
  if ('areaSlug' in input) patch.areaSlug = fields.optionalText('areaSlug', label.area, { max: 80 });
  if ('abstract' in input) patch.abstract = fields.text('abstract', label.abstract, { max: 5000, multiline: true });
  // Null or empty takes a Swedish text away (readers of Swedish get the English again).
  if ('titleSv' in input) patch.titleSv = fields.optionalText('titleSv', label.titleSv, { max: 200 });
  if ('abstractSv' in input) patch.abstractSv = fields.optionalText('abstractSv', label.abstractSv, { max: 5000, multiline: true });
  if ('start' in input || 'timezone' in input || 'offset' in input) {
    if (!('start' in input)) fields.fail('start', fields.say('webinarRules.start.withZone'));
    else {
      const start = readStart(fields, currentZone, true);
      if (start) patch.start = start;
    }
  }
  if ('durationMinutes' in input) {
    const duration = fields.integer('durationMinutes', label.duration, { required: true, min: 5, max: 1440 });
    if (duration !== null) patch.durationMinutes = duration;
  }
  if ('capacity' in input) patch.capacity = fields.integer('capacity', label.capacity, { min: 1, max: 100_000 });
  if ('joinUrl' in input) patch.joinUrl = fields.url('joinUrl', label.joinUrl, { httpsOnly: true });
  if ('speakerJoinUrl' in input) patch.speakerJoinUrl = fields.url('speakerJoinUrl', label.speakerJoinUrl, { httpsOnly: true });
  if ('techCheckMinutes' in input) {
    const minutes = fields.integer('techCheckMinutes', label.techCheck, { required: true, min: 0, max: 240 });
    if (minutes !== null) patch.techCheckMinutes = minutes;
  }
  if ('registrationClosesMinutesBefore' in input) {
    const minutes = fields.integer('registrationClosesMinutesBefore', label.closes, { required: true, min: 0, max: 60 * 24 * 60 });
    if (minutes !== null) patch.registrationClosesMinutesBefore = minutes;
  }
  if ('status' in input) {
    const status = fields.choice('status', label.status, WEBINAR_STATUSES);
    if (status) patch.status = status;
  }
  if ('speakers' in input) patch.speakers = readSpeakers(fields);
  if (!fields.ok) return fields.failure();
  return { ok: true, value: patch };
}
