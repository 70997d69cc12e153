// The programme page leads with the next webinar (issue 13, item 3: on a phone it must be on the
// first screen), and the webinar page's world clock carries what a phone needs to show it as rows.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { all, attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { buildTestApp } from '../helpers/test-app.js';

const FIRST = 'pilots-with-startups-norway';
const SECOND = 'partnership-models-new-york';

async function programme(ctx: Awaited<ReturnType<typeof buildTestApp>>, query = '') {
  const res = await ctx.app.request(`/${query}`);
  expect(res.status).toBe(200);
  return parse(await res.text());
}

describe('the programme page’s next webinar', () => {
  it('marks the first upcoming webinar as next, with its time in the viewer’s zone and a Register action', async () => {
    const ctx = await buildTestApp();
    const page = await programme(ctx, '?tz=America/New_York');
    const cards = all(page, '.card.next');
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(attrs(card, 'h3 a', 'href')).toEqual([`/webinars/${FIRST}`]);
    expect(texts(card, '.tag')).toEqual(['Next webinar', 'Procurement and pilots']);
    const register = one(card, 'a.button');
    expect(register.getAttribute('href')).toBe(`/webinars/${FIRST}#register`);
    expect(textOf(register)).toBe('Register for From pilot to contract: how Norwegian industry buys from startups');
    // Both ends in New York's offset: the card is read in the viewer's zone.
    for (const datetime of attrs(card, 'time', 'datetime')) expect(datetime).toMatch(/-05:00$/);
    // Only that card: the other upcoming and the past ones carry neither mark nor button.
    expect(all(page, '.card a.button')).toHaveLength(1);
  });

  it('puts the upcoming webinars before the areas and the subscribe panel in the page', async () => {
    const ctx = await buildTestApp();
    const page = await programme(ctx);
    const grid = one(page, '.programme-grid');
    const order = Array.from(grid.querySelectorAll(':scope > *')).map((el) => el.getAttribute('class'));
    expect(order).toEqual(['programme-head', 'programme-about', 'programme-upcoming', 'programme-aside']);
    expect(texts(page, 'h1, h2').slice(0, 4)).toEqual([
      'Innovation collaboration between small and large companies',
      'Upcoming webinars',
      'Register for the series',
      'Knowledge areas',
    ]);
  });

  it('skips a cancelled webinar: the next one that takes place is marked', async () => {
    const ctx = await buildTestApp();
    await updateWebinar(ctx.db, ctx.clock, FIRST, { status: 'cancelled' });
    const page = await programme(ctx);
    expect(attrs(page, '.card.next h3 a', 'href')).toEqual([`/webinars/${SECOND}`]);
    expect(attrs(page, '.card.next a.button', 'href')).toEqual([`/webinars/${SECOND}#register`]);
  });

  it('offers no Register action once registration has closed: a webinar under way is shown as live', async () => {
    const ctx = await buildTestApp();
    const start = DateTime.fromISO(attrs(await programme(ctx), '.card.next time', 'datetime')[0]!);
    ctx.clock.set(start.plus({ minutes: 10 }).toUTC().toISO()!);
    const page = await programme(ctx, '?tz=Asia/Shanghai');
    const card = one(page, '.card.next');
    expect(attrs(card, 'h3 a', 'href')).toEqual([`/webinars/${FIRST}`]);
    expect(texts(card, '.tag')).toEqual(['Procurement and pilots', 'Live now']);
    expect(all(card, 'a.button')).toHaveLength(0);
  });
});

describe('the world clock on a webinar page', () => {
  it('labels every time cell with its column, so that a phone can show each place as a block', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/webinars/${FIRST}?tz=Asia/Shanghai`);
    expect(res.status).toBe(200);
    const page = parse(await res.text());
    const table = one(page, '#world-clock + .table-wrap table.reflow');
    expect(table.getAttribute('role')).toBe('table');
    expect(texts(table, 'thead th')).toEqual(['Who and where', 'Starts', 'Ends']);
    const rows = all(table, 'tbody tr');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.getAttribute('role')).toBe('row');
      expect(attrs(row, 'td', 'data-label')).toEqual([null, 'Starts', 'Ends']);
      expect(attrs(row, 'td', 'role')).toEqual(['cell', 'cell', 'cell']);
      expect(attrs(row, 'td', 'class')[0]).toBe('row-head');
      expect(all(row, 'td:nth-child(2) time[datetime]')).toHaveLength(1);
    }
  });
});
