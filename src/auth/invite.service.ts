// Invitations: one-time links, valid for 7 days, with which a new coordinator sets a password. The
// first-run setup link is an invitation without an inviter.
import type { Clock } from '../clock.js';
import { message } from '../i18n/message.js';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/transaction.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Message } from '../i18n/message.js';
import { toStoredInstant, utc } from '../time/index.js';
import { generateToken, looksLikeToken, tokenLookup } from '../security/tokens.js';
import { isEmail } from '../validation.js';
import type { Coordinator, InviteCheck, PendingInvite } from './auth.types.js';
import type { NewCoordinatorInput } from './auth.validation.js';
import {
  claimInvite,
  countCoordinators,
  findCoordinatorByEmail,
  findInviteByLookup,
  insertInvite,
  listPendingInvites as listPendingInviteRows,
} from './coordinator.repository.js';
import { normalizeEmail, prepareCoordinator, storeCoordinator } from './coordinator.service.js';

export const INVITE_VALID_DAYS = 7;

/** Returns the raw token, to be shown once; only its hash is stored. */
export async function createInvite(db: Db, clock: Clock, options: { invitedBy: number | null; email?: string | null }): Promise<string> {
  const email = options.email ? normalizeEmail(options.email) : null;
  if (email !== null) {
    if (!isEmail(email)) throw new ValidationError({ email: message('refusals.auth.notAnEmail') });
    if (await findCoordinatorByEmail(db, email)) throw new ValidationError({ email: message('refusals.auth.hasAccount', { email }) });
  }
  const token = generateToken();
  const now = clock.now();
  await insertInvite(db, {
    token_lookup: tokenLookup(token),
    email,
    invited_by: options.invitedBy,
    created_at: toStoredInstant(now),
    expires_at: toStoredInstant(now.plus({ days: INVITE_VALID_DAYS })),
    used_at: null,
  });
  return token;
}

export async function checkInvite(db: Db, clock: Clock, token: string): Promise<InviteCheck> {
  if (!looksLikeToken(token)) return { state: 'unknown' };
  const row = await findInviteByLookup(db, tokenLookup(token));
  if (!row) return { state: 'unknown' };
  if (row.used_at !== null) return { state: 'used' };
  const expiresAt = utc(row.expires_at);
  if (clock.now() >= expiresAt) return { state: 'expired' };
  return { state: 'usable', id: row.id, email: row.email, firstRun: (await countCoordinators(db)) === 0, expiresAt };
}

/** Why an invitation link cannot be used, for the page that says so in the reader's language. */
export function inviteRefusal(state: Exclude<InviteCheck['state'], 'usable'>): Message {
  if (state === 'used') return message('workspace.invite.used');
  if (state === 'expired') return message('workspace.invite.expired', { days: INVITE_VALID_DAYS });
  return message('workspace.invite.unknown');
}

/**
 * Creates the invited coordinator and uses up the invitation, both or neither. Refuses an unknown
 * (NotFoundError), used or expired (ConflictError) invitation, and invalid input (ValidationError).
 */
export async function acceptInvite(db: Db, clock: Clock, token: string, input: NewCoordinatorInput): Promise<Coordinator> {
  const invite = await checkInvite(db, clock, token);
  if (invite.state === 'unknown') throw new NotFoundError(inviteRefusal('unknown'));
  if (invite.state !== 'usable') throw new ConflictError(inviteRefusal(invite.state));
  if (invite.email !== null && normalizeEmail(input.email) !== invite.email) {
    throw new ValidationError({ email: message('refusals.auth.inviteForOther', { email: invite.email }) });
  }
  const row = await prepareCoordinator(db, clock, input);
  return inTransaction(db, async (trx) => {
    // Claimed inside the transaction: of two simultaneous acceptances only one creates an account.
    if (!(await claimInvite(trx, invite.id, toStoredInstant(clock.now())))) throw new ConflictError(inviteRefusal('used'));
    return storeCoordinator(trx, row);
  });
}

export async function listPendingInvites(db: Db, clock: Clock): Promise<PendingInvite[]> {
  const rows = await listPendingInviteRows(db, toStoredInstant(clock.now()));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    invitedByName: row.invited_by_name,
    createdAt: utc(row.created_at),
    expiresAt: utc(row.expires_at),
  }));
}
