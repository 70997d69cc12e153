// Signs tests in as a coordinator without going through the sign-in form: a coordinator and a
// session straight from the auth service, and the cookie and CSRF token to send with requests.
import { createApiToken, createCoordinator, createSession } from '../../src/auth/auth.service.js';
import { SESSION_COOKIE } from '../../src/auth/auth.middleware.js';
import { findCoordinatorByEmail } from '../../src/auth/coordinator.repository.js';
import type { Clock } from '../../src/clock.js';
import type { Db } from '../../src/db/connection.js';
import { form } from './forms.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export type AuthTestContext = { db: Db; clock: Clock };

export type AdminSession = {
  /** `hub_session=...`, for the `cookie` header. */
  cookie: string;
  /** The session's CSRF token, for the `_csrf` field or the `x-csrf-token` header. */
  csrf: string;
  coordinatorId: number;
  email: string;
  /** The cookie header plus any others. */
  headers(extra?: Record<string, string>): Record<string, string>;
  /** A form POST carrying the cookie and `_csrf`. */
  form(fields: Record<string, string | string[]>, extraHeaders?: Record<string, string>): RequestInit;
};

/** Signs in as `email` (default coordinator@example.org), creating the coordinator when missing. */
export async function signInAsCoordinator(ctx: AuthTestContext, options: { email?: string; name?: string } = {}): Promise<AdminSession> {
  const email = options.email ?? 'coordinator@example.org';
  const existing = await findCoordinatorByEmail(ctx.db, email);
  const coordinatorId =
    existing?.id ?? (await createCoordinator(ctx.db, ctx.clock, { name: options.name ?? 'Test Coordinator', email, password: TEST_PASSWORD })).id;
  const session = await createSession(ctx.db, ctx.clock, coordinatorId);
  const cookie = `${SESSION_COOKIE}=${session.sessionId}`;
  return {
    cookie,
    csrf: session.csrfToken,
    coordinatorId,
    email,
    headers: (extra = {}) => ({ cookie, ...extra }),
    form: (fields, extraHeaders = {}) => form({ _csrf: session.csrfToken, ...fields }, { cookie, ...extraHeaders }),
  };
}

/** A raw bearer token for the API, owned by `coordinatorId` or by the default test coordinator. */
export async function createTestApiToken(ctx: AuthTestContext, options: { coordinatorId?: number; name?: string } = {}): Promise<string> {
  const coordinatorId = options.coordinatorId ?? (await signInAsCoordinator(ctx)).coordinatorId;
  return createApiToken(ctx.db, ctx.clock, coordinatorId, options.name ?? 'Test script');
}
