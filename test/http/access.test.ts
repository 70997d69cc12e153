import { describe, expect, it } from 'vitest';
import { signInAsCoordinator, createTestApiToken } from '../helpers/admin-session.js';
import { buildTestApp, hasNestedForms, tableCounts } from '../helpers/test-app.js';
import { attrs, parse } from '../helpers/dom.js';

/** Every route the app serves, with sample values for its parameters. */
async function privateRoutes() {
  const ctx = await buildTestApp();
  const seen = new Set<string>();
  const routes: Array<{ method: string; path: string }> = [];
  for (const route of ctx.app.routes) {
    if (route.method === 'ALL') continue;
    if (!(route.path.startsWith('/admin') || route.path.startsWith('/api'))) continue;
    const path = route.path
      .replace(':slug', 'pilots-with-startups-norway')
      .replace(':token', 'A'.repeat(43))
      .replace(/:[a-zA-Z]+/g, '1');
    const key = `${route.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: route.method, path });
  }
  return routes;
}

const PUBLIC = new Set([
  'GET /admin/login',
  'POST /admin/login',
  `GET /admin/setup/${'A'.repeat(43)}`,
  `POST /admin/setup/${'A'.repeat(43)}`,
  'POST /api/webinars/pilots-with-startups-norway/registrations',
]);

describe('every workspace and API route', () => {
  it('is listed (the test would prove nothing otherwise)', async () => {
    const routes = await privateRoutes();
    expect(routes.length).toBeGreaterThan(35);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('PATCH /api/webinars/pilots-with-startups-norway');
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /admin/webinars/pilots-with-startups-norway/materials');
  });

  it('refuses anonymous requests and changes nothing', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    for (const { method, path } of await privateRoutes()) {
      if (PUBLIC.has(`${method} ${path}`)) continue;
      const res = await ctx.app.request(path, {
        method,
        body: method === 'GET' || method === 'HEAD' ? undefined : 'x=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (path.startsWith('/api')) {
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.headers.get('www-authenticate'), `${method} ${path}`).toContain('Bearer');
      } else if (method === 'GET') {
        expect(res.status, `${method} ${path}`).toBe(303);
        expect(res.headers.get('location'), `${method} ${path}`).toMatch(/^\/admin\/login\?next=/);
      } else {
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('refuses API requests with a wrong, malformed or revoked token', async () => {
    const ctx = await buildTestApp({ apiToken: 'automation-token-with-at-least-32-characters' });
    const token = await createTestApiToken(ctx);
    await ctx.db.updateTable('api_token').set({ revoked_at: '2027-01-01T00:00:00Z' }).execute();
    for (const { method, path } of await privateRoutes()) {
      if (!path.startsWith('/api') || PUBLIC.has(`${method} ${path}`)) continue;
      for (const authorization of ['Bearer wrong', 'Basic abc', 'Bearer', `Bearer ${token}`, 'Bearer automation-token-with-at-least-32-characterz']) {
        const res = await ctx.app.request(path, { method, headers: { authorization } });
        expect(res.status, `${method} ${path} with ${authorization}`).toBe(401);
      }
    }
  });

  it('refuses signed-in form posts without the CSRF token, or from another site', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const before = await tableCounts(ctx.db);
    for (const { method, path } of await privateRoutes()) {
      if (!path.startsWith('/admin') || method === 'GET' || PUBLIC.has(`${method} ${path}`)) continue;
      const missing = await ctx.app.request(path, { method, body: 'x=1', headers: session.headers({ 'content-type': 'application/x-www-form-urlencoded' }) });
      expect(missing.status, `${method} ${path} without token`).toBe(403);
      const crossSite = await ctx.app.request(path, {
        method,
        body: `_csrf=${session.csrf}`,
        headers: session.headers({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }),
      });
      expect(crossSite.status, `${method} ${path} from another site`).toBe(403);
    }
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('lets a signed-in coordinator in, and a valid token through', async () => {
    const ctx = await buildTestApp({ apiToken: 'automation-token-with-at-least-32-characters' });
    const session = await signInAsCoordinator(ctx);
    for (const path of [
      '/admin',
      '/admin/webinars',
      '/admin/new-webinar',
      '/admin/webinars/pilots-with-startups-norway',
      '/admin/webinars/pilots-with-startups-norway?suggestFrom=2027-02-08&suggestTo=2027-02-12',
      '/admin/webinars/pilots-with-startups-norway/registrations',
      '/admin/speakers',
      '/admin/new-speaker',
      '/admin/speakers/chen-jing',
      '/admin/areas',
      '/admin/areas/innovation-hubs',
      '/admin/programme',
      '/admin/outbox',
      '/admin/tokens',
      '/admin/coordinators',
    ]) {
      const res = await ctx.app.request(path, { headers: session.headers() });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('private, no-store');
      const html = await res.text();
      expect(hasNestedForms(html), path).toBe(false);
      expect(attrs(parse(html), 'meta[name="referrer"]', 'content'), path).toEqual(['no-referrer']);
    }
    const token = await createTestApiToken(ctx);
    for (const authorization of [`Bearer ${token}`, 'Bearer automation-token-with-at-least-32-characters']) {
      const res = await ctx.app.request('/api/webinars', { headers: { authorization } });
      expect(res.status).toBe(200);
    }
  });
});
