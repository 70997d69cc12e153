// Every email to an attendee is written in the attendee's stored language (subject, text, HTML and
// the invite's words), whatever the language of the request that causes it; the instants in the
// invites are the same in both; the personal feed follows the attendee, the public feeds stay English.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { DateTime } from 'luxon';
import { withLanguage } from '../../src/i18n/current-language.js';
import { addMaterial } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { getWebinarBySlug } from '../../src/programme/programme.service.js';
import { enqueueDueReminders } from '../../src/registration/reminders.js';
import { showIn } from '../../src/time/index.js';
import { createTestApiToken } from '../helpers/admin-session.js';
import { json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';
import { leftoverEnglish } from './leftover-english.js';

const SLUG = 'pilots-with-startups-norway';
const SWEDE = { ...VISITOR, name: 'Sara Lind', email: 'sara@example.se', timezone: 'Europe/Stockholm' };
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function setUp() {
  const ctx = await buildTestApp({ now: '2026-12-01T08:00:00Z', languages: ['en', 'sv'] });
  const path = `/api/webinars/${SLUG}/registrations`;
  expect((await ctx.app.request(path, json(SWEDE, { 'accept-language': 'sv-SE,sv;q=0.9' }))).status).toBe(201);
  expect((await ctx.app.request(path, json(VISITOR, { 'accept-language': 'en-GB,en;q=0.9' }))).status).toBe(201);
  const webinar = await getWebinarBySlug(ctx.db, SLUG);
  return { ...ctx, webinar };
}

/** The newest email of `kind` to `address`. */
async function emailTo(ctx: Ctx, address: string, kind: string) {
  const rows = await ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', address).where('kind', '=', kind).orderBy('id', 'desc').execute();
  expect(rows.length, `${kind} to ${address}`).toBeGreaterThan(0);
  return rows[0]!;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The English catalogue text (of emails and calendar texts) in an email's subject, text and HTML. */
function leftovers(email: { subject: string; text_body: string; html_body: string | null }, ...more: string[]): string[] {
  const page = `<html><head><title>${escapeHtml(email.subject)}</title></head><body><pre>${escapeHtml([email.text_body, ...more].join('\n'))}</pre></body></html>`;
  return [...leftoverEnglish(page, 'emails.'), ...leftoverEnglish(page, 'calendar.'), ...leftoverEnglish(email.html_body ?? '', 'emails.')];
}

/** The invite's event, and the words of its alarms (which parseCalendar leaves out). */
function inviteOf(ics: string | null) {
  expect(ics).not.toBeNull();
  const [event] = parseCalendar(ics!).events;
  const vevent = new ICAL.Component(ICAL.parse(ics!)).getFirstSubcomponent('vevent')!;
  const alarms = vevent.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('description')));
  return { ...event!, alarms: alarms.join('\n') };
}

const swedishDate = (ctx: { webinar: { startsAt: DateTime } }, zone: string) => withLanguage('sv', () => showIn(ctx.webinar.startsAt, zone).date);

describe('emails in the attendee’s language', () => {
  it('confirms a Swedish registration in Swedish and an English one in English, with the same instants in both invites', async () => {
    const ctx = await setUp();
    const stored = await ctx.db.selectFrom('attendee').select(['email', 'language']).orderBy('id').execute();
    expect(stored).toEqual([
      { email: 'sara@example.se', language: 'sv' },
      { email: 'wang.fang@example.cn', language: 'en' },
    ]);
    // Each reads the title the coordinators wrote in their language (the demo has both).
    const title = ctx.webinar.title;
    const svTitle = ctx.webinar.titleSv!;
    const swedish = await emailTo(ctx, SWEDE.email, 'registration-confirmed');
    const english = await emailTo(ctx, VISITOR.email, 'registration-confirmed');

    expect(swedish.subject).toBe(`Du är anmäld: ${svTitle}`);
    expect(swedish.text_body).toContain('Hej Sara Lind!');
    expect(swedish.text_body).toContain(`När (i din tidszon):\n${swedishDate(ctx, 'Europe/Stockholm')}, 14:00–15:00 CET (Europe/Stockholm), 1 h`);
    expect(swedish.text_body).toContain('Den bifogade inbjudan lägger in webbinariet i din kalender. Vi påminner dig 24 timmar och 1 timme före start.');
    expect(swedish.html_body).toContain('<html lang="sv">');
    expect(swedish.html_body).toContain(`<p style="margin:0 0 1em">Du är anmäld till ”${svTitle}”.</p>`);
    expect(leftovers(swedish)).toEqual([]);

    expect(english.subject).toBe(`You are registered: ${title}`);
    expect(english.text_body).toContain('Hello Wang Fang,');
    expect(english.text_body).toContain('When (your time):\nThu 17 Dec 2026, 21:00–22:00 GMT+8 (Asia/Shanghai)');
    expect(english.html_body).toContain('<html lang="en">');
    // The check finds English where there is some.
    expect(leftovers(english)).toContain('Keep this link to yourself: anyone who has it can manage your registrations.');

    const svInvite = inviteOf(swedish.ics_content);
    const enInvite = inviteOf(english.ics_content);
    expect([svInvite.start, svInvite.end]).toEqual(['2026-12-17T13:00:00.000Z', '2026-12-17T14:00:00.000Z']);
    expect([enInvite.start, enInvite.end, enInvite.uid, enInvite.sequence]).toEqual([svInvite.start, svInvite.end, svInvite.uid, svInvite.sequence]);
    // The title and the abstract are the coordinators' own in each language; the hub's words around them are the hub's.
    expect(svInvite.summary).toBe(svTitle);
    expect(enInvite.summary).toBe(title);
    expect(svInvite.description).toContain(ctx.webinar.abstractSv!);
    expect(enInvite.description).toContain(ctx.webinar.abstract);
    expect(svInvite.description).toContain(`${swedishDate(ctx, 'Europe/Stockholm')}, 14:00 CET (Europe/Stockholm), 1 h.`);
    expect(svInvite.description).toContain('Talare: Ingrid Haugen');
    expect(svInvite.description).toContain(`Webbinariets sida: ${TEST_BASE_URL}/webinars/${SLUG}`);
    expect(svInvite.description).toMatch(/\nDina anmälningar: https:\/\/hub\.example\.org\/my\/[\w-]{43}$/);
    expect(svInvite.alarms).toBe(`${svTitle} börjar om 15 minuter`);
    expect(enInvite.description).toContain('Thu 17 Dec 2026, 14:00 CET (Europe/Stockholm), 1 h.');
    expect(enInvite.description).toContain(`Webinar page: ${TEST_BASE_URL}/webinars/${SLUG}`);
    expect(enInvite.description).toMatch(/\nYour registrations: https:\/\/hub\.example\.org\/my\/[\w-]{43}$/);
    expect(enInvite.alarms).toBe(`${title} starts in 15 minutes`);
    expect(leftovers(swedish, svInvite.summary, svInvite.description, svInvite.alarms)).toEqual([]);
  });

  it('tells of a coordinator’s change in each attendee’s language, whatever the coordinator’s', async () => {
    const ctx = await setUp();
    await ctx.db.updateTable('speaker').set({ email: 'ingrid@example.no' }).where('slug', '=', 'ingrid-haugen').execute();
    const token = await createTestApiToken(ctx);
    const patch = (start: string, language: string) =>
      ctx.app.request(`/api/webinars/${SLUG}`, {
        method: 'PATCH',
        body: JSON.stringify({ start, timezone: 'Europe/Stockholm' }),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': language },
      });
    expect((await patch('2026-12-17T16:00', 'en')).status).toBe(200);
    const title = ctx.webinar.title;
    const svTitle = ctx.webinar.titleSv!;
    const swedish = await emailTo(ctx, SWEDE.email, 'webinar-updated');
    expect(swedish.subject).toBe(`Ändrat: ${svTitle}`);
    expect(swedish.text_body).toContain(`”${svTitle}” har ändrats. Den bifogade uppdateringen ersätter händelsen i din kalender.`);
    expect(swedish.text_body).toContain(`Ny tid (i din tidszon):\n${swedishDate(ctx, 'Europe/Stockholm')}, 16:00–17:00 CET (Europe/Stockholm), 1 h`);
    expect(swedish.text_body).toContain(`Tidigare:\n${swedishDate(ctx, 'Europe/Stockholm')}, 14:00–15:00 CET (Europe/Stockholm), 1 h`);
    expect(swedish.html_body).toContain('<html lang="sv">');
    const svInvite = inviteOf(swedish.ics_content);
    expect(leftovers(swedish, svInvite.description, svInvite.alarms)).toEqual([]);
    const english = await emailTo(ctx, VISITOR.email, 'webinar-updated');
    expect(english.subject).toBe(`Changed: ${title}`);
    const enInvite = inviteOf(english.ics_content);
    expect([svInvite.start, svInvite.sequence]).toEqual(['2026-12-17T15:00:00.000Z', enInvite.sequence]);
    expect(enInvite.start).toBe(svInvite.start);

    // A Swedish coordinator's request leaves the English attendee's email English, dates too.
    expect((await patch('2026-12-17T17:00', 'sv')).status).toBe(200);
    const again = await emailTo(ctx, VISITOR.email, 'webinar-updated');
    expect(again.subject).toBe(`Changed: ${title}`);
    expect(again.text_body).toContain('New time (your time):\nFri 18 Dec 2026, 00:00–01:00 GMT+8 (Asia/Shanghai)');
    expect(again.html_body).toContain('<html lang="en">');
    expect(inviteOf(again.ics_content).description).toContain('Thu 17 Dec 2026, 17:00 CET (Europe/Stockholm), 1 h.');
    expect((await emailTo(ctx, SWEDE.email, 'webinar-updated')).text_body).toContain(`${swedishDate(ctx, 'Europe/Stockholm')}, 17:00–18:00 CET`);
    // The speaker's stored language is English: their email stays English, dates and <html lang> too.
    const speaker = await emailTo(ctx, 'ingrid@example.no', 'speaker-updated');
    expect(speaker.text_body).toContain('When (your time):\nThu 17 Dec 2026, 17:00–18:00 CET (Europe/Oslo)');
    expect(speaker.html_body).toContain('<html lang="en">');
  });

  it('reminds each attendee in their language', async () => {
    const ctx = await setUp();
    ctx.clock.set(ctx.webinar.startsAt.minus({ hours: 23 }).toISO()!);
    await enqueueDueReminders({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL });
    const title = ctx.webinar.title;
    const svTitle = ctx.webinar.titleSv!;
    const swedish = await emailTo(ctx, SWEDE.email, 'reminder-24h');
    expect(swedish.subject).toBe(`I morgon: ${svTitle}`);
    expect(swedish.text_body).toContain(`En påminnelse: ”${svTitle}” börjar om 24 timmar.`);
    expect(swedish.text_body).toContain('Kan du inte komma? Avboka gärna, så att någon på väntelistan får din plats: https://hub.example.org/my/');
    expect(leftovers(swedish)).toEqual([]);
    const english = await emailTo(ctx, VISITOR.email, 'reminder-24h');
    expect(english.subject).toBe(`Tomorrow: ${title}`);
    expect(english.text_body).toContain('When (your time):\nThu 17 Dec 2026, 21:00–22:00 GMT+8 (Asia/Shanghai)');
  });

  it('writes and rewrites the gathering materials announcement in each attendee’s language', async () => {
    const ctx = await setUp();
    ctx.clock.set(ctx.webinar.endsAt.plus({ hours: 1 }).toISO()!);
    const add = async (input: Record<string, string>) => {
      const validated = validateMaterial(input);
      if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
      return addMaterial({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL }, SLUG, validated.value);
    };
    await add({ kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' });
    expect((await emailTo(ctx, SWEDE.email, 'materials-available')).subject).toBe(`Nu finns inspelningen från ${ctx.webinar.titleSv}`);
    // Added in Swedish while the announcement gathers: each unsent email is rewritten in its reader's language.
    await add({ kind: 'slides', title: 'Full deck', url: 'https://example.org/deck.pdf', visibility: 'attendees' });
    const swedish = await emailTo(ctx, SWEDE.email, 'materials-available');
    expect(swedish.subject).toBe(`Nu finns inspelningen och presentationsbilderna från ${ctx.webinar.titleSv}`);
    expect(swedish.text_body).toContain('På webbinariets sida, för alla:\n- Inspelning: Recording\n');
    expect(swedish.text_body).toContain('Bara för anmälda deltagare, på din personliga sida:\n- Presentationsbilder: Full deck\n');
    expect(leftovers(swedish)).toEqual([]);
    const english = await emailTo(ctx, VISITOR.email, 'materials-available');
    expect(english.subject).toBe(`Now available: the recording and slides of ${ctx.webinar.title}`);
    expect(english.text_body).toContain('For registered attendees only, on your personal page:\n- Slides: Full deck\n');
    expect(english.html_body).toContain('<html lang="en">');
    expect(await ctx.db.selectFrom('outbox').select('id').where('kind', '=', 'materials-available').execute()).toHaveLength(2);
  });
});

describe('calendar feeds', () => {
  it('gives the attendee’s personal feed in their language, whoever asks, and the public feed in English', async () => {
    const ctx = await setUp();
    const tokens = new Map((await ctx.db.selectFrom('attendee').select(['email', 'token']).execute()).map((row) => [row.email, row.token] as const));
    const feed = async (path: string, language?: string) => {
      const res = await ctx.app.request(path, { headers: language ? { 'accept-language': language } : {} });
      expect(res.status).toBe(200);
      return res.text();
    };
    const swedishFeed = await feed(`/my/${tokens.get(SWEDE.email)}/calendar.ics`, 'en');
    const parsed = parseCalendar(swedishFeed);
    expect(parsed.name).toBe(`${(await ctx.db.selectFrom('programme').select('title').executeTakeFirstOrThrow()).title}: dina webbinarier`);
    expect(swedishFeed.replace(/\r\n /g, '')).toContain('X-WR-CALDESC:Dina anmälningar, Sara Lind\r\n');
    const [event] = parsed.events;
    expect([event!.start, event!.summary]).toEqual(['2026-12-17T13:00:00.000Z', ctx.webinar.titleSv]);
    expect(event!.description).toContain(`${swedishDate(ctx, 'Europe/Stockholm')}, 14:00 CET (Europe/Stockholm), 1 h.`);
    expect(event!.description).toContain('Anslut: https://meet.example.org/pilots-with-startups-norway');
    expect(leftoverEnglish(`<body><pre>${escapeHtml([parsed.name, event!.description].join('\n'))}</pre></body>`, 'calendar.')).toEqual([]);
    // Asked again without a language (a calendar client), it is the same Swedish feed.
    expect(await feed(`/my/${tokens.get(SWEDE.email)}/calendar.ics`)).toBe(swedishFeed);

    const englishFeed = parseCalendar(await feed(`/my/${tokens.get(VISITOR.email)}/calendar.ics`, 'sv'));
    expect(englishFeed.name).toMatch(/: your webinars$/);
    expect(englishFeed.events[0]!.description).toContain('Thu 17 Dec 2026, 14:00 CET (Europe/Stockholm), 1 h.');
    expect(englishFeed.events[0]!.start).toBe(event!.start);

    // Shared by everyone and kept: English, also when a Swedish reader asks first.
    const programmeFeed = parseCalendar(await feed('/calendar.ics', 'sv'));
    const pilots = programmeFeed.events.find((e) => e.uid === ctx.webinar.uid)!;
    expect(pilots.description).toContain('Thu 17 Dec 2026, 14:00 CET (Europe/Stockholm), 1 h.');
    expect(pilots.description).toContain(`Webinar page: ${TEST_BASE_URL}/webinars/${SLUG}`);
  });
});
