import { describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../src/auth/auth.service.js';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { buildAuthTestApp, databaseDump, HUB_API_TOKEN } from './auth-test-app.js';

const CHALLENGE = 'Bearer realm="webinar-hub"';

async function expectRefused(response: Response, challenge: string, error: string) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(challenge);
  expect(await response.json()).toEqual({ error });
}

describe('the API guard', () => {
  it('asks for a token when there is no Authorization header', async () => {
    const ctx = await buildAuthTestApp();
    await expectRefused(await ctx.app.request('/api/probe'), CHALLENGE, 'An API token is required: send the header "Authorization: Bearer <token>".');
  });

  it('answers malformed headers with 401, never 500', async () => {
    const ctx = await buildAuthTestApp();
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer a b', `Bearer ${'x'.repeat(5000)}`, 'hub_abc', '   ']) {
      const response = await ctx.app.request('/api/probe', { headers: { authorization } });
      expect(response.status, authorization.slice(0, 20)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="webinar-hub"/);
    }
    expect(ctx.logged).toEqual([]);
  });

  it('refuses an unknown token and a revoked one', async () => {
    const ctx = await buildAuthTestApp();
    const invalid = `${CHALLENGE}, error="invalid_token"`;
    const message = 'The API token is not valid or has been revoked.';
    await expectRefused(await ctx.app.request('/api/probe', { headers: { authorization: `Bearer hub_${'a'.repeat(43)}` } }), invalid, message);

    const token = await createTestApiToken(ctx);
    expect((await ctx.app.request('/api/probe', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const [row] = await ctx.db.selectFrom('api_token').select('id').execute();
    await revokeApiToken(ctx.db, ctx.clock, row!.id);
    await expectRefused(await ctx.app.request('/api/probe', { headers: { authorization: `Bearer ${token}` } }), invalid, message);
  });

  it('accepts a stored token as its owner and records when it was used', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx, { email: 'li.wei@example.cn', name: 'Li Wei' });
    const token = await createApiToken(ctx.db, ctx.clock, session.coordinatorId, 'Import script');
    expect(token).toMatch(/^hub_[A-Za-z0-9_-]{43}$/);
    ctx.clock.advance(90);
    const response = await ctx.app.request('/api/probe', { headers: { authorization: `bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ coordinator: { id: session.coordinatorId, email: 'li.wei@example.cn', name: 'Li Wei' } });
    expect(await ctx.db.selectFrom('api_token').select(['name', 'last_used_at', 'revoked_at']).execute()).toEqual([
      { name: 'Import script', last_used_at: '2027-02-01T13:30:00Z', revoked_at: null },
    ]);
  });

  it('accepts HUB_API_TOKEN with no coordinator, and only when it is configured', async () => {
    const ctx = await buildAuthTestApp();
    const response = await ctx.app.request('/api/probe', { headers: { authorization: `Bearer ${HUB_API_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ coordinator: null });
    expect((await ctx.app.request('/api/probe', { headers: { authorization: `Bearer ${HUB_API_TOKEN}x` } })).status).toBe(401);

    const without = await buildAuthTestApp({ envToken: null });
    expect((await without.app.request('/api/probe', { headers: { authorization: `Bearer ${HUB_API_TOKEN}` } })).status).toBe(401);
  });
});

describe('the API tokens page', () => {
  it('shows a new token once and stores only its hash', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const created = await ctx.app.request('/admin/tokens', session.form({ name: 'Registration export' }));
    expect(created.status).toBe(200);
    const html = await created.text();
    const token = /<code class="copy" id="new-token">(hub_[A-Za-z0-9_-]{43})<\/code>/.exec(html)?.[1];
    expect(token).toBeDefined();
    expect(html).toContain('API token “Registration export” created.');

    expect(await databaseDump(ctx.db)).not.toContain(token!);
    expect(await databaseDump(ctx.db)).not.toContain(token!.slice(4));
    const later = await (await ctx.app.request('/admin/tokens', { headers: session.headers() })).text();
    expect(later).not.toContain(token!);
    expect(later).toContain('<td>Registration export</td><td>Test Coordinator</td>');

    expect((await ctx.app.request('/api/probe', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('refuses a token without a name, per field', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const response = await ctx.app.request('/admin/tokens', session.form({ name: '  ' }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(
      'aria-invalid="true" aria-describedby="token-name-hint token-name-error"/><span class="error" id="token-name-error">Name is required.</span>',
    );
    expect(await ctx.db.selectFrom('api_token').selectAll().execute()).toEqual([]);
  });

  it('revokes a token from the list', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const token = await createTestApiToken(ctx, { coordinatorId: session.coordinatorId, name: 'Old script' });
    const [row] = await ctx.db.selectFrom('api_token').select('id').execute();
    expect(await (await ctx.app.request('/admin/tokens', { headers: session.headers() })).text()).toContain(`action="/admin/tokens/${row!.id}/revoke"`);

    ctx.clock.advance(5);
    const revoked = await ctx.app.request(`/admin/tokens/${row!.id}/revoke`, session.form({}));
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/admin/tokens?done=revoked');
    expect(await ctx.db.selectFrom('api_token').select('revoked_at').execute()).toEqual([{ revoked_at: '2027-02-01T12:05:00Z' }]);
    expect((await ctx.app.request('/api/probe', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

    const page = await (await ctx.app.request('/admin/tokens?done=revoked', { headers: session.headers() })).text();
    expect(page).toContain('The API token is revoked; requests with it are refused from now on.');
    expect(page).toContain('Revoked <time datetime="2027-02-01T13:05:00+01:00" title="Europe/Stockholm">Mon 1 Feb 2027, 13:05 CET</time>');
    expect((await ctx.app.request('/admin/tokens/999/revoke', session.form({}))).status).toBe(404);
    expect((await ctx.app.request('/admin/tokens/abc/revoke', session.form({}))).status).toBe(404);
  });

  it('is only for signed-in coordinators', async () => {
    const ctx = await buildAuthTestApp();
    const page = await ctx.app.request('/admin/tokens');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Ftokens');
    expect((await ctx.app.request('/admin/tokens', { method: 'POST', body: new URLSearchParams({ name: 'x' }) })).status).toBe(401);
    expect(await ctx.db.selectFrom('api_token').selectAll().execute()).toEqual([]);
  });
});
