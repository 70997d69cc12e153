// Turns the workspace's webinar form into the input the domain validates, and a webinar back into
// form values.
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
import type { FieldErrors } from '../errors.js';
import type { Webinar } from '../programme/programme.types.js';
import { readSpeakers, readStart } from '../programme/webinar.validation.js';
import { formatOffset } from '../time/index.js';
import { FieldReader, type Input } from '../validation.js';
import type { AssistantRequest } from './scheduling.js';
import { ROLE_FIELD_PREFIX } from '../../views/admin/webinars/webinar-form.js';
import type { FormValues } from '../../views/components/form-kit.js';

/** The form's own controls and the assistant's fields, which are no part of the webinar. */
const ASSISTANT_FIELDS = ['_csrf', 'intent', 'suggestFrom', 'suggestTo', 'useStart'];

/** Role selects (role_<slug>) become the `speakers` list; empty optional fields are left out. */
export function webinarInputFromForm(form: Input): Input {
  const input: Input = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith(ROLE_FIELD_PREFIX) || ASSISTANT_FIELDS.includes(key)) continue;
    input[key] = value;
  }
  // An unknown slug stays in, so that validation names it rather than dropping it silently.
  input.speakers = Object.entries(form)
    .filter(([key, value]) => key.startsWith(ROLE_FIELD_PREFIX) && typeof value === 'string' && value !== '')
    .map(([key, role]) => ({ slug: key.slice(ROLE_FIELD_PREFIX.length), role }));
  for (const optional of ['capacity', 'joinUrl', 'speakerJoinUrl', 'areaSlug', 'offset', 'titleSv', 'abstractSv'])
    if (input[optional] === '') input[optional] = null;
  return input;
}

export function formValuesFromWebinar(webinar: Webinar): FormValues {
  const values: FormValues = {
    title: webinar.title,
    slug: webinar.slug,
    areaSlug: webinar.area?.slug ?? '',
    abstract: webinar.abstract,
    titleSv: webinar.titleSv ?? '',
    abstractSv: webinar.abstractSv ?? '',
    start: webinar.start.local,
    timezone: webinar.start.zone,
    offset: webinar.start.offsetMinutes === null ? '' : formatOffset(webinar.start.offsetMinutes),
    durationMinutes: String(webinar.durationMinutes),
    capacity: webinar.capacity === null ? '' : String(webinar.capacity),
    registrationClosesMinutesBefore: String(webinar.registrationClosesMinutesBefore),
    joinUrl: webinar.joinUrl ?? '',
    speakerJoinUrl: webinar.speakerJoinUrl ?? '',
    techCheckMinutes: String(webinar.techCheckMinutes),
    status: webinar.status,
  };
  for (const speaker of webinar.speakers) values[`${ROLE_FIELD_PREFIX}${speaker.slug}`] = speaker.role;
  return values;
}

/**
 * What the scheduling assistant needs from an unsaved form, read on its own so that "Suggest
 * times" works before the title and the rest are filled in: the speakers chosen, the duration and
 * the technical check (both required to be sensible), and the start when one is entered. A start
 * that cannot be read is reported but does not stop the suggestions.
 */
export function assistantRequestFromForm(
  form: Input,
  defaultZone: string,
  language: Language = currentLanguage(),
): { request?: AssistantRequest; errors: FieldErrors } {
  const input = webinarInputFromForm(form);
  const fields = new FieldReader(input, undefined, language);
  const durationMinutes = fields.integer('durationMinutes', fields.say('workspacePages.webinars.form.duration'), { required: true, min: 5, max: 1440 });
  const techCheckMinutes = fields.integer('techCheckMinutes', fields.say('workspacePages.webinars.form.techCheckBefore'), { min: 0, max: 240 }) ?? 0;
  const speakers = readSpeakers(fields);
  const start = readStart(fields, defaultZone, false);
  if (durationMinutes === null || fields.errors.techCheckMinutes || fields.errors.speakers) return { errors: fields.errors };
  return { request: { start: start ?? undefined, durationMinutes, techCheckMinutes, speakerSlugs: speakers.map((s) => s.slug) }, errors: fields.errors };
}
