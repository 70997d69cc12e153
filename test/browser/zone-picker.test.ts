// The zone picker in Chromium against the real server, on a phone: typing "Beij" offers Beijing,
// choosing it shows the programme in Asia/Shanghai; "GMT+8" offers the places at +08:00, by
// keyboard and without the script. The phone screenshot goes to .artifacts/phones/timezone.png.
import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, describeFindings, measureOverflow, runAxe, useBrowserSession } from './harness.js';

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe.skipIf(!chromiumAvailable())('the zone picker in Chromium on a phone', { timeout: 30_000 }, () => {
  // A device in Oslo: neither the programme's zone nor the one chosen, so nothing is taken for granted.
  const session = useBrowserSession({ timezoneId: 'Europe/Oslo', ...PHONE });
  const open = session.open;

  async function datetimes(page: Page): Promise<string[]> {
    return page.evaluate(`[...document.querySelectorAll('main time[datetime]')].map((el) => el.getAttribute('datetime'))`);
  }

  async function expectProgrammeInShanghai(page: Page) {
    await page.waitForURL((url) => url.pathname === '/');
    const shown = await datetimes(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(
      shown.filter((d) => !d.endsWith('+08:00')),
      'every time in Shanghai time',
    ).toEqual([]);
    expect((await page.locator('.zone-chip').textContent())?.replace(/\s+/g, ' ').trim()).toBe('Times in Shanghai (Asia/Shanghai), change time zone');
  }

  it('offers Beijing after "Beij" and shows the programme in Asia/Shanghai once it is tapped', async () => {
    const page = await open();
    await page.goto('/timezone?return=%2F');
    const search = page.getByRole('combobox', { name: 'Find your time zone' });
    await search.pressSequentially('Beij', { delay: 40 });
    const listbox = page.getByRole('listbox', { name: 'Matching time zones' });
    await listbox.waitFor({ state: 'visible' });
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    const first = listbox.getByRole('option').first();
    expect((await first.textContent())?.replace(/\s+/g, ' ')).toMatch(/^Beijing: Shanghai, China ?Asia\/Shanghai · UTC\+08:00 · now \d\d:\d\d$/);

    expect(await measureOverflow(page, 390), 'nothing wider than the phone').toMatchObject({ wide: [] });
    mkdirSync('.artifacts/phones', { recursive: true });
    await page.screenshot({ path: '.artifacts/phones/timezone.png', fullPage: false });

    await first.tap();
    await expectProgrammeInShanghai(page);
  });

  it('offers the places at +08:00 for "GMT+8", chosen with the keyboard', async () => {
    const page = await open();
    await page.goto('/timezone?return=%2F');
    const search = page.getByRole('combobox', { name: 'Find your time zone' });
    await search.pressSequentially('GMT+8', { delay: 40 });
    const options = page.getByRole('listbox', { name: 'Matching time zones' }).getByRole('option');
    await options.first().waitFor({ state: 'visible' });
    const texts = (await options.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.every((t) => t.includes('UTC+08:00'))).toBe(true);
    expect(texts[0]).toContain('Asia/Shanghai');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    await expectProgrammeInShanghai(page);
  });

  it('lists the choices for "GMT+8" as links without the script', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto('/timezone?return=%2F');
    await page.getByLabel('Find your time zone').fill('GMT+8');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'GMT+8');
    const results = page.locator('.zone-results a');
    expect(await results.count()).toBeGreaterThan(3);
    await results.first().click();
    await expectProgrammeInShanghai(page);
  });

  it('has no serious or critical accessibility violations with the list open (axe-core)', async () => {
    const page = await open({ bypassCSP: true });
    await page.goto('/timezone?return=%2F');
    await page.getByRole('combobox', { name: 'Find your time zone' }).pressSequentially('new', { delay: 40 });
    await page.getByRole('listbox', { name: 'Matching time zones' }).waitFor({ state: 'visible' });
    const findings = (await runAxe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    expect(findings, describeFindings('/timezone with the list open', findings)).toEqual([]);
  });
});
