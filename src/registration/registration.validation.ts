// Checks what a visitor sends to register (form or JSON): one message per field, nothing thrown.
import type { OrganisationType } from '../db/schema.js';
import type { DateTime } from 'luxon';
import type { Validated } from '../errors.js';
import { t, translate } from '../i18n/catalogue.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { FieldReader, type Input } from '../validation.js';

const TYPES: readonly OrganisationType[] = ['large-company', 'startup', 'academia', 'public-sector', 'other'];

/** The organisation types in order, labelled in English (see organisationTypeLabel for the reader's language). */
export const ORGANISATION_TYPES: ReadonlyArray<{ value: OrganisationType; label: string }> = TYPES.map((value) => ({
  value,
  label: translate('en', `registration.organisationType.${value}`),
}));

/** The type's name in the language being rendered. */
export function organisationTypeLabel(type: OrganisationType): string {
  return TYPES.includes(type) ? t(`registration.organisationType.${type}`) : type;
}

/** The organisation types in order, labelled in the language being rendered (the registration form's choices). */
export function organisationTypeOptions(): Array<{ value: OrganisationType; label: string }> {
  return TYPES.map((value) => ({ value, label: t(`registration.organisationType.${value}`) }));
}

export type RegistrationInput = {
  name: string;
  email: string;
  organisation: string;
  organisationType: OrganisationType;
  timezone: string;
  question: string | null;
  /** The language asked for (the API's optional `language`); the request's language when absent. */
  language?: Language;
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

/** `readerLanguage`: the reader's, in which the zone may be typed ("Norge") and its choices are labelled. */
export function validateRegistration(input: Input, now?: DateTime, readerLanguage?: Language): Validated<RegistrationInput> {
  const fields = new FieldReader(input, now, readerLanguage);
  const name = fields.text('name', t('registration.field.name'), { required: true, max: 120 });
  const email = fields.email('email', t('registration.field.email'));
  const organisation = fields.text('organisation', t('registration.field.organisation'), { required: true, max: 160 });
  const organisationType = fields.choice('organisationType', t('registration.field.organisationType'), TYPES);
  // Names and organisations go into emails to the address typed, which may be someone else's: a
  // web address there would let a stranger send a link in the programme's name.
  if (looksLikeWebAddress(name)) fields.fail('name', t('registration.error.nameWebAddress'));
  if (looksLikeWebAddress(organisation)) fields.fail('organisation', t('registration.error.organisationWebAddress'));
  const timezone = fields.zone('timezone', t('registration.field.timezone'));
  const question = fields.optionalText('question', t('registration.field.question'), { max: 2000, multiline: true });
  if (!fields.boolean('consent')) fields.fail('consent', t('registration.error.consent'));
  if (fields.has(HONEYPOT_FIELD)) fields.fail('form', t('registration.error.honeypot'));
  const language = fields.choice('language', t('registration.field.language'), LANGUAGES, { required: false });
  if (!fields.ok || !organisationType) return fields.failure();
  const value: RegistrationInput = { name, email, organisation, organisationType, timezone, question };
  return { ok: true, value: language ? { ...value, language } : value };
}

/** The webinars chosen on the programme page's series form: one or more slugs. */
export function validateSeriesSelection(input: Input): Validated<string[]> {
  const raw = input.webinars;
  const list = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  if (list.length === 0) return { ok: false, errors: { webinars: t('registration.error.noWebinar') } };
  if (list.length > 50 || list.some((slug) => !/^[a-z0-9-]{1,80}$/.test(slug)))
    return { ok: false, errors: { webinars: t('registration.error.webinarChoice') } };
  return { ok: true, value: [...new Set(list)] };
}
