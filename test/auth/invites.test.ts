import { describe, expect, it } from 'vitest';
import { acceptInvite, createInvite } from '../../src/auth/auth.service.js';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import { form } from '../helpers/forms.js';
import { signInAsCoordinator } from '../helpers/admin-session.js';
import { buildAuthTestApp, databaseDump, type AuthTestApp } from './auth-test-app.js';

const NEW_COORDINATOR = { name: 'Ingrid Solberg', email: 'ingrid@example.no', password: 'fjord and mountain air', passwordAgain: 'fjord and mountain air' };

async function invite(ctx: AuthTestApp, email = NEW_COORDINATOR.email) {
  const session = await signInAsCoordinator(ctx);
  const response = await ctx.app.request('/admin/coordinators/invite', session.form({ email }));
  const html = await response.text();
  const url = /<code class="copy" id="invite-link">(https:\/\/hub\.example\.org(\/admin\/setup\/([A-Za-z0-9_-]{43})))<\/code>/.exec(html);
  return { session, response, html, url: url?.[1], path: url?.[2], token: url?.[3] };
}

const coordinatorEmails = async (ctx: AuthTestApp) => (await ctx.db.selectFrom('coordinator').select('email').orderBy('id').execute()).map((r) => r.email);

describe('inviting a coordinator', () => {
  it('shows the one-time link on the page and lists the open invitation', async () => {
    const ctx = await buildAuthTestApp();
    const { response, html, url, token, session } = await invite(ctx);
    expect(response.status).toBe(200);
    expect(url).toBeDefined();
    expect(html).toContain('Invitation created for ingrid@example.no. Send them the link below.');
    expect(await databaseDump(ctx.db)).not.toContain(token!);
    const rows = await ctx.db.selectFrom('coordinator_invite').select(['email', 'invited_by', 'created_at', 'expires_at', 'used_at']).execute();
    expect(rows).toEqual([
      { email: 'ingrid@example.no', invited_by: session.coordinatorId, created_at: '2027-02-01T12:00:00Z', expires_at: '2027-02-08T12:00:00Z', used_at: null },
    ]);

    const list = await (await ctx.app.request('/admin/coordinators', { headers: session.headers() })).text();
    expect(list).toContain('<td>ingrid@example.no</td><td>Test Coordinator</td>');
    expect(list).not.toContain(token!);
    expect(list).toContain('<a href="/admin/coordinators" aria-current="page">Coordinators</a>');
  });

  it('refuses an invalid address and an address that already has an account, per field', async () => {
    const ctx = await buildAuthTestApp();
    const bad = await invite(ctx, 'not-an-address');
    expect(bad.response.status).toBe(422);
    expect(bad.html).toContain('<span class="error" id="invite-email-error">Email must be an email address such as name@example.com.</span>');
    expect(bad.html).toContain('aria-describedby="invite-email-hint invite-email-error"');
    const taken = await invite(ctx, 'Coordinator@Example.org');
    expect(taken.response.status).toBe(422);
    expect(taken.html).toContain('coordinator@example.org already has a coordinator account.');
    expect(await ctx.db.selectFrom('coordinator_invite').selectAll().execute()).toEqual([]);
  });
});

describe('accepting an invitation', () => {
  it('creates the account with the invited address, signs in and goes to the workspace', async () => {
    const ctx = await buildAuthTestApp();
    const { path } = await invite(ctx);
    const page = await ctx.app.request(path!);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<h1>Create your coordinator account</h1>');
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(html).toContain('value="ingrid@example.no" autocomplete="username" maxlength="254" readonly=""');

    ctx.clock.advance(60);
    const accepted = await ctx.app.request(path!, form(NEW_COORDINATOR));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/admin');
    const cookie = /^(hub_session=[A-Za-z0-9_-]{43});/.exec(accepted.headers.get('set-cookie') ?? '')?.[1];
    expect((await ctx.app.request('/admin', { headers: { cookie: cookie! } })).status).toBe(200);

    const row = await ctx.db.selectFrom('coordinator').select(['name', 'password_hash']).where('email', '=', 'ingrid@example.no').executeTakeFirstOrThrow();
    expect(row.name).toBe('Ingrid Solberg');
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(await databaseDump(ctx.db)).not.toContain(NEW_COORDINATOR.password);
    expect(await ctx.db.selectFrom('coordinator_invite').select('used_at').execute()).toEqual([{ used_at: '2027-02-01T13:00:00Z' }]);
  });

  it('refuses to use a link twice', async () => {
    const ctx = await buildAuthTestApp();
    const { path } = await invite(ctx);
    expect((await ctx.app.request(path!, form(NEW_COORDINATOR))).status).toBe(303);
    const page = await ctx.app.request(path!);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This invitation link has already been used.');
    const again = await ctx.app.request(path!, form({ ...NEW_COORDINATOR, name: 'Someone else' }));
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await coordinatorEmails(ctx)).toEqual(['coordinator@example.org', 'ingrid@example.no']);
  });

  it('refuses a link after 7 days, and creates nothing', async () => {
    const ctx = await buildAuthTestApp();
    const { path } = await invite(ctx);
    ctx.clock.set('2027-02-08T11:59:00Z');
    expect((await ctx.app.request(path!)).status).toBe(200);
    ctx.clock.set('2027-02-08T12:00:00Z');
    const page = await ctx.app.request(path!);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This invitation link has expired (links are valid for 7 days).');
    expect((await ctx.app.request(path!, form(NEW_COORDINATOR))).status).toBe(410);
    expect(await coordinatorEmails(ctx)).toEqual(['coordinator@example.org']);
  });

  it('answers 404 for a link that never existed', async () => {
    const ctx = await buildAuthTestApp();
    for (const path of [`/admin/setup/${'b'.repeat(43)}`, '/admin/setup/short']) {
      const page = await ctx.app.request(path);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('This invitation link is not valid.');
    }
  });

  it('shows every problem next to its field and keeps the invitation usable', async () => {
    const ctx = await buildAuthTestApp();
    const { path } = await invite(ctx);
    const response = await ctx.app.request(path!, form({ name: '', email: 'ingrid@example.no', password: 'too short', passwordAgain: 'too short' }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<strong>2 things to fix:</strong>');
    expect(html).toContain('<a href="#setup-name">Name is required.</a>');
    expect(html).toContain(
      'aria-describedby="setup-password-hint setup-password-error"/><span class="error" id="setup-password-error">Password must be at least 12 characters.</span>',
    );
    expect(html).not.toContain('too short');

    const mismatch = await ctx.app.request(path!, form({ ...NEW_COORDINATOR, passwordAgain: 'fjord and mountain ai' }));
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('<span class="error" id="setup-passwordAgain-error">The two passwords are not the same.</span>');

    const otherAddress = await ctx.app.request(path!, form({ ...NEW_COORDINATOR, email: 'someone@example.org' }));
    expect(otherAddress.status).toBe(422);
    expect(await otherAddress.text()).toContain('This invitation is for ingrid@example.no; ask a coordinator to invite the other address.');

    expect(await coordinatorEmails(ctx)).toEqual(['coordinator@example.org']);
    expect(await ctx.db.selectFrom('coordinator_invite').select('used_at').execute()).toEqual([{ used_at: null }]);
    expect((await ctx.app.request(path!, form(NEW_COORDINATOR))).status).toBe(303);
  });

  it('refuses a setup form posted from another site', async () => {
    const ctx = await buildAuthTestApp();
    const { path } = await invite(ctx);
    expect((await ctx.app.request(path!, form(NEW_COORDINATOR, { origin: 'https://evil.example' }))).status).toBe(403);
    expect(await coordinatorEmails(ctx)).toEqual(['coordinator@example.org']);
  });
});

describe('acceptInvite', () => {
  it('throws NotFoundError, ConflictError or ValidationError instead of creating an account', async () => {
    const ctx = await buildAuthTestApp();
    const input = { name: 'Li Wei', email: 'li.wei@example.cn', password: 'long enough password' };
    await expect(acceptInvite(ctx.db, ctx.clock, 'x'.repeat(43), input)).rejects.toBeInstanceOf(NotFoundError);

    const token = await createInvite(ctx.db, ctx.clock, { invitedBy: null, email: null });
    await expect(acceptInvite(ctx.db, ctx.clock, token, { ...input, password: 'short' })).rejects.toEqual(
      new ValidationError({ password: 'Password must be at least 12 characters.' }),
    );
    const created = await acceptInvite(ctx.db, ctx.clock, token, input);
    expect(created).toMatchObject({ name: 'Li Wei', email: 'li.wei@example.cn', lastLoginAt: null });
    await expect(acceptInvite(ctx.db, ctx.clock, token, { ...input, email: 'second@example.cn' })).rejects.toBeInstanceOf(ConflictError);

    const late = await createInvite(ctx.db, ctx.clock, { invitedBy: created.id, email: 'late@example.org' });
    ctx.clock.advance(7 * 24 * 60);
    await expect(acceptInvite(ctx.db, ctx.clock, late, { ...input, email: 'late@example.org' })).rejects.toBeInstanceOf(ConflictError);
    expect(await coordinatorEmails(ctx)).toEqual(['li.wei@example.cn']);
  });
});
