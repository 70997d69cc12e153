// /recordings.atom (read with an XML parser that has nothing to do with the code writing it),
// /sitemap.xml and /robots.txt: what crawlers and feed readers are told, and their 304s.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { createTestApiToken } from '../helpers/admin-session.js';
import { json } from '../helpers/forms.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

const ATOM = 'http://www.w3.org/2005/Atom';
/** Both over at the test clock's 2027-02-01. */
const PAST_CVC = 'corporate-venture-capital-silicon-valley';
const PAST_CHINA = 'open-innovation-platforms-china';
const UPCOMING = 'pilots-with-startups-norway';

async function setUp() {
  const ctx = await buildTestApp();
  const token = await createTestApiToken(ctx);
  const auth = { authorization: `Bearer ${token}` };
  const addMaterial = async (slug: string, body: Record<string, unknown>) => {
    const res = await ctx.app.request(`/api/webinars/${slug}/materials`, json(body, auth));
    expect(res.status).toBe(201);
  };
  return { ...ctx, auth, addMaterial };
}

/** A strict parser: any well-formedness error (or warning) fails the test. */
function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

/** The element children of `parent` named `name` (in any namespace). */
function childElements(parent: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || (node as Element).localName === name)) out.push(node as Element);
  }
  return out;
}

async function readFeed(app: Awaited<ReturnType<typeof setUp>>['app']) {
  const res = await app.request('/recordings.atom');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const text = await res.text();
  const doc = parseXml(text);
  const feed = doc.documentElement!;
  expect(feed.localName).toBe('feed');
  expect(feed.namespaceURI).toBe(ATOM);
  const child = (parent: Element, name: string) => childElements(parent, name).filter((el) => el.namespaceURI === ATOM);
  const text1 = (parent: Element, name: string) => child(parent, name)[0]?.textContent ?? null;
  const entries = child(feed, 'entry').map((entry) => ({
    id: text1(entry, 'id'),
    title: text1(entry, 'title'),
    updated: text1(entry, 'updated'),
    published: text1(entry, 'published'),
    summary: text1(entry, 'summary'),
    authors: child(entry, 'author').map((a) => text1(a, 'name')),
    links: child(entry, 'link').map((l) => ({ rel: l.getAttribute('rel'), href: l.getAttribute('href'), title: l.getAttribute('title') })),
  }));
  return {
    res,
    feed,
    entries,
    id: text1(feed, 'id'),
    updated: text1(feed, 'updated'),
    links: child(feed, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]),
    etag: res.headers.get('etag')!,
  };
}

describe('/recordings.atom', () => {
  it('is a valid, empty Atom feed with its own address before anything is published', async () => {
    const ctx = await setUp();
    const feed = await readFeed(ctx.app);
    expect(feed.id).toBe(`${TEST_BASE_URL}/recordings.atom`);
    expect(feed.links).toEqual([
      ['self', `${TEST_BASE_URL}/recordings.atom`],
      ['alternate', `${TEST_BASE_URL}/recordings`],
    ]);
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(feed.entries).toEqual([]);
  });

  it('has one entry per past webinar with public materials, linking the page and each recording and file; newer first', async () => {
    const ctx = await setUp();
    await ctx.addMaterial(PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    ctx.clock.advance(30);
    await ctx.addMaterial(PAST_CHINA, { kind: 'link', title: 'Further reading & notes', url: 'https://example.org/reading?a=1&b=2' });
    // Only for registered attendees: not in a public feed.
    await ctx.addMaterial(PAST_CHINA, { kind: 'link', title: 'Attendees only', url: 'https://example.org/private', visibility: 'attendees' });
    // Not over yet: the archive lists past webinars only.
    await ctx.addMaterial(UPCOMING, { kind: 'link', title: 'Reading before', url: 'https://example.org/before' });

    const feed = await readFeed(ctx.app);
    expect(feed.entries.map((e) => e.id)).toEqual([`${TEST_BASE_URL}/webinars/${PAST_CHINA}#materials`, `${TEST_BASE_URL}/webinars/${PAST_CVC}#materials`]);
    const [china, cvc] = feed.entries;
    expect(china!.links).toEqual([
      { rel: 'alternate', href: `${TEST_BASE_URL}/webinars/${PAST_CHINA}`, title: null },
      { rel: 'related', href: 'https://example.org/reading?a=1&b=2', title: 'Further reading & notes' },
    ]);
    expect(cvc!.links[1]).toEqual({ rel: 'related', href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Recording' });
    expect(cvc!.summary).toMatch(/^Recording of the webinar of .+ with .+\.$/);
    expect(cvc!.authors.length).toBeGreaterThan(0);
    expect(feed.updated).toBe(china!.updated);
    expect(Date.parse(china!.updated!)).toBeGreaterThan(Date.parse(cvc!.updated!));
    expect(JSON.stringify(feed.entries)).not.toContain('example.org/private');
  });

  it('moves an entry’s updated time and the feed’s ETag when materials are added, and answers 304 while nothing changed', async () => {
    const ctx = await setUp();
    await ctx.addMaterial(PAST_CVC, { kind: 'recording', title: 'Recording', url: 'https://vimeo.com/123456' });
    const before = await readFeed(ctx.app);
    const again = await ctx.app.request('/recordings.atom', { headers: { 'if-none-match': before.etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    ctx.clock.advance(90);
    await ctx.addMaterial(PAST_CVC, { kind: 'link', title: 'Slides online', url: 'https://example.org/slides' });
    const after = await readFeed(ctx.app);
    expect(after.etag).not.toBe(before.etag);
    expect(Date.parse(after.entries[0]!.updated!) - Date.parse(before.entries[0]!.updated!)).toBe(90 * 60_000);
    expect(after.entries[0]!.published).toBe(before.entries[0]!.published);
    expect((await ctx.app.request('/recordings.atom', { headers: { 'if-none-match': before.etag } })).status).toBe(200);
  });
});

describe('/sitemap.xml and /robots.txt', () => {
  it('robots.txt keeps crawlers out of the workspace, personal and speaker pages and the API, and names the sitemap', async () => {
    const ctx = await setUp();
    const res = await ctx.app.request('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await res.text()).split('\n')).toEqual([
      'User-agent: *',
      'Disallow: /admin',
      'Disallow: /my/',
      'Disallow: /speaker/',
      'Disallow: /api/',
      '',
      `Sitemap: ${TEST_BASE_URL}/sitemap.xml`,
      '',
    ]);
  });

  it('lists every public page with lastmod, and no draft', async () => {
    const ctx = await setUp();
    const draft = await ctx.app.request(
      '/api/webinars',
      json({ title: 'Not yet public', start: '2027-05-01T15:00', timezone: 'Europe/Stockholm', durationMinutes: 60, status: 'draft' }, ctx.auth),
    );
    expect(draft.status).toBe(201);
    const res = await ctx.app.request('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const doc = parseXml(await res.text());
    expect(doc.documentElement!.namespaceURI).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = childElements(doc.documentElement!, 'url').map((url) => ({
      loc: childElements(url, 'loc')[0]?.textContent,
      lastmod: childElements(url, 'lastmod')[0]?.textContent,
    }));
    const locs = urls.map((u) => u.loc);
    const publicSlugs = await ctx.db.selectFrom('webinar').select('slug').where('status', 'in', ['published', 'cancelled']).execute();
    for (const { slug } of publicSlugs) expect(locs).toContain(`${TEST_BASE_URL}/webinars/${slug}`);
    expect(locs).toContain(`${TEST_BASE_URL}/`);
    expect(locs).toContain(`${TEST_BASE_URL}/recordings`);
    expect(locs).toContain(`${TEST_BASE_URL}/areas/partnership-models`);
    expect(locs).toContain(`${TEST_BASE_URL}/speakers/ingrid-haugen`);
    expect(locs.some((loc) => loc?.includes('not-yet-public'))).toBe(false);
    expect(locs.some((loc) => /\/(admin|my|speaker|api)\//.test(loc ?? ''))).toBe(false);
    for (const url of urls) expect(url.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // A change to a webinar shows in its lastmod at once; the old ETag no longer matches.
    const etag = res.headers.get('etag')!;
    expect((await ctx.app.request('/sitemap.xml', { headers: { 'if-none-match': etag } })).status).toBe(304);
    ctx.clock.advance(60);
    const patched = await ctx.app.request(`/api/webinars/${UPCOMING}`, { ...json({ title: 'Renamed' }, ctx.auth), method: 'PATCH' });
    expect(patched.status).toBe(200);
    const changed = await ctx.app.request('/sitemap.xml', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain(`<loc>${TEST_BASE_URL}/webinars/${UPCOMING}</loc><lastmod>2027-02-01T13:00:00Z</lastmod>`);
  });
});
