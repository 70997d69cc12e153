// Server-side sessions: the cookie carries a random id, the database only its hash. A session ends
// after 12 hours without use or 7 days after sign-in, whichever comes first.
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { toStoredInstant, utc } from '../time/index.js';
import { generateToken, looksLikeToken, tokenLookup } from '../security/tokens.js';
import type { ActiveSession, NewSession } from './auth.types.js';
import { deleteExpiredSessions, deleteSessionByLookup, findSessionByLookup, insertSession, touchSession } from './session.repository.js';

export const SESSION_IDLE_HOURS = 12;
export const SESSION_MAX_DAYS = 7;
// Writing last_seen_at on every request would turn every page view into a write; a minute is precise enough.
const TOUCH_AFTER_SECONDS = 60;

export async function createSession(db: Db, clock: Clock, coordinatorId: number): Promise<NewSession> {
  const now = clock.now();
  await deleteExpiredSessions(db, toStoredInstant(now), toStoredInstant(now.minus({ hours: SESSION_IDLE_HOURS })));
  const sessionId = generateToken();
  const csrfToken = generateToken();
  const expiresAt = now.plus({ days: SESSION_MAX_DAYS });
  await insertSession(db, {
    id_lookup: tokenLookup(sessionId),
    coordinator_id: coordinatorId,
    csrf_token: csrfToken,
    created_at: toStoredInstant(now),
    expires_at: toStoredInstant(expiresAt),
    last_seen_at: toStoredInstant(now),
  });
  return { sessionId, csrfToken, expiresAt };
}

/** The session behind a cookie value, refreshed; undefined (and deleted) when unknown or expired. */
export async function findSession(db: Db, clock: Clock, sessionId: string): Promise<ActiveSession | undefined> {
  if (!looksLikeToken(sessionId)) return undefined;
  const lookup = tokenLookup(sessionId);
  const row = await findSessionByLookup(db, lookup);
  if (!row) return undefined;
  const now = clock.now();
  const lastSeen = utc(row.last_seen_at);
  if (now >= utc(row.expires_at) || now >= lastSeen.plus({ hours: SESSION_IDLE_HOURS })) {
    await deleteSessionByLookup(db, lookup);
    return undefined;
  }
  if (now.diff(lastSeen, 'seconds').seconds >= TOUCH_AFTER_SECONDS) await touchSession(db, lookup, toStoredInstant(now));
  return { coordinator: { id: row.coordinator_id, email: row.email, name: row.name }, csrfToken: row.csrf_token, expiresAt: utc(row.expires_at) };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  if (looksLikeToken(sessionId)) await deleteSessionByLookup(db, tokenLookup(sessionId));
}
