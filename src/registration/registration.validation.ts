// Checks what a visitor sends to register (form or JSON): one message per field, nothing thrown.
import type { OrganisationType } from '../db/schema.js';
import type { DateTime } from 'luxon';
import type { Validated } from '../errors.js';
import { FieldReader, type Input } from '../validation.js';

export const ORGANISATION_TYPES: ReadonlyArray<{ value: OrganisationType; label: string }> = [
  { value: 'large-company', label: 'Large company' },
  { value: 'startup', label: 'Small company or startup' },
  { value: 'academia', label: 'University or research institute' },
  { value: 'public-sector', label: 'Public sector' },
  { value: 'other', label: 'Other' },
];

export function organisationTypeLabel(type: OrganisationType): string {
  return ORGANISATION_TYPES.find((t) => t.value === type)?.label ?? type;
}

export type RegistrationInput = {
  name: string;
  email: string;
  organisation: string;
  organisationType: OrganisationType;
  timezone: string;
  question: string | null;
};

/**
 * "https://…", "www.…" or "evil.example/login": anything a mail client might show as a link.
 * Plain domain-like words without a path ("Volvo.se" is rare as a name; "Example AB" is not) pass.
 */
export function looksLikeWebAddress(text: string): boolean {
  return /[a-z][a-z0-9+.-]*:\/\//i.test(text) || /\bwww\./i.test(text) || /[a-z0-9-]+\.[a-z]{2,}\//i.test(text);
}

/** The honeypot: a field people never see (and never fill); simple bots fill every field. */
export const HONEYPOT_FIELD = 'website';

export function validateRegistration(input: Input, now?: DateTime): Validated<RegistrationInput> {
  const fields = new FieldReader(input, now);
  const name = fields.text('name', 'Name', { required: true, max: 120 });
  const email = fields.email('email', 'Email');
  const organisation = fields.text('organisation', 'Organisation', { required: true, max: 160 });
  const organisationType = fields.choice(
    'organisationType',
    'Organisation type',
    ORGANISATION_TYPES.map((t) => t.value),
  );
  // Names and organisations go into emails to the address typed, which may be someone else's: a
  // web address there would let a stranger send a link in the programme's name.
  if (looksLikeWebAddress(name)) fields.fail('name', 'Please write your name without a web address.');
  if (looksLikeWebAddress(organisation)) fields.fail('organisation', 'Please write the organisation’s name without a web address.');
  const timezone = fields.zone('timezone', 'Time zone');
  const question = fields.optionalText('question', 'Question for the speakers', { max: 2000, multiline: true });
  if (!fields.boolean('consent')) fields.fail('consent', 'Please agree that we store your details for the programme; we cannot register you otherwise.');
  if (fields.has(HONEYPOT_FIELD)) fields.fail('form', 'Your registration could not be accepted. Please reload the page and try again.');
  if (!fields.ok || !organisationType) return fields.failure();
  return { ok: true, value: { name, email, organisation, organisationType, timezone, question } };
}

/** The webinars chosen on the programme page's series form: one or more slugs. */
export function validateSeriesSelection(input: Input): Validated<string[]> {
  const raw = input.webinars;
  const list = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  if (list.length === 0) return { ok: false, errors: { webinars: 'Choose at least one webinar.' } };
  if (list.length > 50 || list.some((slug) => !/^[a-z0-9-]{1,80}$/.test(slug)))
    return { ok: false, errors: { webinars: 'The choice of webinars is not valid.' } };
  return { ok: true, value: [...new Set(list)] };
}
