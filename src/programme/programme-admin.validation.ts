// Checks what coordinators send for speakers, knowledge areas and the programme settings.
import type { DateTime } from 'luxon';
import type { Validated } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/languages.js';
import { normalizeZone } from '../time/index.js';
import { FieldReader, type Input } from '../validation.js';
import type { Area, Programme, Speaker } from './programme.types.js';

// What a coordinator gives is the domain object without what the hub adds (ids, change times).
// An uploaded photo is not part of it: it arrives as a file, on its own (see speaker-photo.service.ts).
export type SpeakerInput = Omit<Speaker, 'id' | 'updatedAt' | 'photo'>;

export type AreaInput = Omit<Area, 'id'>;

export type ProgrammeInput = Omit<Programme, 'updatedAt'>;

const SPEAKER_FIELDS: Record<keyof SpeakerInput, string> = {
  slug: 'slug',
  name: 'name',
  title: 'title',
  organisation: 'organisation',
  city: 'city',
  country: 'country',
  zone: 'timezone',
  bio: 'bio',
  photoUrl: 'photoUrl',
  email: 'email',
  language: 'language',
};

/** `offered`: the languages the hub offers, the only ones a speaker's emails can be in. */
function readSpeaker(fields: FieldReader, input: Input, partial: boolean, offered: readonly Language[]): Partial<SpeakerInput> {
  const present = (key: keyof SpeakerInput) => !partial || SPEAKER_FIELDS[key] in input;
  const value: Partial<SpeakerInput> = {};
  if (present('slug') && fields.has('slug')) value.slug = fields.slug('slug', 'Slug');
  if (present('name')) value.name = fields.text('name', 'Name', { required: true, max: 120 });
  if (present('title')) value.title = fields.text('title', 'Title', { max: 160 });
  if (present('organisation')) value.organisation = fields.text('organisation', 'Organisation', { max: 160 });
  if (present('city')) value.city = fields.text('city', 'City', { required: true, max: 100 });
  if (present('country')) value.country = fields.text('country', 'Country', { required: true, max: 100 });
  if (present('zone')) value.zone = fields.zone('timezone', 'Time zone');
  if (present('bio')) value.bio = fields.text('bio', 'Biography', { max: 3000, multiline: true });
  if (present('photoUrl')) value.photoUrl = fields.url('photoUrl', 'Photo URL', { httpsOnly: true });
  if (present('email')) {
    const email = fields.email('email', 'Email', { required: false });
    value.email = email === '' ? null : email;
  }
  if (present('language')) {
    // A change must name one; a new speaker without one gets the hub's first language.
    const language = fields.choice('language', t('workspacePages.speakers.form.language'), offered, { required: partial });
    if (language) value.language = language;
  }
  return value;
}

/** `offered`: the hub's languages (offeredLanguagesOf(c)), the default first. */
export function validateNewSpeaker(input: Input, now: DateTime | undefined, offered: readonly Language[]): Validated<SpeakerInput> {
  const fields = new FieldReader(input, now);
  const value = readSpeaker(fields, input, false, offered);
  if (!fields.ok) return fields.failure();
  return { ok: true, value: { slug: '', photoUrl: null, email: null, language: offered[0] ?? 'en', ...value } as SpeakerInput };
}

/** `offered`: the hub's languages (offeredLanguagesOf(c)). */
export function validateSpeakerPatch(input: Input, now: DateTime | undefined, offered: readonly Language[]): Validated<Partial<SpeakerInput>> {
  const fields = new FieldReader(input, now);
  const value = readSpeaker(fields, input, true, offered);
  if (!fields.ok) return fields.failure();
  return { ok: true, value };
}

export function validateArea(input: Input): Validated<AreaInput> {
  const fields = new FieldReader(input);
  const name = fields.text('name', 'Name', { required: true, max: 120 });
  const slug = fields.has('slug') ? fields.slug('slug', 'Slug') : '';
  const description = fields.text('description', 'Description', { max: 2000, multiline: true });
  const position = fields.integer('position', 'Position', { min: 0, max: 1000 }) ?? 0;
  if (!fields.ok) return { ok: false, errors: fields.errors };
  return { ok: true, value: { slug, name, description, position } };
}

export function validateProgramme(input: Input, now?: DateTime): Validated<ProgrammeInput> {
  const fields = new FieldReader(input, now);
  const title = fields.text('title', 'Title', { required: true, max: 200 });
  const tagline = fields.text('tagline', 'Tagline', { max: 300 });
  const description = fields.text('description', 'Description', { required: true, max: 5000, multiline: true });
  const organiserName = fields.text('organiserName', 'Organiser', { required: true, max: 200 });
  const organiserEmail = fields.email('organiserEmail', 'Organiser email');
  const defaultZone = fields.zone('defaultZone', 'Programme time zone');
  const audienceZones = readAudienceZones(fields);
  if (!fields.ok) return fields.failure();
  return { ok: true, value: { title, tagline, description, organiserName, organiserEmail, defaultZone, audienceZones } };
}

/** More zones than this is a world-wide audience, which the registrations describe better. */
export const MAX_AUDIENCE_ZONES = 40;

/**
 * The audience zones: IANA names separated by lines, spaces or commas, each checked and spelled
 * canonically, duplicates dropped. Every unknown name is listed in the one message, so that a
 * coordinator who pasted a list fixes it in one go.
 */
function readAudienceZones(fields: FieldReader): string[] {
  const label = 'Audience time zones';
  const text = fields.text('audienceZones', label, { max: 4000, multiline: true });
  const names = text.split(/[\s,]+/).filter((name) => name !== '');
  const unknown = names.filter((name) => !normalizeZone(name));
  if (unknown.length > 0) {
    const listed = unknown.map((name) => `"${name.slice(0, 64)}"`).join(', ');
    fields.fail(
      'audienceZones',
      `${label}: ${listed} ${unknown.length === 1 ? 'is not a known IANA time zone' : 'are not known IANA time zones'}; write them like Asia/Shanghai or America/New_York.`,
    );
    return [];
  }
  const zones = [...new Set(names.map((name) => normalizeZone(name)!))];
  if (zones.length > MAX_AUDIENCE_ZONES) fields.fail('audienceZones', `${label}: list at most ${MAX_AUDIENCE_ZONES} zones; this list has ${zones.length}.`);
  return zones;
}
