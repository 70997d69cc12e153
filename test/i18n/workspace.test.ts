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

  it('follows the browser at sign-in until the coordinator chooses, then keeps the choice', async () => {
    const ctx = await buildTestApp({ languages: ['en', 'sv'] });
    await signInAsCoordinator(ctx, { email: 'sven@example.se', name: 'Sven' });
    const signIn = (headers: Record<string, string>) =>
      ctx.app.request('/admin/login', {
        method: 'POST',
        headers: { ...SAME_SITE, ...headers },
        body: new URLSearchParams({ email: 'sven@example.se', password: TEST_PASSWORD, next: '/admin' }),
      });
    const languageCookie = (res: Response) => res.headers.getSetCookie().find((cookie) => cookie.startsWith('hub_lang='));
    // Never chosen: nothing stored is imposed, so a Swedish browser gets its Swedish workspace.
    const first = await signIn({ 'accept-language': 'sv-SE,sv;q=0.9' });
    expect(first.status).toBe(303);
    expect(languageCookie(first)).toBeUndefined();
    const session = first.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    expect(await (await ctx.app.request('/admin', { headers: { cookie: session, 'accept-language': 'sv-SE,sv;q=0.9' } })).text()).toContain('<html lang="sv"');
    // Chosen once (English, here from the Swedish browser): kept for the next sign-in anywhere.
    await ctx.app.request('/admin?lang=en', { headers: { cookie: session, 'accept-language': 'sv' } });
    const stored = await ctx.db
      .selectFrom('coordinator')
      .select(['language', 'language_chosen_at'])
      .where('email', '=', 'sven@example.se')
      .executeTakeFirstOrThrow();
    expect(stored.language).toBe('en');
    expect(stored.language_chosen_at).not.toBeNull();
    expect(languageCookie(await signIn({ 'accept-language': 'sv' }))).toMatch(/^hub_lang=en;/);
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
