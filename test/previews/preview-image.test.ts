// The preview card's text handling: what the shipped font cannot draw, titles too long for the card,
// speaker lists too long for two lines; and the PNG it renders.
import { describe, expect, it } from 'vitest';
import { webinarCard } from '../../src/previews/preview-cards.js';
import { drawableText, type PreviewCard, previewSvg, renderPreviewPng, wrapText } from '../../src/previews/preview-image.js';
import { getProgramme, getWebinarBySlug } from '../../src/programme/programme.service.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

const CARD: PreviewCard = {
  label: 'Webinar',
  cancelled: false,
  title: 'From pilot to contract',
  when: 'Thu 18 Feb 2027 · 14:00–15:00 CET',
  whenNote: 'Stockholm time (UTC+01:00)',
  speakers: [{ name: 'Ingrid Haugen', country: 'Norway' }],
  summary: null,
  byline: null,
  programmeName: 'Innovation collaboration',
  footer: 'Innovation collaboration',
  host: 'hub.example.org',
};

/** The text of every <text> element, in order, with entities turned back into characters. */
function textsOf(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))));
}

describe('drawableText', () => {
  it('keeps Latin, Nordic, Greek and Cyrillic letters', () => {
    expect(drawableText('Åsa Lindqvist-Bergström, Ærø, Αθήνα, Привет')).toBe('Åsa Lindqvist-Bergström, Ærø, Αθήνα, Привет');
  });

  it('leaves out what the font has no glyph for, and brackets left empty by it', () => {
    expect(drawableText('Chen Jing (陈静)')).toBe('Chen Jing');
    expect(drawableText('陈静')).toBe('');
    expect(drawableText('Launch 🚀 day')).toBe('Launch day');
  });

  it('lets a bracketed translation stand in for the text it translates', () => {
    expect(drawableText('中国的开放创新平台 (Open innovation platforms in China): lessons')).toBe('Open innovation platforms in China: lessons');
  });
});

describe('wrapText', () => {
  it('wraps at spaces into lines no wider than asked', () => {
    const { lines, cut } = wrapText('one two three four five six seven eight nine ten', 'regular', 40, 300, 5);
    expect(cut).toBe(false);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
  });

  it('ends the last line at a whole word with an ellipsis when the text does not fit', () => {
    const words = 'Pilots with startups and what large companies in Norway learned from them over two years'.split(' ');
    const { lines, cut } = wrapText(words.join(' '), 'bold', 64, 600, 2);
    expect(cut).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const word of lines.join(' ').slice(0, -1).split(' ')) expect(words).toContain(word);
  });
});

describe('the card', () => {
  it('escapes markup in names and titles', () => {
    const svg = previewSvg({ ...CARD, title: 'Tools & <b>tricks</b> "quoted"' });
    expect(svg).not.toContain('<b>');
    expect(textsOf(svg)).toContain('Tools & <b>tricks</b> "quoted"');
  });

  it('says how many speakers are left out when two lines cannot hold them', () => {
    const speakers = Array.from({ length: 12 }, (_, i) => ({ name: `Speaker Number${i}`, country: 'Norway' }));
    const texts = textsOf(previewSvg({ ...CARD, speakers }));
    const speakerLines = texts.filter((text) => text.includes('Speaker Number'));
    expect(speakerLines).toHaveLength(2);
    const shown = speakerLines.join(' ').match(/Speaker Number\d+/g)!.length;
    expect(speakerLines[1]).toMatch(new RegExp(`\\+ ${12 - shown} more$`));
  });

  it('counts in a speaker whose name the font cannot draw, by their country', () => {
    expect(textsOf(previewSvg({ ...CARD, speakers: [{ name: '陈静', country: 'China' }] }))).toContain('Speaker from China');
  });

  it('renders a 1200×630 PNG, the same bytes for the same card', async () => {
    const [a, b] = await Promise.all([renderPreviewPng(CARD), renderPreviewPng(CARD)]);
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("a webinar's card", () => {
  it("shows the title, the date and time in the programme's zone, the speakers with their countries and the programme's name", async () => {
    const ctx = await buildTestApp();
    const card = async () =>
      textsOf(previewSvg(webinarCard(await getProgramme(ctx.db), await getWebinarBySlug(ctx.db, 'pilots-with-startups-norway'), TEST_BASE_URL)));
    const texts = await card();
    // The title on two lines, wrapped at a word.
    expect(texts).toContain('From pilot to contract: how Norwegian');
    expect(texts).toContain('industry buys from startups');
    expect(texts).toContain('Thu 18 Feb 2027 · 14:00–15:00 CET');
    expect(texts).toContain('Stockholm time (UTC+01:00)');
    expect(texts).toContain('Ingrid Haugen, Norway  ·  Anna Lindqvist, Sweden');
    expect(texts).toContain('Innovation collaboration between small and large companies');
    expect(texts).toContain('hub.example.org');

    await ctx.db.updateTable('programme').set({ default_zone: 'America/New_York' }).execute();
    const moved = await card();
    expect(moved).toContain('Thu 18 Feb 2027 · 08:00–09:00 EST');
    expect(moved).toContain('New York time (UTC-05:00)');
  });
});
