// Coordinator accounts: creating them with a hashed password, and checking a password at sign-in.
import type { Insertable } from 'kysely';
import { message } from '../i18n/message.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { isUniqueViolation } from '../db/dialect.js';
import type { CoordinatorRow, CoordinatorTable } from '../db/schema.js';
import { ValidationError } from '../errors.js';
import { toStoredInstant, utc } from '../time/index.js';
import type { Coordinator, CoordinatorIdentity } from './auth.types.js';
import { validateNewCoordinator, type NewCoordinatorInput } from './auth.validation.js';
import {
  countCoordinators,
  findCoordinatorByEmail,
  insertCoordinator,
  listCoordinatorRows,
  setLastLogin,
  updateCoordinatorLanguage,
} from './coordinator.repository.js';
import { isLanguage, type Language } from '../i18n/languages.js';
import { hashPassword, verifyPassword } from './password.js';

const DUPLICATE_EMAIL = message('refusals.auth.duplicateEmail');

export function toCoordinator(row: CoordinatorRow): Coordinator {
  return { id: row.id, email: row.email, name: row.name, createdAt: utc(row.created_at), lastLoginAt: row.last_login_at ? utc(row.last_login_at) : null };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Validates (ValidationError with one message per field), hashes and stores a new coordinator. */
export async function createCoordinator(db: Db, clock: Clock, input: NewCoordinatorInput): Promise<Coordinator> {
  return storeCoordinator(db, await prepareCoordinator(db, clock, input));
}

/** The row for a new coordinator, validated and with the password hashed: slow, so kept out of transactions. */
export async function prepareCoordinator(db: Db, clock: Clock, input: NewCoordinatorInput): Promise<Insertable<CoordinatorTable>> {
  const validated = validateNewCoordinator({ ...input });
  if (!validated.ok) throw new ValidationError(validated.errors);
  const { name, email, password } = validated.value;
  if (await findCoordinatorByEmail(db, email)) throw new ValidationError({ email: DUPLICATE_EMAIL });
  const now = toStoredInstant(clock.now());
  return { email, name, password_hash: await hashPassword(password), created_at: now, updated_at: now, last_login_at: null };
}

export async function storeCoordinator(db: Db, row: Insertable<CoordinatorTable>): Promise<Coordinator> {
  try {
    return toCoordinator(await insertCoordinator(db, row));
  } catch (error) {
    // The unique index decides when two requests race for the same address.
    if (isUniqueViolation(error)) throw new ValidationError({ email: DUPLICATE_EMAIL });
    throw error;
  }
}

export async function hasCoordinators(db: Db): Promise<boolean> {
  return (await countCoordinators(db)) > 0;
}

export async function listCoordinators(db: Db): Promise<Coordinator[]> {
  return (await listCoordinatorRows(db)).map(toCoordinator);
}

// A real hash of a password nobody knows: an unknown address costs as much time as a wrong password,
// so response times do not reveal which addresses have accounts.
let unknownAccountHash: Promise<string> | undefined;

/** The coordinator when the password is right; undefined otherwise, without saying which part was wrong. */
export async function authenticate(
  db: Db,
  clock: Clock,
  email: string,
  password: string,
): Promise<(CoordinatorIdentity & { language?: Language }) | undefined> {
  const row = await findCoordinatorByEmail(db, normalizeEmail(email));
  if (!row) {
    unknownAccountHash ??= hashPassword('no account has this password');
    await verifyPassword(password, await unknownAccountHash);
    return undefined;
  }
  if (!(await verifyPassword(password, row.password_hash))) return undefined;
  await setLastLogin(db, row.id, toStoredInstant(clock.now()));
  // Their language only if they chose one: otherwise their browser's, as on the sign-in page.
  const language = row.language_chosen_at !== null && isLanguage(row.language) ? row.language : undefined;
  return { id: row.id, email: row.email, name: row.name, ...(language ? { language } : {}) };
}

/** The language the coordinator works in, kept for their next sign-in (on any device). */
export async function setCoordinatorLanguage(db: Db, clock: Clock, id: number, language: Language): Promise<void> {
  await updateCoordinatorLanguage(db, id, language, toStoredInstant(clock.now()));
}
