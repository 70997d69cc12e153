// Which language a page is in: ?lang= (remembered), the cookie, Accept-Language, the first offered;
// <html lang>, the switch that keeps the rest of the address, and dates in the reader's language
// while every instant stays exactly as it is.
import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/i18n/current-language.js';
import { negotiateLanguage } from '../../src/i18n/languages.js';
import { parseConfig } from '../../src/config.js';
import { showIn } from '../../src/time/index.js';
import { DateTime } from 'luxon';
import { all, parse } from '../helpers/dom.js';
import { buildTestApp, datetimes } from '../helpers/test-app.js';

describe('negotiateLanguage', () => {
  it('takes the offered language the browser weighs highest, Swedish of any region, English otherwise', () => {
    const both = ['en', 'sv'] as const;
    expect(negotiateLanguage(undefined, both)).toBe('en');
    expect(negotiateLanguage('sv', both)).toBe('sv');
    expect(negotiateLanguage('sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7', both)).toBe('sv');
    expect(negotiateLanguage('en-GB,en;q=0.9,sv;q=0.8', both)).toBe('en');
    expect(negotiateLanguage('de-DE,de;q=0.9,sv;q=0.5', both)).toBe('sv');
    expect(negotiateLanguage('nb-NO,nb;q=0.9', both)).toBe('en');
    expect(negotiateLanguage('sv;q=0, en;q=0.1', both)).toBe('en');
    expect(negotiateLanguage('zh-CN,zh;q=0.9', both)).toBe('en');
    expect(negotiateLanguage('*', both)).toBe('en');
    expect(negotiateLanguage('sv;q=oops, fr', both)).toBe('en');
    expect(negotiateLanguage('sv', ['en'])).toBe('en');
  });
});

describe('dates in the reader’s language', () => {
  it('are "Thu 18 Mar 2027" and "tors 18 mars 2027", with the same instant, time and offset', () => {
    const instant = DateTime.fromISO('2027-03-18T14:00:00Z');
    const english = showIn(instant, 'Europe/Stockholm');
    const swedish = withLanguage('sv', () => showIn(instant, 'Europe/Stockholm'));
    expect(english.date).toBe('Thu 18 Mar 2027');
    expect(swedish.date).toBe('tors 18 mars 2027');
    expect({ ...swedish, date: english.date }).toEqual(english);
    expect(swedish.datetime).toBe('2027-03-18T15:00:00+01:00');
    // The cache keeps each language's text apart.
    expect(showIn(instant, 'Europe/Stockholm').date).toBe('Thu 18 Mar 2027');
  });
});

/** The page's <html lang>. */
function langOf(html: string): string | null {
  return /<html lang="([^"]*)"/.exec(html)?.[1] ?? null;
}

describe('the language of a page', () => {
  const page = async (app: Awaited<ReturnType<typeof buildTestApp>>['app'], path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { res, html: await res.text() };
  };

  it('is Swedish throughout on a hub that offers Swedish alone, with no switch', async () => {
    const { app } = await buildTestApp({ languages: ['sv'] });
    const { html } = await page(app, '/', { 'accept-language': 'en-GB' });
    expect(langOf(html)).toBe('sv');
    expect(html).toContain('Inspelningar');
    expect(all(parse(html), '.language-switch')).toHaveLength(0);
  });

  it('is English only, with no switch, on a hub that offers English alone (LANGUAGES=en)', async () => {
    const { app } = await buildTestApp({ languages: ['en'] });
    const { res, html } = await page(app, '/', { 'accept-language': 'sv-SE,sv;q=0.9' });
    expect(langOf(html)).toBe('en');
    expect(all(parse(html), '.language-switch')).toHaveLength(0);
    expect(res.headers.get('content-language')).toBeNull();
  });

  it('follows Accept-Language, then ?lang= remembered in a cookie, with the same instants in both', async () => {
    const { app } = await buildTestApp({ languages: ['en', 'sv'] });
    const english = await page(app, '/');
    const swedish = await page(app, '/', { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' });
    expect(langOf(english.html)).toBe('en');
    expect(langOf(swedish.html)).toBe('sv');
    expect(swedish.res.headers.get('content-language')).toBe('sv');
    expect(swedish.res.headers.get('vary')).toContain('Accept-Language');
    expect(parse(swedish.html).querySelector('.site-nav a[href="/recordings"]')?.textContent?.trim()).toBe('Inspelningar');
    // The page cache keeps the two apart, and no instant moves.
    expect(datetimes(swedish.html)).toEqual(datetimes(english.html));
    expect(langOf((await page(app, '/')).html)).toBe('en');

    const chosen = await page(app, '/webinars/pilots-with-startups-norway?tz=Asia%2FShanghai&lang=en', { 'accept-language': 'sv' });
    expect(langOf(chosen.html)).toBe('en');
    const cookie = chosen.res.headers.getSetCookie().find((c) => c.startsWith('hub_lang='));
    expect(cookie).toMatch(/^hub_lang=en; Max-Age=31536000; Path=\/; HttpOnly; (Secure; )?SameSite=Lax/);
    const remembered = await page(app, '/', { 'accept-language': 'sv', cookie: 'hub_lang=en' });
    expect(langOf(remembered.html)).toBe('en');
    // An unknown ?lang= is no error: the page in the usual language.
    const unknown = await page(app, '/?lang=xx', { 'accept-language': 'sv' });
    expect([unknown.res.status, langOf(unknown.html)]).toEqual([200, 'sv']);
  });

  it('offers a switch on every page that keeps the rest of the address', async () => {
    const { app } = await buildTestApp({ languages: ['en', 'sv'] });
    const { html } = await page(app, '/recordings?q=pilot&area=partnership-models&lang=sv');
    const links = all(parse(html), '.language-switch a').map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('hreflang')]);
    expect(links).toEqual([['English', '/recordings?q=pilot&area=partnership-models&lang=en', 'en']]);
    expect(all(parse(html), '.language-switch [aria-current="true"]').map((el) => [el.textContent, el.getAttribute('lang')])).toEqual([['Svenska', 'sv']]);
    const login = await page(app, '/admin/login?next=%2Fadmin%2Fwebinars', { 'accept-language': 'sv' });
    expect(all(parse(login.html), '.language-switch a').map((a) => a.getAttribute('href'))).toEqual(['/admin/login?next=%2Fadmin%2Fwebinars&lang=en']);
  });

  it('never links off the site from an address that starts with two slashes', async () => {
    const { app } = await buildTestApp({ languages: ['en', 'sv'] });
    for (const address of ['//evil.example/x', '///evil.example/x?q=1']) {
      const { html } = await page(app, address);
      const hrefs = all(parse(html), '.language-switch a, a[href^="/timezone?return="]').map((a) => a.getAttribute('href')!);
      expect(hrefs.length, address).toBeGreaterThan(0);
      // A link that starts with // is another host's address (protocol-relative).
      for (const href of hrefs) expect(href.startsWith('//'), href).toBe(false);
      expect(hrefs).toContain(`/evil.example/x${address.includes('?') ? '?q=1&' : '?'}lang=sv`);
    }
  });
});

describe('LANGUAGES', () => {
  it('lists offered languages, the default first; anything else stops the start with one line', () => {
    const languages = (value?: string) => {
      const result = parseConfig(value === undefined ? {} : { LANGUAGES: value });
      return result.ok ? result.config.languages : result.errors;
    };
    // Both unless told otherwise: English for a browser that asks for neither.
    expect(languages()).toEqual(['en', 'sv']);
    expect(languages('en')).toEqual(['en']);
    expect(languages('en,sv')).toEqual(['en', 'sv']);
    expect(languages(' SV , en ')).toEqual(['sv', 'en']);
    for (const bad of ['de', 'en,en', 'en;sv', 'en,']) {
      expect(languages(bad), bad).toEqual([`LANGUAGES must list languages from en, sv separated by commas, the default first (e.g. "en,sv"), got "${bad}".`]);
    }
  });
});

describe('a person’s stored language', () => {
  it('is the language they registered in', async () => {
    const { app, db } = await buildTestApp({ now: '2026-12-01T08:00:00Z', languages: ['en', 'sv'] });
    const register = (email: string, acceptLanguage: string) =>
      app.request('/api/webinars/pilots-with-startups-norway/registrations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage },
        body: JSON.stringify({ name: 'A', email, organisation: 'Volvo', organisationType: 'large-company', timezone: 'Europe/Stockholm', consent: 'yes' }),
      });
    expect((await register('anna@example.se', 'sv-SE,sv;q=0.9')).status).toBe(201);
    expect((await register('li.na@example.cn', 'zh-CN,en;q=0.8')).status).toBe(201);
    const rows = await db.selectFrom('attendee').select(['email', 'language']).orderBy('email').execute();
    expect(rows).toEqual([
      { email: 'anna@example.se', language: 'sv' },
      { email: 'li.na@example.cn', language: 'en' },
    ]);
  });
});
