// The coordinators' access, in one entry point: accounts, sessions, invitations, API tokens, and
// the first coordinator at start-up.
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { lockName } from '../db/dialect.js';
import { inTransaction } from '../db/transaction.js';
import { isEmail } from '../validation.js';
import { passwordProblem } from './auth.validation.js';
import { countCoordinators, deleteUnusedSetupInvites } from './coordinator.repository.js';
import { normalizeEmail, prepareCoordinator, storeCoordinator } from './coordinator.service.js';
import { createInvite, INVITE_VALID_DAYS } from './invite.service.js';

export { authenticate, createCoordinator, hasCoordinators, listCoordinators, normalizeEmail } from './coordinator.service.js';
export { createSession, deleteSession, findSession, SESSION_IDLE_HOURS, SESSION_MAX_DAYS } from './session.service.js';
export { acceptInvite, checkInvite, createInvite, inviteRefusal, listPendingInvites, INVITE_VALID_DAYS } from './invite.service.js';
export { API_TOKEN_PREFIX, createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from './api-token.service.js';
export type * from './auth.types.js';

export type BootstrapOptions = { adminEmail?: string; adminPassword?: string; baseUrl: string };
export type BootstrapResult = { message: string | null; error?: string };

/**
 * Makes sure someone can sign in to a new hub. With ADMIN_EMAIL and ADMIN_PASSWORD it creates that
 * coordinator; otherwise it prints a one-time setup link. Does nothing once a coordinator exists.
 */
export async function bootstrapCoordinators(db: Db, clock: Clock, options: BootstrapOptions): Promise<BootstrapResult> {
  if ((await countCoordinators(db)) > 0) return { message: null };
  const email = options.adminEmail?.trim() ? normalizeEmail(options.adminEmail) : undefined;
  const password = options.adminPassword ? options.adminPassword : undefined;

  if (password !== undefined && email === undefined) {
    return { message: null, error: 'ADMIN_PASSWORD is set but ADMIN_EMAIL is not: set both, or neither to get a one-time setup link.' };
  }
  if (email !== undefined && !isEmail(email)) {
    return { message: null, error: `ADMIN_EMAIL must be an email address such as admin@example.org, got "${options.adminEmail}".` };
  }
  if (email !== undefined && password !== undefined) {
    const problem = passwordProblem(password, 'ADMIN_PASSWORD');
    if (problem) return { message: null, error: problem };
    const row = await prepareCoordinator(db, clock, { name: email.split('@')[0]!, email, password });
    // Instances starting together on a new database: the first creates the account, the others see it.
    const created = await inTransaction(db, async (trx) => {
      await lockName(trx, 'first-coordinator');
      if ((await countCoordinators(trx)) > 0) return false;
      await storeCoordinator(trx, row);
      return true;
    });
    return { message: created ? `Created coordinator ${email} from ADMIN_EMAIL.` : null };
  }

  // Only the newest setup link works: a link printed at an earlier start may sit in an old log.
  // (Instances starting together each print one, and the last one printed works.)
  const token = await inTransaction(db, async (trx) => {
    await lockName(trx, 'first-coordinator');
    if ((await countCoordinators(trx)) > 0) return null;
    await deleteUnusedSetupInvites(trx);
    return createInvite(trx, clock, { invitedBy: null, email: email ?? null });
  });
  if (token === null) return { message: null };
  const url = `${options.baseUrl.replace(/\/+$/, '')}/admin/setup/${token}`;
  const forWhom = email ? ` for ${email}` : '';
  return { message: `No coordinator account yet. Create the first one${forWhom} at ${url} (the link works once, for ${INVITE_VALID_DAYS} days).` };
}
