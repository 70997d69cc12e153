// Link previews: every public page says what it is (canonical address, Open Graph and Twitter tags),
// and each webinar and the programme have a 1200×630 PNG that follows every change to them.
import { describe, expect, it } from 'vitest';
import { rotateSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { all, one, parse, type DomDocument } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';

const PUBLIC_PAGES: Array<{ path: string; canonical: string }> = [
  { path: '/', canonical: '/' },
  { path: '/?tz=Asia/Shanghai', canonical: '/' },
  { path: `/webinars/${SLUG}?tz=America/New_York`, canonical: `/webinars/${SLUG}` },
  { path: '/areas/procurement-and-pilots', canonical: '/areas/procurement-and-pilots' },
  { path: '/webinars?when=past', canonical: '/webinars?when=past' },
  { path: '/recordings?q=china', canonical: '/recordings' },
  { path: '/speakers/chen-jing', canonical: '/speakers/chen-jing' },
  { path: '/privacy', canonical: '/privacy' },
  { path: '/timezone?return=/webinars', canonical: '/timezone' },
];

function meta(doc: DomDocument, key: string): string | null {
  const found = doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`);
  return found ? found.getAttribute('content') : null;
}

async function html(ctx: Ctx, path: string): Promise<DomDocument> {
  const res = await ctx.app.request(path);
  expect(res.status, path).toBe(200);
  return parse(await res.text());
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function image(ctx: Ctx, path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The path and query of an absolute hub URL (og:image), to request it from the app. */
function local(url: string): string {
  expect(url.startsWith(`${TEST_BASE_URL}/`)).toBe(true);
  return url.slice(TEST_BASE_URL.length);
}

describe('link-preview tags on public pages', () => {
  it('gives every public page an absolute canonical address without view parameters, and Open Graph and Twitter tags', async () => {
    const ctx = await buildTestApp();
    for (const { path, canonical } of PUBLIC_PAGES) {
      const doc = await html(ctx, path);
      const url = `${TEST_BASE_URL}${canonical}`;
      expect(one(doc, 'link[rel="canonical"]').getAttribute('href'), path).toBe(url);
      expect(meta(doc, 'og:url'), path).toBe(url);
      expect(meta(doc, 'og:type'), path).toBe('website');
      expect(meta(doc, 'og:title'), path).toBeTruthy();
      expect(meta(doc, 'og:site_name'), path).toBe('Innovation collaboration between small and large companies');
      expect(meta(doc, 'twitter:card'), path).toBe('summary_large_image');
      expect(meta(doc, 'og:image:width'), path).toBe('1200');
      expect(meta(doc, 'og:image:height'), path).toBe('630');
      expect(meta(doc, 'og:image:type'), path).toBe('image/png');
      expect(meta(doc, 'og:image:alt'), path).toBeTruthy();
      const description = meta(doc, 'og:description') ?? '';
      expect(description.length, path).toBeGreaterThan(20);
      expect([...description].length, path).toBeLessThanOrEqual(200);
      // The image it names is there, 1200×630.
      const { res, bytes } = await image(ctx, local(meta(doc, 'og:image')!));
      expect(res.status, path).toBe(200);
      expect(pngSize(bytes), path).toEqual({ width: 1200, height: 630 });
    }
  });

  it("shows a webinar's own title, whole-word description and image", async () => {
    const ctx = await buildTestApp();
    const long = `${'Large companies and startups learn to run pilots together, step by step, '.repeat(5)}the end.`;
    await ctx.db.updateTable('webinar').set({ abstract: long }).where('slug', '=', SLUG).execute();
    const doc = await html(ctx, `/webinars/${SLUG}`);
    const title = one(doc, 'h1').textContent;
    expect(meta(doc, 'og:title')).toBe(title);
    const description = meta(doc, 'og:description')!;
    expect([...description].length).toBeLessThanOrEqual(200);
    expect(description.endsWith('…')).toBe(true);
    // Every word before the ellipsis is a whole word of the abstract.
    const words = long.split(/\s+/);
    for (const word of description.slice(0, -1).split(' ')) expect(words).toContain(word);
    expect(meta(doc, 'description')).toBe(description);
    expect(meta(doc, 'og:image')).toMatch(new RegExp(`^${TEST_BASE_URL}/webinars/${SLUG}/preview\\.png\\?v=[\\w-]+$`));
  });

  it('gives the programme page the programme image', async () => {
    const ctx = await buildTestApp();
    const doc = await html(ctx, '/');
    expect(meta(doc, 'og:image')).toMatch(new RegExp(`^${TEST_BASE_URL}/preview\\.png\\?v=[\\w-]+$`));
    expect(meta(doc, 'og:title')).toBe('Innovation collaboration between small and large companies');
  });

  it('puts no canonical address or Open Graph tag on private pages, so their secret link never travels', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR));
    const personalUrl = ((await res.json()) as { personalUrl: string }).personalUrl;
    const speakerToken = await rotateSpeakerLink(ctx.db, ctx.clock, 'chen-jing');
    for (const path of [new URL(personalUrl).pathname, `/speaker/${speakerToken}`]) {
      const page = await ctx.app.request(path);
      expect(page.status, path).toBe(200);
      const body = await page.text();
      const doc = parse(body);
      expect(all(doc, 'meta[property^="og:"], meta[name^="twitter:"], link[rel="canonical"]'), path).toEqual([]);
      expect(meta(doc, 'robots')).toBe('noindex, nofollow');
    }
  });
});

describe('preview images', () => {
  it('renders the webinar and the programme images as 1200×630 PNGs with caching headers', async () => {
    const ctx = await buildTestApp();
    for (const path of [`/webinars/${SLUG}/preview.png`, '/preview.png']) {
      const { res, bytes } = await image(ctx, path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    }
  });

  it('answers a repeat from the cache with the same bytes, and 304 to a matching If-None-Match', async () => {
    const ctx = await buildTestApp();
    const first = await image(ctx, `/webinars/${SLUG}/preview.png`);
    const again = await image(ctx, `/webinars/${SLUG}/preview.png?v=anything`);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const etag = first.res.headers.get('etag')!;
    const revalidated = await image(ctx, `/webinars/${SLUG}/preview.png`, { 'if-none-match': etag });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.bytes.byteLength).toBe(0);
    expect(revalidated.res.headers.get('etag')).toBe(etag);
  });

  it('changes the image, its ETag and the og:image address as soon as the webinar is renamed or moved', async () => {
    const ctx = await buildTestApp();
    const versions = [];
    const snapshot = async () => {
      const doc = await html(ctx, `/webinars/${SLUG}`);
      const { res, bytes } = await image(ctx, local(meta(doc, 'og:image')!));
      return { og: meta(doc, 'og:image'), etag: res.headers.get('etag'), bytes: Buffer.from(bytes) };
    };
    versions.push(await snapshot());
    await updateWebinar(ctx.db, ctx.clock, SLUG, { title: 'Pilots with startups, renamed' });
    versions.push(await snapshot());
    const moved = resolveLocalTime({ local: '2027-04-15T10:00', zone: 'Europe/Stockholm' });
    if (!moved.ok) throw new Error(moved.error.message);
    await updateWebinar(ctx.db, ctx.clock, SLUG, { start: moved.value });
    versions.push(await snapshot());

    for (const [a, b] of [
      [versions[0]!, versions[1]!],
      [versions[1]!, versions[2]!],
    ] as const) {
      expect(b.og).not.toBe(a.og);
      expect(b.etag).not.toBe(a.etag);
      expect(b.bytes.equals(a.bytes)).toBe(false);
    }
    // The old validator no longer matches: a crawler gets the new image.
    const stale = await image(ctx, `/webinars/${SLUG}/preview.png`, { 'if-none-match': versions[0]!.etag! });
    expect(stale.res.status).toBe(200);
  });

  it('changes the programme image when the programme is renamed', async () => {
    const ctx = await buildTestApp();
    const before = await image(ctx, '/preview.png');
    await ctx.db.updateTable('programme').set({ title: 'Open innovation webinars' }).execute();
    const after = await image(ctx, '/preview.png');
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
    expect(meta(await html(ctx, '/'), 'og:site_name')).toBe('Open innovation webinars');
  });

  it('answers 404 for an unknown webinar and for a draft, without rendering anything about it', async () => {
    const ctx = await buildTestApp();
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'draft' });
    for (const path of [`/webinars/${SLUG}/preview.png`, '/webinars/no-such-webinar/preview.png', '/webinars/%F0%9F%98%80/preview.png']) {
      const res = await ctx.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).not.toBe('image/png');
    }
    expect(ctx.logged).toEqual([]);
  });

  it('still renders a 1200×630 card for a cancelled webinar, and for speakers with Chinese names', async () => {
    const ctx = await buildTestApp();
    await ctx.db.updateTable('speaker').set({ name: '陈静' }).where('slug', '=', 'chen-jing').execute();
    await updateWebinar(ctx.db, ctx.clock, 'open-innovation-platforms-china', {
      status: 'cancelled',
      title: '中国的开放创新平台 (Open innovation platforms in China)',
    });
    const { res, bytes } = await image(ctx, '/webinars/open-innovation-platforms-china/preview.png');
    expect(res.status).toBe(200);
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
  });
});
