// What the rest of the hub sees of coordinators, sessions, invitations and API tokens.
import type { DateTime } from 'luxon';

/** Structurally the same as SignedInCoordinator on the HTTP context. */
export type CoordinatorIdentity = { id: number; email: string; name: string };

export type Coordinator = CoordinatorIdentity & { createdAt: DateTime; lastLoginAt: DateTime | null };

/** A new session: `sessionId` goes into the cookie and is never stored. */
export type NewSession = { sessionId: string; csrfToken: string; expiresAt: DateTime };

export type ActiveSession = { coordinator: CoordinatorIdentity; csrfToken: string; expiresAt: DateTime };

export type PendingInvite = { id: number; email: string | null; invitedByName: string | null; createdAt: DateTime; expiresAt: DateTime };

/** An invitation link as its holder sees it before creating the account. */
export type InviteCheck =
  | { state: 'usable'; id: number; email: string | null; firstRun: boolean; expiresAt: DateTime }
  | { state: 'used' | 'expired' | 'unknown' };

export type ApiToken = {
  id: number;
  name: string;
  coordinatorId: number;
  coordinatorName: string;
  createdAt: DateTime;
  lastUsedAt: DateTime | null;
  revokedAt: DateTime | null;
};
