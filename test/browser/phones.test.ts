// Phones first (issue 13, item 3), in Chromium against the real server: every page people open on a
// phone fits a 390×844 screen (and a 1280×800 laptop's), tables reflow or scroll inside their own
// box, the programme page shows the next webinar on the first screen, and axe-core finds nothing
// serious on the pages journeys.test.ts does not cover. A screenshot of each phone page goes to
// .artifacts/phones/<page>.png (to look at, not committed); failures to .artifacts/browser/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, describeFindings, measureOverflow, runAxe, signInAsAdmin, useBrowserSession } from './harness.js';

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const SHOTS_DIR = join('.artifacts', 'phones');

/** A page to visit: its name (the screenshot's) and how to find its path once the hub runs. */
type Visit = { name: string; path: string; axe: boolean };

describe.skipIf(!chromiumAvailable())('phones first: pages at 390×844 and 1280×800', { timeout: 60_000 }, () => {
  /** bypassCSP: the hub's Content-Security-Policy (rightly) refuses the injected axe script. */
  const session = useBrowserSession({ timezoneId: 'America/New_York', bypassCSP: true });
  const open = session.open;
  /** Paths found once: the demo's first upcoming webinar, an area, a personal page, a speaker page. */
  let paths: { webinar: string; slug: string; area: string; my: string; speaker: string };

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    const html = await (await fetch(`${session.hub.url}/`)).text();
    const upcoming = html.slice(html.indexOf('id="upcoming"'), html.indexOf('id="past"'));
    const slug = /href="\/webinars\/([a-z0-9-]+)"/.exec(upcoming)?.[1];
    const area = /href="(\/areas\/[a-z0-9-]+)"/.exec(html)?.[1];
    if (!slug || !area) throw new Error('The demo programme lists no upcoming webinar or no area.');
    const registered = await fetch(`${session.hub.url}/api/webinars/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Maria Fernanda Oliveira-Santos',
        email: 'maria.fernanda.oliveira-santos@universidade-federal.example.br',
        organisation: 'Universidade Federal de Tecnologia e Inovação',
        organisationType: 'academia',
        timezone: 'America/Sao_Paulo',
        question: 'https://example.org/a/very/long/link/that/has/no/spaces/in/it/at/all/and/must/wrap/on/a/phone',
        consent: 'yes',
      }),
    });
    const body = (await registered.json()) as { personalUrl?: string };
    if (registered.status !== 201 || !body.personalUrl) throw new Error(`Registration failed: ${registered.status} ${JSON.stringify(body)}`);
    paths = { webinar: `/webinars/${slug}`, slug, area, my: new URL(body.personalUrl).pathname, speaker: '' };
  }, 90_000);

  /** A speaker's private link, made the way a coordinator does ("Replace the link"), once. */
  async function speakerPath(page: Page): Promise<string> {
    if (paths.speaker) return paths.speaker;
    await page.goto('/admin/speakers');
    const href = await page.locator('main tbody a[href^="/admin/speakers/"]').first().getAttribute('href');
    await page.goto(href!);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const rotated = await page.request.post(`${href}/link/rotate`, { form: { _csrf: csrf }, maxRedirects: 0 });
    expect(rotated.status(), 'the workspace makes a speaker link').toBe(303);
    await page.goto(href!);
    paths.speaker = new URL(await page.locator('#speaker-link-url').inputValue()).pathname;
    expect(paths.speaker).toMatch(/^\/speaker\/[A-Za-z0-9_-]{20,}$/);
    return paths.speaker;
  }

  /** The page fits `width`: nothing wider than the screen, and the phone did not zoom out to fit it. */
  async function expectFits(page: Page, name: string, width: number) {
    const overflow = await measureOverflow(page, width);
    const problem = `${name} (${new URL(page.url()).pathname}): ${overflow.scrollWidth}px of content on a ${width}px screen; sticking out: ${overflow.wide.join(', ') || 'nothing'}`;
    expect(overflow.scrollWidth, problem).toBeLessThanOrEqual(width);
    expect(overflow.innerWidth, `${problem} (the page was zoomed out to fit)`).toBe(width);
  }

  /** Every table either reflowed (its rows are blocks) or scrolls inside its own focusable, labelled box. */
  async function expectTablesContained(page: Page, name: string) {
    const tables: Array<{ reflowed: boolean; inWrap: boolean; wrapScrolls: boolean; label: string | null }> = await page.evaluate(`
      [...document.querySelectorAll('main table')].map((table) => {
        const wrap = table.closest('.table-wrap');
        const row = table.querySelector('tbody tr');
        return {
          reflowed: !!row && getComputedStyle(row).display === 'block',
          inWrap: !!wrap,
          wrapScrolls: !!wrap && wrap.scrollWidth > wrap.clientWidth + 1,
          label: wrap ? wrap.getAttribute('aria-label') : null,
        };
      })`);
    for (const table of tables) {
      expect(table.inWrap, `${name}: a table outside a .table-wrap box`).toBe(true);
      // A reflowed table never needs its box to scroll; one that does not reflow may, in its box.
      if (table.reflowed) expect(table.wrapScrolls, `${name}: the reflowed table "${table.label}" still scrolls sideways`).toBe(false);
    }
    return tables;
  }

  async function expectNoSeriousAxeFindings(page: Page, name: string) {
    const findings = (await runAxe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    expect(findings, describeFindings(`${name} (${new URL(page.url()).pathname})`, findings)).toEqual([]);
  }

  async function visitOnPhone(page: Page, { name, path, axe }: Visit) {
    const response = await page.goto(path);
    expect(response?.status(), `${name}: ${path}`).toBe(200);
    await expectFits(page, name, 390);
    const tables = await expectTablesContained(page, name);
    await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
    if (axe) await expectNoSeriousAxeFindings(page, `${name} on a phone`);
    return tables;
  }

  it('on a phone the programme page shows the next webinar, with its time and Register, on the first screen', async () => {
    const page = await open(PHONE);
    await page.goto('/');
    // The device is in New York and the page in Stockholm time: the zone offer takes its room too.
    await page.locator('#zone-offer').waitFor({ state: 'visible' });
    const card = page.locator('.card.next');
    expect(await card.count()).toBe(1);
    const box = (await card.boundingBox())!;
    expect(box.y >= 0 && box.y + box.height <= 844, `the next webinar's card spans ${Math.round(box.y)}–${Math.round(box.y + box.height)}px`).toBe(true);
    expect(await card.locator('h3 a').getAttribute('href')).toBe(paths.webinar);
    const register = card.getByRole('link', { name: /^Register/ });
    expect(await register.getAttribute('href')).toBe(`${paths.webinar}#register`);
    expect(await register.isVisible()).toBe(true);

    // Following the button lands on the form.
    await register.tap();
    await page.waitForURL((url) => url.pathname === paths.webinar && url.hash === '#register');
    const form = (await page.locator('#register').boundingBox())!;
    expect(form.y, 'the registration form is scrolled into view').toBeLessThan(844);
  });

  it('on a phone the world clock reads as one block per place, “Ends” included, without sideways scrolling', async () => {
    const page = await open(PHONE);
    await page.goto(paths.webinar);
    const rows = page.locator('#world-clock + .table-wrap tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    // Each row a block, and each time cell on the screen with its column's name shown before it.
    const cells: Array<{ row: string; label: string; left: number; right: number; before: string; times: number }> = await page.evaluate(`
      [...document.querySelectorAll('#world-clock + .table-wrap tbody tr')].flatMap((tr) =>
        [...tr.querySelectorAll('td[data-label]')].map((td) => ({
          row: getComputedStyle(tr).display,
          label: td.getAttribute('data-label'),
          left: td.getBoundingClientRect().left,
          right: td.getBoundingClientRect().right,
          before: getComputedStyle(td, '::before').content,
          times: td.querySelectorAll('time[datetime]').length,
        })))`);
    expect(cells.map((c) => c.label)).toEqual(Array.from({ length: await rows.count() }, () => ['Starts', 'Ends']).flat());
    for (const cell of cells) {
      expect(cell.row).toBe('block');
      expect(cell.left >= 0 && cell.right <= 390, `${cell.label} from ${cell.left} to ${cell.right}px`).toBe(true);
      expect(cell.before).toContain(cell.label);
      // The time keeps its machine-readable instant.
      expect(cell.times).toBe(1);
    }
    // Screen readers still get a table with its column headers.
    const roles = await page.evaluate(`(() => {
      const table = document.querySelector('#world-clock + .table-wrap table');
      return [table.getAttribute('role'), [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim())];
    })()`);
    expect(roles).toEqual(['table', ['Who and where', 'Starts', 'Ends']]);
  });

  it('on a phone every public page and the private pages fit the screen', async () => {
    const page = await open(PHONE);
    const visits: Visit[] = [
      { name: 'programme', path: '/', axe: false },
      { name: 'webinar', path: paths.webinar, axe: false },
      { name: 'area', path: paths.area, axe: true },
      { name: 'recordings', path: '/recordings', axe: false },
      { name: 'timezone', path: '/timezone', axe: false },
      { name: 'my-page', path: paths.my, axe: false },
    ];
    for (const visit of visits) await visitOnPhone(page, visit);
  });

  /** The workspace's lists a coordinator scans on a phone: they reflow rather than scroll. */
  const LISTS = ['admin-webinars', 'admin-registrations', 'admin-outbox', 'admin-speakers'];

  async function visitWorkspaceOnPhone(visits: (page: Page) => Promise<Visit[]>) {
    const page = await open(PHONE);
    await signInAsAdmin(page);
    for (const visit of await visits(page)) {
      const tables = await visitOnPhone(page, visit);
      if (LISTS.includes(visit.name))
        expect(
          tables.some((t) => t.reflowed),
          `${visit.name}: its list reflows on a phone`,
        ).toBe(true);
    }
  }

  it('on a phone the speaker’s private page, the dashboard, the webinars and a webinar’s form fit the screen', async () => {
    await visitWorkspaceOnPhone(async (page) => [
      { name: 'speaker-page', path: await speakerPath(page), axe: true },
      { name: 'admin-dashboard', path: '/admin', axe: true },
      { name: 'admin-webinars', path: '/admin/webinars', axe: true },
      { name: 'admin-webinar-form', path: `/admin/webinars/${paths.slug}`, axe: false },
    ]);
  });

  it('on a phone the registrations, the outbox, the speakers and the programme settings fit the screen', async () => {
    await visitWorkspaceOnPhone(async () => [
      { name: 'admin-registrations', path: `/admin/webinars/${paths.slug}/registrations`, axe: true },
      { name: 'admin-outbox', path: '/admin/outbox', axe: true },
      { name: 'admin-speakers', path: '/admin/speakers', axe: true },
      { name: 'admin-programme', path: '/admin/programme', axe: true },
    ]);
  });

  it('on a 1280×800 laptop no page is wider than the screen, and the next webinar is on the first screen', async () => {
    const page = await open(LAPTOP);
    await page.goto('/');
    const next = page.locator('.card.next');
    for (const part of [next.locator('h3'), next.locator('.when')]) {
      const box = (await part.boundingBox())!;
      expect(box.y + box.height, 'the next webinar’s title and time above the fold').toBeLessThanOrEqual(800);
    }
    // Beside the introduction, not below it: the areas panel starts at the top of the content.
    const areas = (await page.locator('.programme-aside').boundingBox())!;
    expect(areas.x).toBeGreaterThan(640);

    for (const path of ['/', paths.webinar, paths.area, '/recordings', '/timezone', paths.my]) {
      await page.goto(path);
      await expectFits(page, path, 1280);
    }
    await signInAsAdmin(page);
    const adminPaths = [
      '/admin',
      '/admin/webinars',
      `/admin/webinars/${paths.slug}`,
      `/admin/webinars/${paths.slug}/registrations`,
      '/admin/outbox',
      '/admin/speakers',
      '/admin/programme',
    ];
    for (const path of [await speakerPath(page), ...adminPaths]) {
      await page.goto(path);
      await expectFits(page, path, 1280);
      // On a wide screen the tables stay tables.
      const tables = await expectTablesContained(page, path);
      expect(
        tables.every((t) => !t.reflowed),
        `${path}: a table reflowed on a laptop`,
      ).toBe(true);
    }
  });
});
