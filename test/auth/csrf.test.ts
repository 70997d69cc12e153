import { describe, expect, it } from 'vitest';
import { form } from '../helpers/forms.js';
import { signInAsCoordinator } from '../helpers/admin-session.js';
import { buildAuthTestApp } from './auth-test-app.js';

const apiTokenCount = async (ctx: Awaited<ReturnType<typeof buildAuthTestApp>>) => (await ctx.db.selectFrom('api_token').selectAll().execute()).length;

describe('CSRF protection of workspace forms', () => {
  it('refuses a POST without _csrf with 403', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const response = await ctx.app.request('/admin/probe', form({ title: 'x' }, session.headers()));
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('<h1>Not allowed</h1>');
    expect(html).toContain('This form has expired or was not sent from the workspace. Reload the page and send it again.');
  });

  it('refuses a wrong token, another session’s token and a repeated field', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const other = await signInAsCoordinator(ctx, { email: 'other@example.org' });
    for (const token of ['wrong', other.csrf, '', [session.csrf, session.csrf]]) {
      expect((await ctx.app.request('/admin/probe', form({ _csrf: token }, session.headers()))).status).toBe(403);
    }
  });

  it('refuses a form posted from another site even with the right token', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const crossOrigin = await ctx.app.request('/admin/probe', session.form({}, { origin: 'https://evil.example' }));
    expect(crossOrigin.status).toBe(403);
    expect(await crossOrigin.text()).toContain('This form was sent from another site, so it was refused.');
    expect((await ctx.app.request('/admin/probe', session.form({}, { 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await ctx.app.request('/admin/probe', session.form({}, { 'sec-fetch-site': 'same-site', origin: 'https://other.example.org' }))).status).toBe(403);
  });

  it('accepts the right token from this origin, the public address or a same-origin browser', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const variants: Array<Record<string, string>> = [
      {},
      { origin: 'http://localhost' },
      { origin: 'https://hub.example.org' },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of variants) {
      const response = await ctx.app.request('/admin/probe', session.form({ title: 'Kept' }, headers));
      expect(response.status).toBe(200);
      // The guard read the form, and the route could read it again.
      expect(await response.json()).toEqual({
        coordinator: { id: session.coordinatorId, email: 'coordinator@example.org', name: 'Test Coordinator' },
        body: { _csrf: session.csrf, title: 'Kept' },
      });
    }
  });

  it('accepts the token in the x-csrf-token header, and in a multipart upload', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    const header = await ctx.app.request('/admin/probe', form({ title: 'x' }, session.headers({ 'x-csrf-token': session.csrf })));
    expect(header.status).toBe(200);

    const body = new FormData();
    body.append('_csrf', session.csrf);
    body.append('title', 'Slides');
    body.append('file', new Blob(['%PDF-1.7'], { type: 'application/pdf' }), 'slides.pdf');
    const multipart = await ctx.app.request('/admin/probe', { method: 'POST', body, headers: session.headers() });
    expect(multipart.status).toBe(200);
    expect(await multipart.json()).toMatchObject({ body: { _csrf: session.csrf, title: 'Slides' } });
  });

  it('lets GET requests through without a token', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    expect((await ctx.app.request('/admin/probe', { headers: session.headers({ origin: 'https://evil.example' }) })).status).toBe(200);
  });

  it('stores nothing when the token is missing or wrong', async () => {
    const ctx = await buildAuthTestApp();
    const session = await signInAsCoordinator(ctx);
    expect((await ctx.app.request('/admin/tokens', form({ name: 'Export' }, session.headers()))).status).toBe(403);
    expect((await ctx.app.request('/admin/tokens', form({ name: 'Export', _csrf: 'nope' }, session.headers()))).status).toBe(403);
    expect((await ctx.app.request('/admin/coordinators/invite', form({ email: 'new@example.org' }, session.headers()))).status).toBe(403);
    expect(await apiTokenCount(ctx)).toBe(0);
    expect(await ctx.db.selectFrom('coordinator_invite').selectAll().execute()).toEqual([]);
    expect((await ctx.app.request('/admin/tokens', session.form({ name: 'Export' }))).status).toBe(200);
    expect(await apiTokenCount(ctx)).toBe(1);
  });
});
