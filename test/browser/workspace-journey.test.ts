// A coordinator's journey in Chromium (issue 13): the dashboard sentence accounts for everyone
// registered, and materials added one after the other plus "Email registered attendees" give each
// attendee one announcement, never a second about the same materials; on a desktop and a phone.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, describeFindings, measureOverflow, runAxe, signInAsAdmin, useBrowserSession } from './harness.js';

const PEOPLE = [
  { name: 'Wang Fang', email: 'wang.fang@example.cn', organisation: 'Shanghai Startup Lab', organisationType: 'startup', timezone: 'Asia/Shanghai' },
  { name: 'Erik Berg', email: 'erik.berg@example.se', organisation: 'Volvo Group', organisationType: 'large-company', timezone: 'Europe/Stockholm' },
];

describe.skipIf(!chromiumAvailable())('a coordinator’s workspace journey in Chromium', { timeout: 60_000 }, () => {
  const session = useBrowserSession({ bypassCSP: true }, { contextTimeoutMs: 15_000 });
  let slug: string;

  beforeAll(async () => {
    const html = await (await fetch(`${session.hub.url}/`)).text();
    slug = /href="\/webinars\/([a-z0-9-]+)"/.exec(html.split('id="upcoming"')[1] ?? html)![1]!;
    for (const person of PEOPLE) {
      const res = await fetch(`${session.hub.url}/api/webinars/${slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...person, consent: 'yes' }),
      });
      expect(res.status).toBe(201);
    }
  }, 90_000);

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    const page = await session.open({ viewport });
    await signInAsAdmin(page);
    return page;
  }

  it.each([
    ['a desktop', { width: 1280, height: 800 }],
    ['a phone', { width: 390, height: 844 }],
  ])('on %s the dashboard sentence accounts for every person and organisation type, and the page fits', async (_label, viewport) => {
    const page = await signedIn(viewport);
    const sentence = (await page.locator('main p.lead').innerText()).replace(/\s+/g, ' ');
    expect(sentence).toMatch(/^2 confirmed registrations from 2 people: /);
    expect(sentence).toContain('1 from a large company');
    expect(sentence).toContain('1 from a small company or startup');
    expect(sentence).toMatch(/none from /);
    const overflow = await measureOverflow(page, viewport.width);
    expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(viewport.width);
    const findings = (await runAxe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    expect(findings, describeFindings('dashboard', findings)).toEqual([]);
  });

  it('a recording, then a link, then "Email registered attendees": one announcement per attendee, and pressing again sends none', async () => {
    const page = await signedIn({ width: 1280, height: 900 });
    const add = async (kind: string, title: string, url: string) => {
      await page.goto(`/admin/webinars/${slug}#materials`);
      await page.locator('#material-kind').selectOption(kind);
      await page.locator('#material-title').fill(title);
      await page.locator('#material-url').fill(url);
      await page.getByRole('button', { name: 'Add material' }).click();
      await page.waitForURL((u) => u.pathname === `/admin/webinars/${slug}`);
    };
    await add('recording', 'Recording of the session', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await add('link', 'Further reading', 'https://example.org/reading');

    const announce = async () => {
      await page.getByRole('button', { name: /^Email registered attendees/ }).click();
      await page.waitForURL((u) => u.pathname === `/admin/webinars/${slug}`);
      return (await page.locator('#materials [role="status"]').first().innerText()).replace(/\s+/g, ' ');
    };
    expect(await announce()).toMatch(/^2 emails queued/);
    expect(await announce()).toMatch(/^No new emails/);

    await page.goto('/admin/outbox');
    const rows = page.locator('tbody tr');
    const announcements: Array<{ to: string; subject: string }> = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const head = await row.locator('td').first().innerText();
      if (!head.includes('materials-available')) continue;
      announcements.push({ to: (await row.locator('td').nth(1).innerText()).trim(), subject: head.split('\n')[0]!.trim() });
    }
    expect(announcements.map((a) => a.to).sort()).toEqual(PEOPLE.map((p) => p.email).sort());
  });
});
