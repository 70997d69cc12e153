// The registrations admin routes on their own, behind a stand-in for the session guard, so that
// their tests need no sign-in (the guard itself is tested in test/http/access.test.ts).
import { Hono } from 'hono';
import { registrationAdminRoutes } from '../../src/admin/registrations-admin.routes.js';
import type { AppEnv } from '../../src/http/env.js';
import { handleErrors, handleNotFound } from '../../src/http/error-handler.js';
import { buildTestApp, TEST_BASE_URL } from './test-app.js';

export async function buildRegistrationAdminApp() {
  const ctx = await buildTestApp({ registrationRateLimit: { max: 1000, windowMinutes: 10 } });
  const admin = new Hono<AppEnv>();
  const options = { siteTitle: async () => 'Test hub', log: (message: string, error: unknown) => ctx.logged.push({ message, error }) };
  admin.onError(handleErrors(options));
  admin.notFound(handleNotFound(options));
  admin.use(async (c, next) => {
    c.set('coordinator', { id: 1, email: 'c@example.org', name: 'Coordinator' });
    c.set('csrfToken', 'test');
    await next();
  });
  admin.route('/', registrationAdminRoutes({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL }));
  return { ...ctx, admin };
}
