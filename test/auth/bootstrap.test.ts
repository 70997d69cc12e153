import { describe, expect, it } from 'vitest';
import { bootstrapCoordinators } from '../../src/auth/auth.service.js';
import { form } from '../helpers/forms.js';
import { TEST_BASE_URL } from '../helpers/test-app.js';
import { buildAuthTestApp } from './auth-test-app.js';

const SETUP_LINE =
  /^No coordinator account yet\. Create the first one at https:\/\/hub\.example\.org(\/admin\/setup\/[A-Za-z0-9_-]{43}) \(the link works once, for 7 days\)\.$/;

describe('bootstrapCoordinators', () => {
  it('creates the coordinator from ADMIN_EMAIL and ADMIN_PASSWORD, who can then sign in', async () => {
    const ctx = await buildAuthTestApp();
    const result = await bootstrapCoordinators(ctx.db, ctx.clock, {
      adminEmail: ' Admin@Example.org ',
      adminPassword: 'a long enough secret',
      baseUrl: TEST_BASE_URL,
    });
    expect(result).toEqual({ message: 'Created coordinator admin@example.org from ADMIN_EMAIL.' });
    const rows = await ctx.db.selectFrom('coordinator').select(['email', 'name', 'password_hash']).execute();
    expect(rows.map((r) => [r.email, r.name])).toEqual([['admin@example.org', 'admin']]);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);

    const signIn = await ctx.app.request('/admin/login', form({ email: 'admin@example.org', password: 'a long enough secret' }));
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/admin');
  });

  it('does nothing once a coordinator exists', async () => {
    const ctx = await buildAuthTestApp();
    await bootstrapCoordinators(ctx.db, ctx.clock, { adminEmail: 'admin@example.org', adminPassword: 'a long enough secret', baseUrl: TEST_BASE_URL });
    expect(
      await bootstrapCoordinators(ctx.db, ctx.clock, { adminEmail: 'other@example.org', adminPassword: 'another long secret', baseUrl: TEST_BASE_URL }),
    ).toEqual({
      message: null,
    });
    expect(await bootstrapCoordinators(ctx.db, ctx.clock, { baseUrl: TEST_BASE_URL })).toEqual({ message: null });
    expect(await ctx.db.selectFrom('coordinator').select('email').execute()).toEqual([{ email: 'admin@example.org' }]);
    expect(await ctx.db.selectFrom('coordinator_invite').selectAll().execute()).toEqual([]);
  });

  it('names ADMIN_PASSWORD in one line when it is too short, and creates nothing', async () => {
    const ctx = await buildAuthTestApp();
    const result = await bootstrapCoordinators(ctx.db, ctx.clock, { adminEmail: 'admin@example.org', adminPassword: 'short', baseUrl: TEST_BASE_URL });
    expect(result).toEqual({ message: null, error: 'ADMIN_PASSWORD must be at least 12 characters.' });
    expect(await ctx.db.selectFrom('coordinator').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('coordinator_invite').selectAll().execute()).toEqual([]);
  });

  it('names ADMIN_EMAIL when it is not an address, and ADMIN_EMAIL when only the password is set', async () => {
    const ctx = await buildAuthTestApp();
    expect(await bootstrapCoordinators(ctx.db, ctx.clock, { adminEmail: 'admin', adminPassword: 'a long enough secret', baseUrl: TEST_BASE_URL })).toEqual({
      message: null,
      error: 'ADMIN_EMAIL must be an email address such as admin@example.org, got "admin".',
    });
    expect(await bootstrapCoordinators(ctx.db, ctx.clock, { adminPassword: 'a long enough secret', baseUrl: TEST_BASE_URL })).toEqual({
      message: null,
      error: 'ADMIN_PASSWORD is set but ADMIN_EMAIL is not: set both, or neither to get a one-time setup link.',
    });
    expect(await ctx.db.selectFrom('coordinator').selectAll().execute()).toEqual([]);
  });

  it('prints a setup link without env values; the link creates the first account once', async () => {
    const ctx = await buildAuthTestApp();
    const result = await bootstrapCoordinators(ctx.db, ctx.clock, { baseUrl: TEST_BASE_URL });
    const path = SETUP_LINE.exec(result.message ?? '')?.[1];
    expect(path).toBeDefined();
    expect(result.error).toBeUndefined();

    const page = await ctx.app.request(path!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Create the first coordinator account</h1>');

    const fields = { name: 'Maria Berg', email: 'maria@example.org', password: 'first account password', passwordAgain: 'first account password' };
    const created = await ctx.app.request(path!, form(fields));
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin');
    expect(created.headers.get('set-cookie')).toMatch(/^hub_session=[A-Za-z0-9_-]{43}; /);
    expect(await ctx.db.selectFrom('coordinator').select(['email', 'name']).execute()).toEqual([{ email: 'maria@example.org', name: 'Maria Berg' }]);

    const again = await ctx.app.request(path!, form({ ...fields, email: 'intruder@example.org' }));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('This invitation link has already been used.');
    expect(await ctx.db.selectFrom('coordinator').select('email').execute()).toEqual([{ email: 'maria@example.org' }]);
    expect(await bootstrapCoordinators(ctx.db, ctx.clock, { baseUrl: TEST_BASE_URL })).toEqual({ message: null });
  });

  it('replaces the setup link at every start, so a link from an old log stops working', async () => {
    const ctx = await buildAuthTestApp();
    const first = SETUP_LINE.exec((await bootstrapCoordinators(ctx.db, ctx.clock, { baseUrl: TEST_BASE_URL })).message ?? '')?.[1];
    const second = SETUP_LINE.exec((await bootstrapCoordinators(ctx.db, ctx.clock, { baseUrl: TEST_BASE_URL })).message ?? '')?.[1];
    expect(first).toBeDefined();
    expect(second).not.toBe(first);
    expect((await ctx.app.request(first!)).status).toBe(404);
    expect((await ctx.app.request(second!)).status).toBe(200);
    expect(await ctx.db.selectFrom('coordinator_invite').select('used_at').execute()).toEqual([{ used_at: null }]);
  });

  it('binds the setup link to ADMIN_EMAIL when only that is set', async () => {
    const ctx = await buildAuthTestApp();
    const result = await bootstrapCoordinators(ctx.db, ctx.clock, { adminEmail: 'chief@example.org', baseUrl: TEST_BASE_URL });
    expect(result.message).toMatch(
      /^No coordinator account yet\. Create the first one for chief@example\.org at https:\/\/hub\.example\.org\/admin\/setup\/[A-Za-z0-9_-]{43} /,
    );
    expect(await ctx.db.selectFrom('coordinator_invite').select(['email', 'invited_by']).execute()).toEqual([{ email: 'chief@example.org', invited_by: null }]);
  });
});
