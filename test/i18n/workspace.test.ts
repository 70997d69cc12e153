// The workspace's shell and its sign-in in Swedish, and a coordinator's language kept for their
// next sign-in on any device.
import { describe, expect, it } from 'vitest';
import { signInAsCoordinator, TEST_PASSWORD } from '../helpers/admin-session.js';
import { all, parse } from '../helpers/dom.js';
import { buildTestApp } from '../helpers/test-app.js';
import { leftoverEnglish } from './leftover-english.js';

const SAME_SITE = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };

describe('the workspace in Swedish', () => {
  it('signs in in Swedish, with Swedish messages for a wrong password', async () => {
    const ctx = await buildTestApp({ languages: ['en', 'sv'] });
    await signInAsCoordinator(ctx, { email: 'anna@example.se' });
    const page = await (await ctx.app.request('/admin/login', { headers: { 'accept-language': 'sv' } })).text();
    expect(page).toContain('<html lang="sv"');
    expect(parse(page).querySelector('h1')?.textContent).toBe('Logga in på arbetsytan');
    expect(leftoverEnglish(page, 'workspace.')).toEqual([]);
    const wrong = await ctx.app.request('/admin/login', {
      method: 'POST',
      headers: { ...SAME_SITE, 'accept-language': 'sv' },
      body: new URLSearchParams({ email: 'anna@example.se', password: 'not the password at all' }),
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('E-postadressen eller lösenordet är fel.');
  });

  it('shows the workspace shell in Swedish and keeps the coordinator’s choice for the next sign-in', async () => {
    const ctx = await buildTestApp({ languages: ['en', 'sv'] });
    const session = await signInAsCoordinator(ctx, { email: 'anna@example.se', name: 'Anna' });
    const switched = await ctx.app.request('/admin?lang=sv', { headers: session.headers() });
    expect(switched.status).toBe(200);
    const html = await switched.text();
    expect(html).toContain('<html lang="sv"');
    expect(all(parse(html), '.site-nav a').map((a) => a.textContent?.trim())).toEqual(
      expect.arrayContaining(['Översikt', 'Webbinarier', 'Talare', 'Kunskapsområden', 'Utkorg']),
    );
    expect(all(parse(html), '.language-switch a').map((a) => a.getAttribute('href'))).toEqual(['/admin?lang=en']);
    const stored = await ctx.db.selectFrom('coordinator').select('language').where('email', '=', 'anna@example.se').executeTakeFirstOrThrow();
    expect(stored.language).toBe('sv');

    // Another browser, set to English, signs in: the workspace comes up in Swedish.
    const signedIn = await ctx.app.request('/admin/login', {
      method: 'POST',
      headers: { ...SAME_SITE, 'accept-language': 'en' },
      body: new URLSearchParams({ email: 'anna@example.se', password: TEST_PASSWORD, next: '/admin' }),
    });
    expect(signedIn.status).toBe(303);
    const cookies = signedIn.headers.getSetCookie();
    expect(cookies.find((cookie) => cookie.startsWith('hub_lang='))).toMatch(/^hub_lang=sv;/);
    // A browser that chose a language keeps it.
    const chosen = await ctx.app.request('/admin/login', {
      method: 'POST',
      headers: { ...SAME_SITE, cookie: 'hub_lang=en' },
      body: new URLSearchParams({ email: 'anna@example.se', password: TEST_PASSWORD, next: '/admin' }),
    });
    expect(chosen.headers.getSetCookie().some((cookie) => cookie.startsWith('hub_lang='))).toBe(false);
  });

  it('stays English, with no switch and nothing stored, on a hub that offers English only', async () => {
    const ctx = await buildTestApp({ languages: ['en'] });
    const session = await signInAsCoordinator(ctx, { email: 'anna@example.se' });
    const html = await (await ctx.app.request('/admin?lang=sv', { headers: session.headers({ 'accept-language': 'sv' }) })).text();
    expect(html).toContain('<html lang="en"');
    expect(all(parse(html), '.language-switch')).toHaveLength(0);
    const stored = await ctx.db.selectFrom('coordinator').select('language').where('email', '=', 'anna@example.se').executeTakeFirstOrThrow();
    expect(stored.language).toBe('en');
  });
});
