// The journeys people make, in Chromium against the real server (node --import tsx src/server.ts)
// on a free port with a temporary database: a visitor abroad, a mistyped form, a coordinator moving
// a webinar, a phone, and axe-core on the pages people use. Screenshots of failures go to
// .artifacts/browser/<test-name>.png.
import { DateTime } from 'luxon';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../helpers/ical.js';
import { chromiumAvailable, describeFindings, focusedId, measureOverflow, runAxe, signInAsAdmin, useBrowserSession } from './harness.js';

/** What a `<time datetime>` holds for an instant shown in a zone: ISO 8601 with that zone's offset. */
function shownIn(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

// Chromium is Debian's package (.ci/run installs it); without it there is nothing to drive, and in
// CI that is a failure, not a skip.
describe.skipIf(!chromiumAvailable())('journeys in Chromium against the real server', { timeout: 30_000 }, () => {
  const session = useBrowserSession();
  /** A fresh browser context (no cookies) and page for one test; closed after it. */
  const open = session.open;

  /** Upcoming webinars' slugs in programme order, as the programme page lists them. */
  async function upcomingSlugs(): Promise<string[]> {
    const html = await (await fetch(`${session.hub.url}/`)).text();
    const section = html.split('id="upcoming"')[1]?.split('id="past"')[0] ?? '';
    const slugs = [...new Set([...section.matchAll(/href="\/webinars\/([a-z0-9-]+)"/g)].map((m) => m[1]!))];
    expect(slugs.length, 'the demo programme has upcoming webinars').toBeGreaterThan(1);
    return slugs;
  }

  /** The webinar's start and title from its public calendar file, read with ical.js: independent of the pages. */
  async function webinarFromCalendar(slug: string): Promise<{ start: DateTime; title: string }> {
    const response = await fetch(`${session.hub.url}/webinars/${slug}/calendar.ics`);
    expect(response.status).toBe(200);
    const [event] = parseCalendar(await response.text()).events;
    expect(event, `an event in /webinars/${slug}/calendar.ics`).toBeDefined();
    return { start: DateTime.fromISO(event!.start, { zone: 'UTC' }), title: event!.summary };
  }

  /** Registers through the public JSON API and returns the attendee's personal page URL. */
  async function registerByApi(slug: string, email: string): Promise<string> {
    const response = await fetch(`${session.hub.url}/api/webinars/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Axe Tester',
        email,
        organisation: 'Accessible Ltd',
        organisationType: 'other',
        timezone: 'America/New_York',
        consent: 'yes',
      }),
    });
    const body = (await response.json()) as { personalUrl?: string };
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body.personalUrl!;
  }

  async function datetimes(page: Page): Promise<string[]> {
    return page.evaluate(`[...document.querySelectorAll('time[datetime]')].map((el) => el.getAttribute('datetime'))`);
  }

  it('a visitor in Shanghai sees the programme in their zone, registers with the keyboard, finds it in their calendar and cancels', async () => {
    const page = await open({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    const zone = 'Asia/Shanghai';

    // The programme, shown in Stockholm time, offers the device's zone.
    await page.goto('/');
    const offer = page.locator('#zone-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.getAttribute('data-shown-zone')).toBe('Europe/Stockholm');
    expect(await offer.locator('[data-zone-name]').textContent()).toBe('Asia/Shanghai');
    const before = await datetimes(page);
    expect(before.length).toBeGreaterThan(0);
    expect(
      before.filter((d) => !/\+0[12]:00$/.test(d)),
      'times in Stockholm time before the switch',
    ).toEqual([]);

    await offer.getByRole('link', { name: 'show times in your zone' }).click();
    await page.waitForURL((url) => url.searchParams.get('tz') === zone);
    const after = await datetimes(page);
    expect(
      after.filter((d) => !d.endsWith('+08:00')),
      'every <time datetime> in Shanghai time',
    ).toEqual([]);
    expect(
      after.map((d) => DateTime.fromISO(d).toMillis()),
      'the same instants, shown in another zone',
    ).toEqual(before.map((d) => DateTime.fromISO(d).toMillis()));
    expect(await offer.isHidden(), 'no offer once the zone is chosen').toBe(true);
    expect((await page.locator('.zone-chip').textContent())?.replace(/\s+/g, ' ').trim()).toBe('Times in Shanghai (Asia/Shanghai), change time zone');

    // An upcoming webinar: every time in Shanghai time, checked against its calendar file.
    const card = page.locator('section[aria-labelledby="upcoming"] h3 a').first();
    const title = (await card.innerText()).trim();
    await card.click();
    await page.waitForURL(/\/webinars\/[a-z0-9-]+$/);
    const slug = new URL(page.url()).pathname.split('/').pop()!;
    const webinar = await webinarFromCalendar(slug);
    expect(webinar.title).toBe(title);
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('.lead.when time').first().getAttribute('datetime')).toBe(shownIn(webinar.start, zone));

    const you = page.locator('#world-clock + .table-wrap tbody tr', { hasText: 'You' });
    const local = webinar.start.setZone(zone).setLocale('en-GB');
    expect(await you.locator('time').first().getAttribute('datetime')).toBe(shownIn(webinar.start, zone));
    const clockTime = (await you.locator('.clock-time').first().innerText()).trim();
    const clockDate = (await you.locator('time .clock-date').first().innerText()).trim();
    expect(clockTime).toBe(`${local.toFormat('HH:mm')} GMT+8`);
    expect(clockDate).toBe(local.toFormat('ccc d LLL yyyy'));
    const programmeRow = page.locator('#world-clock + .table-wrap tbody tr', { hasText: 'Programme' });
    expect(await programmeRow.locator('time').first().getAttribute('datetime')).toBe(shownIn(webinar.start, 'Europe/Stockholm'));

    // The script fills in the zone; the rest is typed, with Tab, Space and Enter only.
    expect(await page.locator('#reg-timezone').inputValue()).toBe(zone);
    let presses = 0;
    while ((await focusedId(page)) !== 'reg-name') {
      expect(presses++, 'the registration form is reachable with Tab').toBeLessThan(60);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Wang Fang');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('reg-email');
    await page.keyboard.type('wang.fang@example.cn');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('reg-organisation');
    await page.keyboard.type('Shanghai Startup Lab');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('reg-organisationType');
    await page.keyboard.type('Small');
    expect(await page.locator('#reg-organisationType').inputValue()).toBe('startup');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('reg-timezone');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('reg-question');
    await page.keyboard.type('How do you pick pilot partners?');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('reg-consent');
    await page.keyboard.press('Space');
    expect(await page.locator('#reg-consent').isChecked()).toBe(true);
    presses = 0;
    while ((await page.evaluate(`document.activeElement && document.activeElement.type`)) !== 'submit') {
      expect(presses++, 'the submit button follows the consent box').toBeLessThan(3);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/my\/[^/?]+\?registered=/);

    // The personal page confirms it, at the time the world clock gave for Shanghai.
    const notice = page.locator('main > [role="status"]');
    expect(await notice.innerText()).toContain('Thank you for registering.');
    const confirmation = notice.locator('li');
    expect((await confirmation.innerText()).trim()).toBe(`Registered: “${title}”, ${clockDate}, ${clockTime} (${zone})`);
    expect(await confirmation.locator('time').getAttribute('datetime')).toBe(shownIn(webinar.start, zone));
    expect(await page.locator('p.lead').innerText()).toBe('Wang Fang, Shanghai Startup Lab. Times are shown for Asia/Shanghai.');
    const myCard = page.locator('li.card', { has: page.locator(`a[href="/webinars/${slug}"]`) }).first();
    expect((await myCard.locator('.tag').innerText()).trim()).toBe('Registered');

    // The personal calendar feed lists the webinar at its instant.
    const feedUrl = await page.locator('#my-feed-url').inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${session.hub.url}/my/[^/]+/calendar\\.ics$`));
    expect(await page.getByRole('link', { name: 'Subscribe' }).getAttribute('href')).toBe(feedUrl.replace(/^https?:/, 'webcal:'));
    const feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
    const events = parseCalendar(await feed.text()).events;
    expect(events.map((e) => ({ summary: e.summary, start: DateTime.fromISO(e.start).toMillis(), status: e.status }))).toEqual([
      { summary: title, start: webinar.start.toMillis(), status: 'CONFIRMED' },
    ]);

    // Cancelling asks first, in a dialog (test/browser/confirmations.test.ts covers the steps).
    await myCard.getByRole('button', { name: 'Cancel my seat' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel my seat' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'cancelled');
    expect((await page.locator('main > [role="status"]').innerText()).trim()).toBe('Your registration is cancelled. A confirmation is on its way by email.');
    expect((await myCard.locator('.tag').innerText()).trim()).toBe('Cancelled by you');
    expect(await myCard.getByRole('button', { name: 'Cancel my seat' }).count()).toBe(0);
    expect(parseCalendar(await (await page.request.get(feedUrl)).text()).events).toEqual([]);
  });

  it('a form with a mistyped email and no consent comes back with the errors beside the fields and what was typed', async () => {
    const page = await open({ viewport: { width: 1280, height: 720 }, timezoneId: 'Europe/Stockholm' });
    const [slug] = await upcomingSlugs();
    await page.goto(`/webinars/${slug}`);
    await page.getByLabel('Name', { exact: true }).fill('Li Wei');
    await page.getByLabel('Email', { exact: true }).fill('li.wei(at)example.cn');
    await page.getByLabel('Organisation', { exact: true }).fill('Hangzhou Robotics');
    await page.getByLabel('Type of organisation').selectOption('academia');
    await page.getByLabel('A question for the speakers (optional)').fill('Will there be a recording?');
    expect(await page.locator('#reg-timezone').inputValue()).toBe('Europe/Stockholm');

    const posted = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const response = await posted;
    expect(response.status()).toBe(422);
    await page.waitForLoadState('domcontentloaded');
    expect(new URL(page.url()).pathname, 'the form page of the same webinar').toBe(`/webinars/${slug}/register`);
    expect(await page.locator('h1').innerText()).toBe((await webinarFromCalendar(slug!)).title);

    const emailError = 'Email must be an email address such as name@example.com.';
    const consentError = 'Please agree that we store your details for the programme; we cannot register you otherwise.';
    const summary = page.locator('#register-errors');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect((await summary.locator('strong').innerText()).trim()).toBe('2 things to fix:');
    const summaryLinks = await Promise.all((await summary.locator('li a').all()).map(async (a) => [await a.getAttribute('href'), await a.textContent()]));
    expect(summaryLinks).toEqual([
      ['#reg-email', emailError],
      ['#reg-consent', consentError],
    ]);

    // Each error sits with its field and is tied to it for screen readers.
    expect(await page.locator('#reg-email-error').innerText()).toBe(emailError);
    expect(await page.locator('#reg-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#reg-email').getAttribute('aria-describedby')).toBe('reg-email-error');
    expect(await page.locator('#reg-consent-error').innerText()).toBe(consentError);
    expect(await page.locator('#reg-consent').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#reg-consent').getAttribute('aria-describedby')).toBe('reg-consent-error');
    expect(await page.locator('#reg-name').getAttribute('aria-invalid')).toBeNull();

    // What was typed is still there.
    expect(await page.locator('#reg-name').inputValue()).toBe('Li Wei');
    expect(await page.locator('#reg-email').inputValue()).toBe('li.wei(at)example.cn');
    expect(await page.locator('#reg-organisation').inputValue()).toBe('Hangzhou Robotics');
    expect(await page.locator('#reg-organisationType').inputValue()).toBe('academia');
    expect(await page.locator('#reg-timezone').inputValue()).toBe('Europe/Stockholm');
    expect(await page.locator('#reg-question').inputValue()).toBe('Will there be a recording?');
    expect(await page.locator('#reg-consent').isChecked()).toBe(false);

    // The summary is seen at once: focused, or at least on screen without scrolling.
    const box = await summary.boundingBox();
    const viewport = page.viewportSize()!;
    const focused = (await focusedId(page)) === 'register-errors';
    expect(
      focused || (box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= viewport.height),
      `error summary at y=${box?.y} in a ${viewport.height}px window, focused: ${focused}`,
    ).toBe(true);

    // Its links lead to the fields.
    await summary.getByRole('link', { name: consentError }).click();
    expect(new URL(page.url()).hash).toBe('#reg-consent');
    expect(await focusedId(page), 'following the link focuses the field').toBe('reg-consent');
    const consentBox = await page.locator('#reg-consent').boundingBox();
    expect(
      consentBox !== null && consentBox.y > -1 && consentBox.y < viewport.height,
      `the consent box is scrolled into view (${JSON.stringify(consentBox)})`,
    ).toBe(true);
  });

  it('on a phone, a form sent with errors shows its error summary without scrolling', async () => {
    const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: 'Europe/Stockholm' });
    const [slug] = await upcomingSlugs();
    await page.goto(`/webinars/${slug}`);
    await page.getByLabel('Name', { exact: true }).fill('Li Wei');
    await page.getByLabel('Email', { exact: true }).fill('li.wei(at)example.cn');
    const posted = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Register', exact: true }).tap();
    expect((await posted).status()).toBe(422);
    await page.waitForLoadState('load');

    const summary = page.locator('#register-errors');
    expect((await summary.locator('strong').innerText()).trim()).toBe('4 things to fix:');
    const box = await summary.boundingBox();
    const focused = (await focusedId(page)) === 'register-errors';
    const scrollY = await page.evaluate('window.scrollY');
    expect(
      focused || (box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= 844),
      `after a refused registration the page shows its top (scrollY ${scrollY}); the error summary is at y=${box?.y} in an 844px screen and not focused (focus on ${await focusedId(page)})`,
    ).toBe(true);
  });

  it('a coordinator moves a webinar by one hour after checking the speakers’ times, and the registered attendee gets a “Changed:” email', async () => {
    const page = await open({ timezoneId: 'Europe/Stockholm' });
    const slug = (await upcomingSlugs()).at(-1)!;
    const webinar = await webinarFromCalendar(slug);
    const attendeeEmail = 'ingrid.berg@example.no';

    // Someone registers first, through the public page.
    await page.goto(`/webinars/${slug}`);
    await page.getByLabel('Name', { exact: true }).fill('Ingrid Berg');
    await page.getByLabel('Email', { exact: true }).fill(attendeeEmail);
    await page.getByLabel('Organisation', { exact: true }).fill('Fjord Robotics');
    await page.getByLabel('Type of organisation').selectOption('startup');
    await page.getByLabel('Your time zone').fill('Europe/Oslo');
    await page.locator('#reg-consent').check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.waitForURL(/\/my\/[^/?]+\?registered=/);

    // Sign in: the dashboard with its charts.
    await signInAsAdmin(page);
    expect(await page.locator('h1').innerText()).toBe('Dashboard');
    const charts = page.locator('main svg[role="img"]');
    expect(await charts.count()).toBe(2);
    expect(await page.locator('main svg[role="img"] > title').allTextContents()).toEqual([
      'Confirmed registrations by organisation type',
      'Confirmed registrations over time',
    ]);
    expect(await page.locator('main svg[role="img"] rect').count()).toBeGreaterThan(0);
    const dashboardRow = page.locator('tr', { has: page.getByRole('link', { name: webinar.title, exact: true }) });
    expect((await dashboardRow.locator('td').first().innerText()).trim()).toBe('1 / 100');

    // Webinars -> the webinar's form.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Webinars' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/webinars');
    await page.getByRole('link', { name: webinar.title, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/admin/webinars/${slug}`);
    // The calendar's SEQUENCE, read from the webinar's own calendar file (the workspace does not show calendar internals).
    const sequence = async () => {
      const [event] = parseCalendar(await (await fetch(`${session.hub.url}/webinars/${slug}/calendar.ics`)).text()).events;
      return event!.sequence;
    };
    const sequenceBefore = await sequence();

    const zone = await page.locator('#f-timezone').inputValue();
    const start = await page.locator('#f-start').inputValue();
    expect(start).toBe(webinar.start.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm"));
    const moved = DateTime.fromISO(start, { zone }).plus({ hours: 1 });
    const movedLocal = moved.toFormat("yyyy-MM-dd'T'HH:mm");

    // The speakers of this webinar, with their zones, as the form lists them.
    const speakers: Array<{ name: string; zone: string }> = [];
    for (const row of await page
      .locator('fieldset', { has: page.locator('legend', { hasText: /^Speakers$/ }) })
      .locator('tbody tr')
      .all()) {
      if ((await row.locator('select').inputValue()) === '') continue;
      const name = (await row.locator('label').innerText()).trim();
      const speakerZone = (await row.locator('.clock-date').innerText()).split('·').pop()!.trim();
      speakers.push({ name, zone: speakerZone });
    }
    expect(speakers.length).toBeGreaterThan(0);

    await page.locator('#f-start').fill(movedLocal);
    await page.getByRole('button', { name: 'Check this time with the speakers' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('#f-start').inputValue(), 'the entered time is kept while checking').toBe(movedLocal);
    const assistant = page.locator('section[aria-labelledby="scheduling-heading"]');
    expect(await assistant.locator('h2').innerText()).toBe('Speakers’ local times');
    const shown: Array<[string, string | null]> = [];
    for (const row of await assistant.locator('tbody tr').all()) {
      const who = (await row.locator('td').first().innerText()).split('\n')[0]!.trim();
      shown.push([who, await row.locator('time').first().getAttribute('datetime')]);
    }
    expect(shown).toEqual(speakers.map((s) => [s.name, shownIn(moved, s.zone)]));
    expect(await assistant.locator('[role="status"]').count()).toBe(1);

    // Moving a published webinar asks first, saying who will be emailed.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: /^Move it and email \d+ (person|people)$/ }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'saved');
    expect((await page.locator('main > [role="status"]').innerText()).trim()).toBe('Saved. Calendars and inboxes are updated where the change concerns them.');
    expect(await page.locator('#f-start').inputValue()).toBe(movedLocal);
    expect(await sequence()).toBe(sequenceBefore + 1);
    expect((await webinarFromCalendar(slug)).start.toMillis(), 'the public calendar has the new time').toBe(webinar.start.plus({ hours: 1 }).toMillis());

    // The outbox holds an updated invite for the attendee.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/outbox');
    const changed = page.locator('main tbody tr', { hasText: `Changed: ${webinar.title}` }).filter({ hasText: attendeeEmail });
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('td').nth(1).innerText()).toBe(attendeeEmail);
    expect(await changed.locator('td').first().innerText()).toContain('webinar-updated · invite REQUEST');
    expect(['Pending', 'Held']).toContain((await changed.locator('.tag').innerText()).trim());
  });

  it('on a phone (390×844) the programme, a webinar and the personal page fit the screen and the navigation is reachable', async () => {
    const page = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, timezoneId: 'America/New_York' });
    const [slug] = await upcomingSlugs();

    const checkPage = async (label: string) => {
      const overflow = await measureOverflow(page, 390);
      const problem = `${label}: ${overflow.scrollWidth}px of content in a window of ${overflow.innerWidth}px on a 390px screen; sticking out: ${overflow.wide.join(', ') || 'nothing'}`;
      expect(overflow.scrollWidth, problem).toBeLessThanOrEqual(overflow.innerWidth);
      expect(overflow.innerWidth, `${problem} (the phone zoomed the page out to fit it)`).toBe(390);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Programme', 'Recordings']) {
        const link = nav.getByRole('link', { name, exact: true });
        expect(await link.isVisible(), `${label}: ${name} link visible`).toBe(true);
        const box = (await link.boundingBox())!;
        expect(
          box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 844,
          `${label}: ${name} link on screen at ${JSON.stringify(box)}`,
        ).toBe(true);
      }
    };

    await page.goto('/');
    await checkPage('programme page');
    await page.goto(`/webinars/${slug}`);
    await checkPage('webinar page');

    await page.getByLabel('Name', { exact: true }).fill('Maria Silva');
    await page.getByLabel('Email', { exact: true }).fill('maria.silva@example.com');
    await page.getByLabel('Organisation', { exact: true }).fill('Lisbon Labs');
    await page.getByLabel('Type of organisation').selectOption('startup');
    await page.locator('#reg-consent').check();
    await page.getByRole('button', { name: 'Register', exact: true }).tap();
    await page.waitForURL(/\/my\/[^/?]+\?registered=/);
    expect(await page.locator('p.lead').innerText()).toBe('Maria Silva, Lisbon Labs. Times are shown for America/New_York.');
    await checkPage('personal page');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recordings', exact: true }).tap();
    await page.waitForURL((url) => url.pathname === '/recordings');
    await checkPage('recordings page');
  });

  const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const axePages: Array<[string, (page: Page) => Promise<void>, BrowserContextOptions?]> = [
    ['the programme page', async (page) => void (await page.goto('/'))],
    ['a webinar page', async (page) => void (await page.goto(`/webinars/${(await upcomingSlugs())[0]}`))],
    ['a webinar page on a phone', async (page) => void (await page.goto(`/webinars/${(await upcomingSlugs())[0]}`)), phone],
    ['the time zone page', async (page) => void (await page.goto('/timezone'))],
    ['the recordings page', async (page) => void (await page.goto('/recordings'))],
    [
      'the personal page',
      async (page) => {
        const url = await registerByApi((await upcomingSlugs())[0]!, `axe.${Date.now()}@example.org`);
        expect(url.startsWith(`${session.hub.url}/my/`), url).toBe(true);
        await page.goto(url);
      },
    ],
    ['the sign-in page', async (page) => void (await page.goto('/admin/login'))],
    [
      'the workspace’s webinar form',
      async (page) => {
        await signInAsAdmin(page);
        const slug = (await upcomingSlugs())[0]!;
        await page.goto(`/admin/webinars/${slug}`);
        expect(new URL(page.url()).pathname, 'the form itself, not the sign-in page').toBe(`/admin/webinars/${slug}`);
      },
    ],
  ];

  // Dark mode changes every colour: contrast is checked again where people read most.
  const dark: BrowserContextOptions = { colorScheme: 'dark' };
  for (const label of ['the programme page', 'a webinar page on a phone', 'the recordings page', 'the personal page', 'the workspace’s webinar form']) {
    const [, go, options] = axePages.find(([name]) => name === label)!;
    axePages.push([`${label} in dark mode`, go, { ...options, ...dark }]);
  }

  it.each(axePages)('%s has no serious or critical accessibility violations (axe-core)', async (label, go, options = {}) => {
    // A device zone other than the programme's, so that the zone offer is shown as well. bypassCSP:
    // the hub's Content-Security-Policy (rightly) refuses the injected axe script.
    const page = await open({ timezoneId: 'America/New_York', bypassCSP: true, ...options });
    await go(page);
    const findings = (await runAxe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    expect(findings, describeFindings(`${label} (${new URL(page.url()).pathname})`, findings)).toEqual([]);
  });
});
