// Checks what people type to sign in, set up an account, invite a colleague or name an API token.
import type { Validated } from '../errors.js';
import { FieldReader, type Input } from '../validation.js';
import { t } from '../i18n/catalogue.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';

export type NewCoordinatorInput = { name: string; email: string; password: string };
export type SignInInput = { email: string; password: string };

/** Why a new password is refused, or undefined. Counted in characters, not UTF-16 units. */
export function passwordProblem(password: string, label = t('workspace.login.password')): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return t('workspace.password.tooShort', { label, min: MIN_PASSWORD_LENGTH });
  if (length > MAX_PASSWORD_LENGTH) return t('workspace.password.tooLong', { label, max: MAX_PASSWORD_LENGTH });
  return undefined;
}

/** Passwords are taken as typed: trimming would silently change them. */
function rawPassword(fields: FieldReader, field: string): string {
  const value = fields.raw(field);
  return typeof value === 'string' ? value : '';
}

/** A new account: the setup form (with `passwordAgain`) or a direct call (without). */
export function validateNewCoordinator(input: Input): Validated<NewCoordinatorInput> {
  const fields = new FieldReader(input);
  const name = fields.text('name', t('workspace.setup.nameField'), { required: true, max: 120 });
  const email = fields.email('email', t('workspace.login.email'));
  const password = rawPassword(fields, 'password');
  const problem = password === '' ? t('workspace.password.required') : passwordProblem(password);
  if (problem) fields.fail('password', problem);
  else if ('passwordAgain' in input && input.passwordAgain !== password) fields.fail('passwordAgain', t('workspace.password.notSame'));
  if (!fields.ok) return { ok: false, errors: fields.errors };
  return { ok: true, value: { name, email, password } };
}

/** Only presence is checked: anything more specific would tell a guesser which part was wrong. */
export function validateSignIn(input: Input): Validated<SignInInput> {
  const fields = new FieldReader(input);
  const email = fields.text('email', t('workspace.login.email'), { required: true, max: 254 }).toLowerCase();
  const password = rawPassword(fields, 'password');
  if (password === '') fields.fail('password', t('workspace.password.required'));
  else if (password.length > MAX_PASSWORD_LENGTH * 2) fields.fail('password', t('workspace.login.wrong'));
  if (!fields.ok) return { ok: false, errors: fields.errors };
  return { ok: true, value: { email, password } };
}

export function validateInvite(input: Input): Validated<{ email: string }> {
  const fields = new FieldReader(input);
  const email = fields.email('email', 'Email');
  return fields.ok ? { ok: true, value: { email } } : { ok: false, errors: fields.errors };
}

export function validateTokenName(input: Input): Validated<{ name: string }> {
  const fields = new FieldReader(input);
  const name = fields.text('name', 'Name', { required: true, max: 80 });
  return fields.ok ? { ok: true, value: { name } } : { ok: false, errors: fields.errors };
}
