import { describe, expect, it } from 'vitest';
import { addMaterial } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { updateSpeaker } from '../../src/programme/programme-admin.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { datetimes } from '../helpers/test-app.js';
import { PAST_CHINA, PAST_CVC, SAMPLES, UPCOMING, buildMaterialsApp, type MaterialsCtx } from './material-helpers.js';

const CVC_TITLE = 'Corporate venture capital: lessons from Silicon Valley';
const CHINA_TITLE = 'Open innovation platforms in China';

async function seedMaterial(ctx: MaterialsCtx, slug: string, input: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const validated = validateMaterial(input, file);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  await addMaterial(ctx.deps, slug, validated.value);
}

/**
 * Both past webinars with public material; the Silicon Valley one is given by a Swedish speaker
 * (renamed from the demo's Michael Torres) so that names with å, ä and ö are searched for.
 */
/** What the search form holds: its fields' values and the selected area. */
function searchForm(html: string) {
  const form = one(parse(html), 'form[role="search"]');
  return {
    q: one(form, '#recordings-q').getAttribute('value'),
    area: attrs(form, '#recordings-area option[selected]', 'value'),
  };
}

async function buildArchive() {
  const ctx = await buildMaterialsApp();
  await updateSpeaker(ctx.db, ctx.clock, 'michael-torres', {
    name: 'Örjan Åkesson',
    organisation: 'Västkustens Riskkapital AB',
    city: 'Malmö',
    email: 'orjan.akesson@example.se',
  });
  await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'CVC recording', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
  await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'CVC slides' }, { name: 'cvc.pdf', bytes: SAMPLES.pdf });
  await seedMaterial(ctx, PAST_CHINA, { kind: 'recording', title: 'China recording', url: 'https://media.example.org/china.mp4' });
  return ctx;
}

/** The titles of the listed recordings, in page order. */
function listedTitles(html: string): string[] {
  return [...html.matchAll(/<h3><a href="\/webinars\/[^"]+">([^<]+)<\/a><\/h3>/g)].map((match) => match[1]!);
}

function heading(html: string): string | undefined {
  return html.match(/<h2 id="recordings-results">([^<]*)<\/h2>/)?.[1];
}

async function get(ctx: MaterialsCtx, path: string) {
  const res = await ctx.app.request(path);
  return { status: res.status, html: await res.text() };
}

describe('searching the recordings archive', () => {
  it('lists every recording with a labelled search form when nothing is searched for; an empty q is no filter', async () => {
    const ctx = await buildArchive();
    for (const path of ['/recordings', '/recordings?q=&area=', '/recordings?q=%20%20']) {
      const { status, html } = await get(ctx, path);
      expect(status, path).toBe(200);
      expect(listedTitles(html), path).toEqual([CHINA_TITLE, CVC_TITLE]);
      expect(heading(html), path).toBe('2 webinars');
    }
    const { html } = await get(ctx, '/recordings');
    const form = one(parse(html), 'form[role="search"]');
    expect([form.getAttribute('method'), form.getAttribute('action'), form.getAttribute('aria-label')]).toEqual([
      'get',
      '/recordings',
      'Search the recordings',
    ]);
    expect(texts(form, 'label')).toEqual(['Search', 'Knowledge area']);
    const q = one(form, 'input#recordings-q');
    expect([q.getAttribute('type'), q.getAttribute('name'), q.getAttribute('value'), q.getAttribute('maxlength')]).toEqual(['search', 'q', '', '200']);
    expect(q.getAttribute('aria-describedby')).toBe('recordings-q-hint');
    expect(one(form, 'select#recordings-area').getAttribute('name')).toBe('area');
    expect(texts(form, '#recordings-area option').slice(0, 2)).toEqual(['All areas', 'Partnership models']);
    expect(attrs(form, '#recordings-area option', 'value').slice(0, 2)).toEqual(['', 'partnership-models']);
    expect(texts(form, 'button[type="submit"]')).toEqual(['Search']);
    expect(html).not.toContain('Clear search');
  });

  it('finds a recording by a word of its title, whatever the case, and keeps the word in the form', async () => {
    const ctx = await buildArchive();
    const { status, html } = await get(ctx, '/recordings?q=PLATFORMS');
    expect(status).toBe(200);
    expect(listedTitles(html)).toEqual([CHINA_TITLE]);
    expect(heading(html)).toBe('1 of 2 webinars matches “PLATFORMS”');
    expect(searchForm(html).q).toBe('PLATFORMS');
    expect(html).toContain('<title>Recordings: “PLATFORMS” · ');
    expect(html).toContain('<a class="button secondary" href="/recordings">Clear search</a>');
  });

  it('finds speakers by names with non-ASCII letters in any case, and by organisation and city', async () => {
    const ctx = await buildArchive();
    const cases: Array<[string, string[]]> = [
      ['örjan', [CVC_TITLE]],
      ['ÖRJAN ÅKESSON', [CVC_TITLE]],
      ['åkesson', [CVC_TITLE]],
      ['陈静', [CHINA_TITLE]],
      ['chen jing', [CHINA_TITLE]],
      ['malmö', [CVC_TITLE]],
      ['RISKKAPITAL', [CVC_TITLE]],
      ['Shanghai', [CHINA_TITLE]],
      // Every word must occur, each in any of the fields.
      ['chen platforms', [CHINA_TITLE]],
      ['chen malmö', []],
      // The moderator of both.
      ['lindqvist', [CHINA_TITLE, CVC_TITLE]],
    ];
    for (const [q, titles] of cases) {
      const { status, html } = await get(ctx, `/recordings?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(listedTitles(html), q).toEqual(titles);
    }
    const { html } = await get(ctx, `/recordings?q=${encodeURIComponent('ÖRJAN')}`);
    expect(html).toContain('<a href="/speakers/michael-torres">Örjan Åkesson</a><span class="muted"> (Västkustens Riskkapital AB, Malmö)</span>');
  });

  it('filters by area slug, alone or with words, and searches the area’s name', async () => {
    const ctx = await buildArchive();
    const byArea = await get(ctx, '/recordings?area=innovation-hubs');
    expect(byArea.status).toBe(200);
    expect(listedTitles(byArea.html)).toEqual([CHINA_TITLE]);
    expect(heading(byArea.html)).toBe('1 of 2 webinars is in the area Innovation hubs and outposts');
    expect(byArea.html).toContain('<option value="innovation-hubs" selected="">Innovation hubs and outposts</option>');
    expect(byArea.html).toContain('<a class="tag" href="/areas/innovation-hubs">Innovation hubs and outposts</a>');

    expect(listedTitles((await get(ctx, '/recordings?area=corporate-venturing&q=silicon')).html)).toEqual([CVC_TITLE]);
    expect(listedTitles((await get(ctx, '/recordings?area=corporate-venturing&q=china')).html)).toEqual([]);
    expect(listedTitles((await get(ctx, '/recordings?q=outposts')).html)).toEqual([CHINA_TITLE]);
    expect(listedTitles((await get(ctx, '/recordings?q=CORPORATE%20VENTURING')).html)).toEqual([CVC_TITLE]);

    const empty = await get(ctx, '/recordings?area=partnership-models');
    expect(empty.status).toBe(200);
    expect(heading(empty.html)).toBe('No webinars in the area Partnership models');
  });

  it('treats % and _ as the characters they are', async () => {
    const ctx = await buildArchive();
    await updateWebinar(ctx.db, ctx.clock, PAST_CVC, { title: 'Corporate venture capital: 100% of the deal_flow' });
    expect(listedTitles((await get(ctx, '/recordings?q=%25')).html)).toEqual(['Corporate venture capital: 100% of the deal_flow']);
    expect(listedTitles((await get(ctx, '/recordings?q=_')).html)).toEqual(['Corporate venture capital: 100% of the deal_flow']);
    expect(listedTitles((await get(ctx, '/recordings?q=0%25%20deal_')).html)).toEqual(['Corporate venture capital: 100% of the deal_flow']);
    // As LIKE patterns these would match every title.
    expect(listedTitles((await get(ctx, '/recordings?q=C%25n')).html)).toEqual([]);
    expect(listedTitles((await get(ctx, '/recordings?q=Ch_na')).html)).toEqual([]);
  });

  it('says that nothing matches, keeps both values and offers to clear the search', async () => {
    const ctx = await buildArchive();
    const { status, html } = await get(ctx, '/recordings?q=blockchain&area=innovation-hubs');
    expect(status).toBe(200);
    expect(listedTitles(html)).toEqual([]);
    expect(heading(html)).toBe('No webinars match “blockchain” in Innovation hubs and outposts');
    expect(html).toContain('Try other words or another area, or <a href="/recordings">clear the search</a> to see all 2 webinars.');
    expect(searchForm(html)).toEqual({ q: 'blockchain', area: ['innovation-hubs'] });
  });
});

describe('refused searches', () => {
  it('answer a q of more than 200 characters with 400 and the form, with the text kept and the reason', async () => {
    const ctx = await buildArchive();
    const atLimit = await get(ctx, `/recordings?q=${'a'.repeat(200)}`);
    expect(atLimit.status).toBe(200);
    expect(heading(atLimit.html)).toBe(`No webinars match “${'a'.repeat(200)}”`);

    const long = 'å'.repeat(201);
    const { status, html } = await get(ctx, `/recordings?q=${encodeURIComponent(long)}&area=innovation-hubs`);
    expect(status).toBe(400);
    expect(html).toContain('<title>Error: Recordings and slides · ');
    const page = parse(html);
    const summary = one(page, '#recordings-errors');
    expect([summary.getAttribute('role'), summary.getAttribute('tabindex'), summary.hasAttribute('data-error-summary')]).toEqual(['alert', '-1', true]);
    expect(textOf(one(summary, 'strong'))).toBe('The search could not be run:');
    expect(attrs(summary, 'a', 'href')).toEqual(['#recordings-q']);
    expect(texts(summary, 'a')).toEqual(['The search must be at most 200 characters.']);
    expect(textOf(one(page, '#recordings-q-error'))).toBe('The search must be at most 200 characters.');
    const q = one(page, '#recordings-q');
    expect([q.getAttribute('aria-describedby'), q.getAttribute('aria-invalid')]).toEqual(['recordings-q-hint recordings-q-error', 'true']);
    expect(searchForm(html)).toEqual({ q: long, area: ['innovation-hubs'] });
    expect(listedTitles(html)).toEqual([]);
    expect(ctx.logged).toEqual([]);
  });

  it('answer an unknown area with 400 and the reason, its input escaped, never a 500', async () => {
    const ctx = await buildArchive();
    const { status, html } = await get(ctx, `/recordings?q=china&area=${encodeURIComponent('<b>nowhere</b>')}`);
    expect(status).toBe(400);
    expect(html).toContain('<a href="#recordings-area">There is no knowledge area “&lt;b&gt;nowhere&lt;/b&gt;”. Choose one from the list, or All areas.</a>');
    expect(html).not.toContain('<b>nowhere</b>');
    expect(searchForm(html).q).toBe('china');
    const area = one(parse(html), 'select#recordings-area');
    expect([area.getAttribute('aria-invalid'), area.getAttribute('aria-describedby')]).toEqual(['true', 'recordings-area-error']);
    expect(listedTitles(html)).toEqual([]);
    expect(ctx.logged).toEqual([]);

    const both = await get(ctx, `/recordings?q=${'x'.repeat(300)}&area=none`);
    expect(both.status).toBe(400);
    expect(both.html).toContain('The search must be at most 200 characters.');
    expect(both.html).toContain('There is no knowledge area “none”.');
  });
});

describe('what the archive shows', () => {
  it('never lists attendees-only materials, nor a webinar that only has such, nor upcoming ones', async () => {
    const ctx = await buildMaterialsApp();
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'CVC recording', url: 'https://media.example.org/cvc.mp4' });
    await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Attendee CVC slides', visibility: 'attendees', url: 'https://example.org/cvc-private' });
    await seedMaterial(ctx, PAST_CHINA, {
      kind: 'recording',
      title: 'Attendee China recording',
      visibility: 'attendees',
      url: 'https://example.org/china-private',
    });
    await seedMaterial(ctx, UPCOMING, { kind: 'slides', title: 'Advance slides', url: 'https://example.org/advance' });

    for (const path of ['/recordings', '/recordings?q=china', '/recordings?q=attendee', '/recordings?area=innovation-hubs']) {
      const { status, html } = await get(ctx, path);
      expect(status, path).toBe(200);
      expect(listedTitles(html), path).toEqual(path === '/recordings' ? [CVC_TITLE] : []);
      for (const secret of ['Attendee CVC slides', 'cvc-private', 'Attendee China recording', 'china-private', 'Advance slides', 'meet.example.org']) {
        expect(html, `${path}: ${secret}`).not.toContain(secret);
      }
    }
  });

  it('shows nothing private about the webinars or speakers', async () => {
    const ctx = await buildArchive();
    const { html } = await get(ctx, '/recordings');
    expect(html).not.toContain('meet.example.org');
    expect(html).not.toContain('orjan.akesson@example.se');
    expect(html).not.toContain('/my/');
  });

  it('shows each date in <time datetime> with the offset of the ?tz= zone, also in search results', async () => {
    const ctx = await buildArchive();
    const shanghai = await get(ctx, '/recordings?tz=Asia/Shanghai');
    expect(datetimes(shanghai.html)).toEqual(['2027-01-21T16:00:00+08:00', '2026-12-18T00:00:00+08:00']);
    expect(shanghai.html).toContain('<time datetime="2027-01-21T16:00:00+08:00">Thu 21 Jan 2027, 16:00 <abbr title="Asia/Shanghai, UTC+08:00">');

    const search = await get(ctx, '/recordings?q=silicon&tz=America/Los_Angeles');
    expect(search.status).toBe(200);
    expect(datetimes(search.html)).toEqual(['2026-12-17T08:00:00-08:00']);
    expect(search.html).toContain(
      '<time datetime="2026-12-17T08:00:00-08:00">Thu 17 Dec 2026, 08:00 <abbr title="America/Los_Angeles, UTC-08:00">PST</abbr></time>',
    );
  });
});
