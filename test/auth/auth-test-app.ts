// A small app around the auth routes for these tests: the real error handler and area guards, the
// auth routes, and probes behind the guards, on a fresh database.
import { Hono } from 'hono';
import { authRoutes } from '../../src/auth/auth.routes.js';
import type { SignInLimits } from '../../src/auth/sign-in-throttle.js';
import type { PasswordCheck } from '../../src/auth/sign-in.service.js';
import { fixedClock, type Clock } from '../../src/clock.js';
import type { Db } from '../../src/db/connection.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { readForm } from '../../src/http/body.js';
import type { AppEnv } from '../../src/http/env.js';
import { areaGuards } from '../../src/http/area-guards.js';
import { handleErrors, handleNotFound } from '../../src/http/error-handler.js';
import { resolveClientAddress } from '../../src/http/rate-limit.js';
import { TEST_BASE_URL } from '../helpers/test-app.js';

export const HUB_API_TOKEN = 'env-token-for-the-import-script-0123456789';

/** `checkPassword` replaces the sign-in's password check, e.g. to count how many guesses are evaluated. */
export type AuthTestOptions = { envToken?: string | null; signInLimits?: SignInLimits; checkPassword?: PasswordCheck };

export async function buildAuthTestApp(options: AuthTestOptions & { now?: string } = {}) {
  const clock = fixedClock(options.now ?? '2027-02-01T12:00:00Z');
  const db = await openTestDatabase();
  await seedDatabase(db, clock, { demo: false });
  const logged: Array<{ message: string; error: unknown }> = [];
  const app = authApp(db, clock, logged, options);
  return { app, db, clock, logged };
}

/** A second instance of the hub on the same database and clock, as behind a load balancer. */
export function anotherAuthInstance(ctx: AuthTestApp, options: AuthTestOptions = {}) {
  return { ...ctx, app: authApp(ctx.db, ctx.clock, ctx.logged, options) };
}

function authApp(db: Db, clock: Clock, logged: Array<{ message: string; error: unknown }>, options: AuthTestOptions) {
  const errors = { siteTitle: async () => 'Test hub', log: (message: string, error: unknown) => logged.push({ message, error }) };

  const app = new Hono<AppEnv>();
  app.onError(handleErrors(errors));
  app.notFound(handleNotFound(errors));
  // Behind a proxy, so that a test can be several clients: X-Forwarded-For names the client.
  app.use(resolveClientAddress({ trustProxy: true }));
  // Guarded as in createApp: the area guards in front of every route, which keep /admin/login and
  // /admin/setup reachable.
  app.use(areaGuards({ db, clock, baseUrl: TEST_BASE_URL, apiToken: options.envToken === undefined ? HUB_API_TOKEN : options.envToken }));
  app.route(
    '/',
    authRoutes({ db, clock, baseUrl: TEST_BASE_URL, secureCookies: true, signInLimits: options.signInLimits, checkPassword: options.checkPassword }),
  );

  const admin = new Hono<AppEnv>();
  admin.get('/', (c) => c.text(`Dashboard of ${c.var.coordinator?.name}`));
  admin.get('/probe', (c) => c.json({ coordinator: c.var.coordinator }));
  admin.post('/probe', async (c) => c.json({ coordinator: c.var.coordinator, body: await readForm(c) }));
  app.route('/admin', admin);

  app.get('/api/probe', (c) => c.json({ coordinator: c.var.coordinator }));
  return app;
}

export type AuthTestApp = Awaited<ReturnType<typeof buildAuthTestApp>>;

/** The session id from a sign-in response's Set-Cookie header. */
export function sessionCookieFrom(response: Response): string {
  const match = /^hub_session=([A-Za-z0-9_-]{43});/.exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error(`no session cookie in ${response.headers.get('set-cookie')}`);
  return `hub_session=${match[1]}`;
}

/** Everything stored in every table, as one string: to prove a secret is not in it. */
export async function databaseDump(db: AuthTestApp['db']): Promise<string> {
  const tables = await db.introspection.getTables();
  const rows: unknown[] = [];
  for (const table of tables)
    rows.push(
      await db
        .selectFrom(table.name as never)
        .selectAll()
        .execute(),
    );
  return JSON.stringify(rows);
}
