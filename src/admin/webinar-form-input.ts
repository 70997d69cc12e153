// Turns the workspace's webinar form into the input the domain validates, and a webinar back into
// form values.
import type { Webinar } from '../programme/programme.types.js';
import { formatOffset } from '../time/index.js';
import type { Input } from '../validation.js';
import { ROLE_FIELD_PREFIX } from '../../views/admin/webinars/webinar-form.js';
import type { FormValues } from '../../views/components/form-kit.js';

/** Role selects (role_<slug>) become the `speakers` list; empty optional fields are left out. */
export function webinarInputFromForm(form: Input): Input {
  const input: Input = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith(ROLE_FIELD_PREFIX) || key === '_csrf' || key === 'intent') continue;
    input[key] = value;
  }
  // An unknown slug stays in, so that validation names it rather than dropping it silently.
  input.speakers = Object.entries(form)
    .filter(([key, value]) => key.startsWith(ROLE_FIELD_PREFIX) && typeof value === 'string' && value !== '')
    .map(([key, role]) => ({ slug: key.slice(ROLE_FIELD_PREFIX.length), role }));
  for (const optional of ['capacity', 'joinUrl', 'speakerJoinUrl', 'areaSlug', 'offset']) if (input[optional] === '') input[optional] = null;
  return input;
}

export function formValuesFromWebinar(webinar: Webinar): FormValues {
  const values: FormValues = {
    title: webinar.title,
    slug: webinar.slug,
    areaSlug: webinar.area?.slug ?? '',
    abstract: webinar.abstract,
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
