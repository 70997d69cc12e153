// API tokens for coordinators' scripts: `hub_` and 256 random bits, shown once, stored as a hash.
import type { Clock } from '../clock.js';
import { message } from '../i18n/message.js';
import type { Db } from '../db/connection.js';
import { NotFoundError } from '../errors.js';
import { toStoredInstant, utc } from '../time/index.js';
import { generateToken, tokenLookup } from '../security/tokens.js';
import type { ApiToken, CoordinatorIdentity } from './auth.types.js';
import { findApiTokenById, findApiTokenByLookup, insertApiToken, listApiTokenRows, setApiTokenLastUsed, setApiTokenRevoked } from './api-token.repository.js';

// The prefix makes a leaked token recognisable to people and to secret scanners.
export const API_TOKEN_PREFIX = 'hub_';
const API_TOKEN_PATTERN = /^hub_[A-Za-z0-9_-]{43}$/;

/** Returns the raw token; it cannot be recovered later. */
export async function createApiToken(db: Db, clock: Clock, coordinatorId: number, name: string): Promise<string> {
  const token = API_TOKEN_PREFIX + generateToken();
  await insertApiToken(db, {
    coordinator_id: coordinatorId,
    name,
    token_lookup: tokenLookup(token),
    created_at: toStoredInstant(clock.now()),
    last_used_at: null,
    revoked_at: null,
  });
  return token;
}

export async function listApiTokens(db: Db): Promise<ApiToken[]> {
  return (await listApiTokenRows(db)).map((row) => ({
    id: row.id,
    name: row.name,
    coordinatorId: row.coordinator_id,
    coordinatorName: row.coordinator_name,
    createdAt: utc(row.created_at),
    lastUsedAt: row.last_used_at ? utc(row.last_used_at) : null,
    revokedAt: row.revoked_at ? utc(row.revoked_at) : null,
  }));
}

/** Revoking twice is harmless; an unknown id is a NotFoundError. */
export async function revokeApiToken(db: Db, clock: Clock, id: number): Promise<void> {
  if (!(await findApiTokenById(db, id))) throw new NotFoundError(message('refusals.auth.noToken'));
  await setApiTokenRevoked(db, id, toStoredInstant(clock.now()));
}

/** The token's owner when the token exists and is not revoked; records the use. */
export async function verifyApiToken(db: Db, clock: Clock, raw: string): Promise<CoordinatorIdentity | undefined> {
  if (!API_TOKEN_PATTERN.test(raw)) return undefined;
  const row = await findApiTokenByLookup(db, tokenLookup(raw));
  if (!row || row.revoked_at !== null) return undefined;
  await setApiTokenLastUsed(db, row.id, toStoredInstant(clock.now()));
  return { id: row.coordinator_id, email: row.email, name: row.coordinator_name };
}
