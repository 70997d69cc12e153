import { describe, expect, it } from 'vitest';
import { createCoordinator } from '../../src/auth/auth.service.js';
import { form } from '../helpers/forms.js';
import { TEST_PASSWORD, signInAsCoordinator } from '../helpers/admin-session.js';
import { anotherAuthInstance, buildAuthTestApp, sessionCookieFrom, type AuthTestApp } from './auth-test-app.js';

const MARIA = { name: 'Maria Berg', email: 'maria@example.org', password: TEST_PASSWORD };

async function withMaria(options: Parameters<typeof buildAuthTestApp>[0] = {}) {
  const ctx = await buildAuthTestApp(options);
  const maria = await createCoordinator(ctx.db, ctx.clock, MARIA);
  return { ...ctx, maria };
}

function signIn(ctx: AuthTestApp, email: string, password: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return ctx.app.request('/admin/login', form({ email, password, ...extra }, headers));
}

const sessionCount = async (ctx: AuthTestApp) => (await ctx.db.selectFrom('coordinator_session').selectAll().execute()).length;

describe('the sign-in page', () => {
  it('shows a labelled form that remembers where to go next', async () => {
    const ctx = await withMaria();
    const response = await ctx.app.request('/admin/login?next=%2Fadmin%2Fwebinars');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<input type="hidden" name="next" value="/admin/webinars"/>');
    expect(html).toContain('<label for="login-email">Email</label>');
    expect(html).toContain('<label for="login-password">Password</label>');
    expect(html).toContain('autocomplete="current-password"');
    expect(html).not.toContain('There is no coordinator account yet');
  });

  it('tells a new hub where the setup link is', async () => {
    const ctx = await buildAuthTestApp();
    expect(await (await ctx.app.request('/admin/login')).text()).toContain('There is no coordinator account yet.');
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax, Secure session cookie for 7 days and goes to the workspace', async () => {
    const ctx = await withMaria();
    const response = await signIn(ctx, ' Maria@Example.org ', TEST_PASSWORD);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie.replace(/^hub_session=[A-Za-z0-9_-]{43};/, 'hub_session=ID;')).toBe(
      'hub_session=ID; Max-Age=604800; Path=/; HttpOnly; Secure; SameSite=Lax',
    );

    const sessionId = sessionCookieFrom(response).slice('hub_session='.length);
    const rows = await ctx.db.selectFrom('coordinator_session').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_lookup).not.toBe(sessionId);
    expect(rows[0]).toMatchObject({
      coordinator_id: ctx.maria.id,
      created_at: '2027-02-01T12:00:00Z',
      last_seen_at: '2027-02-01T12:00:00Z',
      expires_at: '2027-02-08T12:00:00Z',
    });
    expect(await ctx.db.selectFrom('coordinator').select('last_login_at').where('id', '=', ctx.maria.id).executeTakeFirst()).toEqual({
      last_login_at: '2027-02-01T12:00:00Z',
    });

    const dashboard = await ctx.app.request('/admin', { headers: { cookie: sessionCookieFrom(response) } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toBe('Dashboard of Maria Berg');
  });

  it('returns to a local next path, and to /admin for anything that leaves the site', async () => {
    const ctx = await withMaria();
    expect((await signIn(ctx, MARIA.email, TEST_PASSWORD, { next: '/admin/webinars?status=draft' })).headers.get('location')).toBe(
      '/admin/webinars?status=draft',
    );
    for (const next of ['//evil.example/admin', 'https://evil.example/', '/\\evil.example', 'admin', 'javascript:alert(1)']) {
      expect((await signIn(ctx, MARIA.email, TEST_PASSWORD, { next })).headers.get('location')).toBe('/admin');
    }
  });

  it('answers 422 with the same message for a wrong password and an unknown address, and starts no session', async () => {
    const ctx = await withMaria();
    for (const [email, password] of [
      [MARIA.email, 'not the password'],
      ['nobody@example.org', TEST_PASSWORD],
    ] as const) {
      const response = await signIn(ctx, email, password);
      expect(response.status).toBe(422);
      expect(response.headers.get('set-cookie')).toBeNull();
      const html = await response.text();
      expect(html).toContain('<div class="notice error" role="alert" tabindex="-1" id="login-errors">Email or password is wrong.</div>');
      expect(html).toContain(`value="${email}"`);
      expect(html).not.toContain(password);
    }
    expect(await sessionCount(ctx)).toBe(0);
  });

  it('asks for both fields, linking each error to its field', async () => {
    const ctx = await withMaria();
    const response = await signIn(ctx, '', '');
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<a href="#login-email">Email is required.</a>');
    expect(html).toContain(
      'aria-invalid="true" aria-describedby="login-password-error"/><span class="error" id="login-password-error">Password is required.</span>',
    );
  });

  it('refuses a sign-in form posted from another site', async () => {
    const ctx = await withMaria();
    const response = await signIn(ctx, MARIA.email, TEST_PASSWORD, {}, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('This form was sent from another site, so it was refused.');
    expect(await sessionCount(ctx)).toBe(0);
    expect((await signIn(ctx, MARIA.email, TEST_PASSWORD, {}, { origin: 'https://hub.example.org' })).status).toBe(303);
    expect((await signIn(ctx, MARIA.email, TEST_PASSWORD, {}, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  });

  it('replaces the session a browser already had, so a planted session id is worthless', async () => {
    const ctx = await withMaria();
    const before = await signInAsCoordinator(ctx, { email: MARIA.email });
    const response = await signIn(ctx, MARIA.email, TEST_PASSWORD, {}, { cookie: before.cookie });
    expect(sessionCookieFrom(response)).not.toBe(before.cookie);
    expect(await sessionCount(ctx)).toBe(1);
    expect((await ctx.app.request('/admin/probe', { headers: { cookie: before.cookie } })).status).toBe(303);
  });
});

describe('throttling failed sign-ins', () => {
  it('refuses the sixth attempt within 15 minutes with 429, even with the right password, until the window passes', async () => {
    const ctx = await withMaria();
    for (let i = 0; i < 5; i++) expect((await signIn(ctx, MARIA.email, `wrong guess ${i}`)).status).toBe(422);

    const blocked = await signIn(ctx, MARIA.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('Too many failed sign-ins, try again in 15 minutes.');
    expect(await sessionCount(ctx)).toBe(0);

    ctx.clock.advance(14);
    expect(await (await signIn(ctx, MARIA.email, TEST_PASSWORD)).text()).toContain('Too many failed sign-ins, try again in 1 minute.');

    ctx.clock.advance(1);
    const allowed = await signIn(ctx, MARIA.email, TEST_PASSWORD);
    expect(allowed.status).toBe(303);
    expect(await sessionCount(ctx)).toBe(1);
  });

  it('counts failures per client address across different email addresses', async () => {
    const ctx = await withMaria();
    for (let i = 0; i < 5; i++) expect((await signIn(ctx, `guess${i}@example.org`, 'whatever it is')).status).toBe(422);
    const blocked = await signIn(ctx, MARIA.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await sessionCount(ctx)).toBe(0);
  });

  it('lets failures older than the window drop out one by one', async () => {
    const ctx = await withMaria();
    for (let i = 0; i < 5; i++) {
      expect((await signIn(ctx, MARIA.email, 'wrong again')).status).toBe(422);
      ctx.clock.advance(2);
    }
    // Failures at 0, 2, 4, 6, 8 minutes; now 10: the first leaves the window at 15.
    expect(await (await signIn(ctx, MARIA.email, TEST_PASSWORD)).text()).toContain('try again in 5 minutes.');
    ctx.clock.advance(5);
    expect((await signIn(ctx, MARIA.email, TEST_PASSWORD)).status).toBe(303);
  });

  it('throttles the client on every instance of the hub once its failures through either reach the limit', async () => {
    const ctx = await withMaria();
    const other = anotherAuthInstance(ctx);
    for (let i = 0; i < 3; i++) expect((await signIn(ctx, MARIA.email, `wrong on one ${i}`)).status).toBe(422);
    for (let i = 0; i < 2; i++) expect((await signIn(other, MARIA.email, `wrong on the other ${i}`)).status).toBe(422);

    for (const instance of [ctx, other]) {
      const blocked = await signIn(instance, MARIA.email, TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(await blocked.text()).toContain('Too many failed sign-ins, try again in 15 minutes.');
    }
    expect(await sessionCount(ctx)).toBe(0);

    ctx.clock.advance(15);
    expect((await signIn(other, MARIA.email, TEST_PASSWORD)).status).toBe(303);
    expect(await sessionCount(ctx)).toBe(1);
  });
});

describe('sessions', () => {
  it('end after 12 hours without a request', async () => {
    const ctx = await withMaria();
    const cookie = sessionCookieFrom(await signIn(ctx, MARIA.email, TEST_PASSWORD));
    ctx.clock.advance(11 * 60 + 59);
    expect((await ctx.app.request('/admin/probe', { headers: { cookie } })).status).toBe(200);
    // The request above counts as activity: the idle limit starts again from it.
    ctx.clock.advance(11 * 60 + 59);
    expect((await ctx.app.request('/admin/probe', { headers: { cookie } })).status).toBe(200);
    ctx.clock.advance(12 * 60);
    const expired = await ctx.app.request('/admin/probe', { headers: { cookie } });
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fprobe');
    expect(expired.headers.get('set-cookie')).toBe('hub_session=; Max-Age=0; Path=/');
    expect(await sessionCount(ctx)).toBe(0);
  });

  it('end 7 days after sign-in however active the coordinator is', async () => {
    const ctx = await withMaria();
    const cookie = sessionCookieFrom(await signIn(ctx, MARIA.email, TEST_PASSWORD));
    for (let hours = 11; hours < 7 * 24; hours += 11) {
      ctx.clock.advance(11 * 60);
      expect((await ctx.app.request('/admin/probe', { headers: { cookie } })).status).toBe(200);
    }
    ctx.clock.set('2027-02-08T11:59:59Z');
    expect((await ctx.app.request('/admin/probe', { headers: { cookie } })).status).toBe(200);
    ctx.clock.set('2027-02-08T12:00:00Z');
    expect((await ctx.app.request('/admin/probe', { headers: { cookie } })).status).toBe(303);
    expect(await sessionCount(ctx)).toBe(0);
  });

  it('ignore cookies that are not session ids', async () => {
    const ctx = await withMaria();
    for (const cookie of ['hub_session=', 'hub_session=abc', `hub_session=${'A'.repeat(43)}`, 'hub_session=%E0%A4%A']) {
      expect((await ctx.app.request('/admin/probe', { headers: { cookie } })).status).toBe(303);
    }
  });
});

describe('signing out', () => {
  it('deletes the session and the cookie and goes to the sign-in page', async () => {
    const ctx = await withMaria();
    const session = await signInAsCoordinator(ctx, { email: MARIA.email });
    const response = await ctx.app.request('/admin/logout', session.form({}));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/login');
    expect(response.headers.get('set-cookie')).toBe('hub_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax');
    expect(await sessionCount(ctx)).toBe(0);
    expect((await ctx.app.request('/admin/probe', { headers: session.headers() })).status).toBe(303);
  });

  it('needs the CSRF token, so another site cannot sign a coordinator out', async () => {
    const ctx = await withMaria();
    const session = await signInAsCoordinator(ctx, { email: MARIA.email });
    const response = await ctx.app.request('/admin/logout', form({}, session.headers()));
    expect(response.status).toBe(403);
    expect(await sessionCount(ctx)).toBe(1);
  });
});

describe('the guard for anonymous visitors', () => {
  it('sends a GET to the sign-in page with the path and query to come back to', async () => {
    const ctx = await withMaria();
    const response = await ctx.app.request('/admin/probe?tab=drafts&page=2');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fprobe%3Ftab%3Ddrafts%26page%3D2');
  });

  it('answers a POST with 401 and an error page', async () => {
    const ctx = await withMaria();
    const response = await ctx.app.request('/admin/probe', form({ title: 'x' }));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<h1>Sign-in required</h1>');
    expect(html).toContain('You are not signed in, or your session has ended. Sign in and send the form again.');
  });

  it('marks signed-in pages as not cacheable', async () => {
    const ctx = await withMaria();
    const session = await signInAsCoordinator(ctx, { email: MARIA.email });
    const response = await ctx.app.request('/admin/probe', { headers: session.headers() });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({ coordinator: { id: ctx.maria.id, email: MARIA.email, name: MARIA.name } });
  });
});
