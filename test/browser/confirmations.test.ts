// The steps that ask before what cannot be undone, in Chromium on a phone against the real server:
// an attendee cancelling a seat with and without the script, replacing their link, and a coordinator
// moving and cancelling a webinar who sees the counts first. axe-core runs on every step; phone
// screenshots go to .artifacts/phones/confirm-*.png (failures to .artifacts/browser/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCalendar } from '../helpers/ical.js';
import { ADMIN, chromiumAvailable, describeFindings, focusedId, measureOverflow, runAxe, useBrowserSession } from './harness.js';

const PHONES_DIR = join('.artifacts', 'phones');
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

function shownIn(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

describe.skipIf(!chromiumAvailable())('asking before what cannot be undone, in Chromium on a phone', { timeout: 45_000 }, () => {
  /** A phone; bypassCSP lets axe be injected (the hub's CSP rightly refuses it). */
  const session = useBrowserSession({ ...PHONE, timezoneId: 'America/New_York', bypassCSP: true });
  const phone = session.open;
  beforeAll(() => {
    mkdirSync(PHONES_DIR, { recursive: true });
  });

  async function upcomingSlugs(): Promise<string[]> {
    const html = await (await fetch(`${session.hub.url}/`)).text();
    const section = html.split('id="upcoming"')[1]?.split('id="past"')[0] ?? '';
    return [...new Set([...section.matchAll(/href="\/webinars\/([a-z0-9-]+)"/g)].map((m) => m[1]!))];
  }

  async function webinarFromCalendar(slug: string): Promise<{ start: DateTime; end: DateTime; title: string }> {
    const [event] = parseCalendar(await (await fetch(`${session.hub.url}/webinars/${slug}/calendar.ics`)).text()).events;
    return { start: DateTime.fromISO(event!.start, { zone: 'UTC' }), end: DateTime.fromISO(event!.end!, { zone: 'UTC' }), title: event!.summary };
  }

  async function registerByApi(slug: string, email: string): Promise<string> {
    const response = await fetch(`${session.hub.url}/api/webinars/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana Costa', email, organisation: 'Porto Labs', organisationType: 'startup', timezone: 'America/New_York', consent: 'yes' }),
    });
    const body = (await response.json()) as { personalUrl?: string };
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body.personalUrl!;
  }

  /** The page fits a 390 px screen, has no serious axe findings, and is saved as a phone screenshot. */
  async function checkStep(page: Page, name: string) {
    const overflow = await measureOverflow(page, 390);
    expect(overflow.scrollWidth, `${name}: sticking out: ${overflow.wide.join(', ') || 'nothing'}`).toBeLessThanOrEqual(overflow.innerWidth);
    const findings = (await runAxe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    expect(findings, describeFindings(`${name} (${new URL(page.url()).pathname})`, findings)).toEqual([]);
    await page.screenshot({ path: join(PHONES_DIR, `confirm-${name}.png`), fullPage: true });
  }

  const cardOf = (page: Page, slug: string) => page.locator('li.card', { has: page.locator(`h3 a[href="/webinars/${slug}"]`) });

  it('without the script, an attendee cancels a seat through a page that says what happens, and can go back instead', async () => {
    const slug = (await upcomingSlugs())[0]!;
    const webinar = await webinarFromCalendar(slug);
    const personal = await registerByApi(slug, `noscript.${Date.now()}@example.org`);
    const page = await phone({ javaScriptEnabled: false });
    await page.goto(personal);

    // "Keep my seat" first: back to the page, nothing changed.
    await cardOf(page, slug).getByRole('button', { name: 'Cancel my seat' }).tap();
    await page.waitForURL((url) => url.pathname.endsWith('/cancel'));
    await page.getByRole('link', { name: 'Keep my seat' }).tap();
    await page.waitForURL((url) => url.pathname === new URL(personal).pathname);
    expect((await cardOf(page, slug).locator('.tag').innerText()).trim()).toBe('Registered');

    await cardOf(page, slug).getByRole('button', { name: 'Cancel my seat' }).tap();
    await page.waitForURL((url) => url.pathname.endsWith('/cancel'));
    expect(await page.locator('h1').innerText()).toBe(`Cancel your seat at “${webinar.title}”?`);
    expect(await page.locator('.lead time').first().getAttribute('datetime')).toBe(shownIn(webinar.start, 'America/New_York'));
    expect(await page.locator('.confirm-consequences li').first().innerText()).toBe('Your seat becomes free for someone else to take.');

    await page.getByRole('button', { name: 'Yes, cancel my seat' }).tap();
    await page.waitForURL((url) => url.searchParams.get('done') === 'cancelled');
    expect(await cardOf(page, slug).count(), 'the webinar is listed once').toBe(1);
    expect((await cardOf(page, slug).locator('.tag').innerText()).trim()).toBe('Cancelled by you');
    expect(await cardOf(page, slug).getByRole('button', { name: 'Register again' }).count()).toBe(1);
  });

  it('with the script, the same step opens in a dialog with the way back focused; the step pages pass axe and fit the phone', async () => {
    const slug = (await upcomingSlugs())[1]!;
    const webinar = await webinarFromCalendar(slug);
    const personal = await registerByApi(slug, `dialog.${Date.now()}@example.org`);
    const page = await phone();
    await page.goto(personal);
    const card = cardOf(page, slug);

    await card.getByRole('button', { name: 'Cancel my seat' }).tap();
    const dialog = page.getByRole('dialog', { name: `Cancel your seat at “${webinar.title}”?` });
    await dialog.waitFor({ state: 'visible' });
    expect(await focusedId(page), 'the way back, not the button that acts, has the focus').toBe('a');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Keep my seat');
    expect(new URL(page.url()).pathname, 'the page stays where it was').toBe(new URL(personal).pathname);
    await page.screenshot({ path: join(PHONES_DIR, 'confirm-cancel-seat-dialog.png') });

    // Escape closes it and changes nothing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await card.locator('.tag').innerText()).trim()).toBe('Registered');

    // The step pages themselves (what the dialog shows, and what a browser without the script gets).
    await page.goto(`${personal}/reset-link`);
    expect(await page.locator('h1').innerText()).toBe('Replace your personal link?');
    expect(await page.locator('.confirm-consequences').innerText()).toContain('Calendar subscriptions made with the old link stop updating');
    await checkStep(page, 'replace-link');
    await page.goto(`${personal}/remove`);
    await checkStep(page, 'delete-data');
    await page.goto(personal);
    await card.getByRole('button', { name: 'Cancel my seat' }).tap();
    const cancelUrl = `${session.hub.url}${await page.locator('dialog form').getAttribute('action')}`;
    await page.goto(cancelUrl);
    await checkStep(page, 'cancel-seat');

    // Confirming from the dialog.
    await page.goto(personal);
    await card.getByRole('button', { name: 'Cancel my seat' }).tap();
    await dialog.getByRole('button', { name: 'Yes, cancel my seat' }).tap();
    await page.waitForURL((url) => url.searchParams.get('done') === 'cancelled');
    expect((await card.locator('.tag').innerText()).trim()).toBe('Cancelled by you');
  });

  it('a coordinator on a phone moving a webinar sees the old and new time and who will be emailed before confirming', async () => {
    const slug = (await upcomingSlugs()).at(-1)!;
    const webinar = await webinarFromCalendar(slug);
    await registerByApi(slug, `moved.${Date.now()}@example.org`);
    const page = await phone({ timezoneId: 'Europe/Stockholm' });
    await page.goto('/admin/login');
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).tap();
    await page.waitForURL((url) => url.pathname === '/admin');

    await page.goto(`/admin/webinars/${slug}`);
    const zone = await page.locator('#f-timezone').inputValue();
    const moved = DateTime.fromISO(await page.locator('#f-start').inputValue(), { zone }).plus({ hours: 2 });
    await page.locator('#f-start').fill(moved.toFormat("yyyy-MM-dd'T'HH:mm"));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save changes' }).tap()]);

    expect(await page.locator('h1').innerText()).toBe(`Move “${webinar.title}”?`);
    const times = await page.locator('.confirm-times time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    expect(times).toEqual([
      shownIn(webinar.start, 'Europe/Stockholm'),
      shownIn(webinar.end, 'Europe/Stockholm'),
      shownIn(moved, 'Europe/Stockholm'),
      shownIn(moved.plus(webinar.end.diff(webinar.start)), 'Europe/Stockholm'),
    ]);
    const audience = (await page.locator('.confirm-audience').innerText()).trim();
    expect(audience).toMatch(
      /^\d+ confirmed attendees? and \d+ speakers? will be emailed an updated invitation(, and \d+ (person|people) on the waiting list a short note with the new time)?\.$/,
    );
    expect(Number(audience.split(' ')[0])).toBeGreaterThanOrEqual(1);
    await checkStep(page, 'move-webinar');

    // Nothing moved yet; confirming does.
    expect((await webinarFromCalendar(slug)).start.toMillis()).toBe(webinar.start.toMillis());
    await page.getByRole('button', { name: /^Move it and email \d+ (person|people)$/ }).tap();
    await page.waitForURL((url) => url.searchParams.get('done') === 'saved');
    expect((await webinarFromCalendar(slug)).start.toMillis()).toBe(moved.toMillis());

    // The cancellation step says the same kind of thing; going back changes nothing.
    await page.getByRole('button', { name: 'Cancel the webinar…' }).tap();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('.confirm-audience').innerText()).toMatch(
      /^\d+ confirmed attendees?, \d+ (person|people) on the waiting list and \d+ speakers? will be emailed a cancellation\.$/,
    );
    await dialog.getByRole('link', { name: 'Go back' }).tap();
    await dialog.waitFor({ state: 'hidden' });
    await page.goto(`/admin/webinars/${slug}/cancel`);
    await checkStep(page, 'cancel-webinar');
    await page.getByRole('link', { name: 'Go back' }).tap();
    await page.waitForURL((url) => url.pathname === `/admin/webinars/${slug}`);
    expect(await page.locator('#f-status').inputValue()).toBe('published');

    // Cancelling one attendee's registration asks too, in a dialog, and going back changes nothing.
    await page.goto(`/admin/webinars/${slug}/registrations`);
    await page
      .getByRole('button', { name: /^Cancel the registration of Ana Costa/ })
      .first()
      .tap();
    const askRegistration = page.getByRole('dialog', { name: 'Cancel the registration of Ana Costa?' });
    await askRegistration.waitFor({ state: 'visible' });
    expect(await askRegistration.locator('.confirm-consequences li').first().innerText()).toMatch(/^Ana Costa \(moved\.\d+@example\.org\) is emailed/);
    await page.screenshot({ path: join(PHONES_DIR, 'confirm-cancel-registration-dialog.png') });
    await askRegistration.getByRole('link', { name: 'Go back' }).tap();
    await askRegistration.waitFor({ state: 'hidden' });
  });
  it('the owner’s browser registering again from a webinar page lands on the personal page with the new row marked', async () => {
    const [first, second] = await upcomingSlugs();
    const email = `owner.${Date.now()}@example.org`;
    const page = await phone();
    const register = async (slug: string) => {
      await page.goto(`/webinars/${slug}`);
      await page.getByLabel('Name', { exact: true }).fill('Ana Costa');
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Organisation', { exact: true }).fill('Porto Labs');
      await page.getByLabel('Type of organisation').selectOption('startup');
      await page.locator('#reg-consent').check();
      await page.getByRole('button', { name: 'Register', exact: true }).tap();
      await page.waitForURL(/\/my\/[^/?]+\?registered=/);
    };
    await register(first!);
    const personal = new URL(page.url()).pathname;
    await register(second!);
    expect(new URL(page.url()).pathname, 'the same page, not "check your email"').toBe(personal);
    const title = (await webinarFromCalendar(second!)).title;
    expect(await page.locator('main > [role="status"] li').innerText()).toMatch(new RegExp(`^Registered: “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
    const marked = page.locator('li.card.just-registered');
    expect(await marked.count()).toBe(1);
    expect(await marked.locator('h3 a').getAttribute('href')).toBe(`/webinars/${second}`);
    await marked.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(PHONES_DIR, 'confirm-owner-landing.png') });

    // Another browser typing the same address learns nothing.
    const stranger = await phone();
    await stranger.goto(`/webinars/${first}`);
    await stranger.getByLabel('Name', { exact: true }).fill('Someone Else');
    await stranger.getByLabel('Email', { exact: true }).fill(email);
    await stranger.getByLabel('Organisation', { exact: true }).fill('Elsewhere');
    await stranger.getByLabel('Type of organisation').selectOption('other');
    await stranger.locator('#reg-consent').check();
    await stranger.getByRole('button', { name: 'Register', exact: true }).tap();
    await stranger.waitForURL((url) => url.pathname === '/registered');
    expect(await stranger.locator('h1').innerText()).toBe('Check your email');
  });
});
