// Hono's SmartRouter takes the RegExpRouter (one regular expression for all routes, a lookup for
// fixed paths) unless a route has a shape it cannot order, such as a fixed name beside a parameter
// at the same place (/admin/webinars/new next to /admin/webinars/:slug), and then falls back to the
// TrieRouter for every request: 1.4–7 µs a match instead of 0.04–0.8 on this machine. The hub's
// addresses are chosen so that it never does (/admin/new-webinar, /captions/:id/:file).
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.js';

describe('the router', () => {
  it('is hono’s RegExpRouter: every route of the hub fits it', async () => {
    const ctx = await buildTestApp();
    expect((await ctx.app.request('/')).status).toBe(200);
    const router = ctx.app.router as unknown as { activeRouter: { name: string } };
    expect(router.activeRouter.name).toBe('RegExpRouter');
  });
});
