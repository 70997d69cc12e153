// Every HTML email the hub sends, rendered in Chromium on a 390 px phone: none may scroll sideways.
// The emails come from the real flows (register, wait, move, cancel, speakers, materials) and the
// builders for the rest, on a webinar with a long join link (links are the longest words).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialsAvailableEmail } from '../../src/materials/material.emails.js';
import type { Material } from '../../src/materials/material.types.js';
import { speakerInviteEmail } from '../../src/notifications/speaker-emails.js';
import { webinarChangeNotifier } from '../../src/notifications/webinar-changes.js';
import { getWebinarBySlug } from '../../src/programme/programme.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { emailContext, newLinkEmail, registrationRequestEmail, reminderEmail } from '../../src/registration/registration.emails.js';
import { cancelRegistration, register } from '../../src/registration/registration.service.js';
import { sendSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';
import { chromiumAvailable, launchChromium } from './harness.js';

const SLUG = 'pilots-with-startups-norway';
const PHONE = { width: 390, height: 844 };
const SCREENSHOT = join('.artifacts', 'phones', 'email-confirmation.png');
const LONG_JOIN_URL = `https://meet.example.org/j/${'8'.repeat(40)}?pwd=${'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'.repeat(2)}&uname=attendee`;

type RenderedEmail = { kind: string; html: string };

/** One of every email, with long names, addresses and links. */
async function everyEmail(): Promise<RenderedEmail[]> {
  const ctx = await buildTestApp();
  const deps = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL };
  const notify = [webinarChangeNotifier({ clock: ctx.clock, baseUrl: TEST_BASE_URL })];
  await ctx.db
    .updateTable('speaker')
    .set({ email: 'ingrid.haugen-kristiansen@innovation-norway-research.example.no' })
    .where('slug', '=', 'ingrid-haugen')
    .execute();
  await ctx.db.updateTable('webinar').set({ capacity: 1, join_url: LONG_JOIN_URL }).where('slug', '=', SLUG).execute();
  const person = (email: string, zone: string) => ({
    name: 'Maximiliane Alexandra Wolkenstein-Oberhofer',
    email,
    organisation: 'Forschungsgesellschaft für angewandte Innovationsökonomie',
    organisationType: 'startup' as const,
    timezone: zone,
    question: null,
  });
  const first = await register(deps, [SLUG], person('maximiliane.alexandra.wolkenstein-oberhofer@forschungsgesellschaft.example.de', 'Asia/Shanghai'));
  const second = await register(deps, [SLUG], person('second.person.with.a.long.address@example.org', 'America/Los_Angeles'));
  await register(deps, [SLUG], person('maximiliane.alexandra.wolkenstein-oberhofer@forschungsgesellschaft.example.de', 'Asia/Shanghai'));
  const moved = resolveLocalTime({ local: '2027-03-18T16:00', zone: 'Europe/Stockholm' });
  if (!moved.ok) throw new Error(moved.error.message);
  await updateWebinar(ctx.db, ctx.clock, SLUG, { start: moved.value }, notify);
  await cancelRegistration(deps, first.attendee, first.outcomes[0]!.registrationId!);
  await sendSpeakerLink(ctx.db, ctx.clock, TEST_BASE_URL, 'ingrid-haugen');
  const webinar = await getWebinarBySlug(ctx.db, SLUG);
  const emailCtx = await emailContext(ctx.db, TEST_BASE_URL, ctx.clock);
  const recipient = second.attendee;
  const material = (id: number, kind: Material['kind'], title: string, visibility: Material['visibility']): Material => ({
    id,
    webinarId: webinar.id,
    kind,
    title,
    url: LONG_JOIN_URL,
    file: null,
    visibility,
    position: id,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  const built = [
    reminderEmail(emailCtx, webinar, recipient, 24, 1),
    reminderEmail(emailCtx, webinar, recipient, 1, 1),
    newLinkEmail(emailCtx, recipient),
    registrationRequestEmail(emailCtx, webinar, recipient, 7, ctx.clock.now().plus({ days: 2 })),
    speakerInviteEmail(emailCtx, webinar, { ...webinar.speakers[0]!, email: 'ingrid@example.no', token: 'T'.repeat(43) }, null),
    materialsAvailableEmail(
      emailCtx,
      webinar,
      [material(1, 'recording', 'Recording of the whole session with questions', 'public'), material(2, 'slides', 'Full deck', 'attendees')],
      { attendeeId: recipient.id, name: recipient.name, email: recipient.email, token: recipient.token, language: recipient.language },
      'recording',
    ),
  ];
  await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'cancelled' }, notify);
  const queued = await ctx.db.selectFrom('outbox').select(['kind', 'html_body']).orderBy('id').execute();
  return [...queued.map((row) => ({ kind: row.kind, html: row.html_body ?? '' })), ...built.map((email) => ({ kind: email.kind, html: email.html ?? '' }))];
}

describe.skipIf(!chromiumAvailable())('HTML emails on a 390 px phone', { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fit the width of the screen, every one of them, without scrolling sideways', async () => {
    const emails = await everyEmail();
    expect([...new Set(emails.map((e) => e.kind))].sort()).toEqual(
      [
        'already-registered',
        'materials-available',
        'personal-link',
        'promoted',
        'registration-cancelled',
        'registration-confirmed',
        'registration-request',
        'reminder-1h',
        'reminder-24h',
        'speaker-cancelled',
        'speaker-invited',
        'speaker-link',
        'speaker-updated',
        'waitlist-moved',
        'waitlisted',
        'webinar-cancelled',
        'webinar-updated',
      ].sort(),
    );
    const page = await browser.newPage({ viewport: PHONE });
    try {
      const widths: Array<[string, number]> = [];
      for (const email of emails) {
        // One fluid column: full width on a phone, at most 600 px elsewhere.
        expect(email.html).toContain('width:100%;max-width:600px');
        await page.setContent(email.html);
        widths.push([email.kind, await page.evaluate<number>('document.documentElement.scrollWidth')]);
        if (email.kind === 'registration-confirmed') {
          mkdirSync(join('.artifacts', 'phones'), { recursive: true });
          await page.screenshot({ path: SCREENSHOT, fullPage: true });
        }
      }
      expect(widths.filter(([, width]) => width > PHONE.width)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
