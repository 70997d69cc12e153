// Speakers in their own language: a Swedish speaker's invitation, update, cancellation, link email
// and private feed are Swedish (the webinar's Swedish title too), while an English speaker on the
// same webinar gets what English speakers got before; the same instants in both. The language is
// chosen on the private page, in the workspace's speaker form or through the API, and only among
// the hub's languages: a refusal stores nothing.
import ICAL from 'ical.js';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/i18n/current-language.js';
import { ALL_STATUSES, getWebinarBySlug } from '../../src/programme/programme.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { rotateSpeakerLink, sendSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { showIn } from '../../src/time/index.js';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { all, one, parse, textOf } from '../helpers/dom.js';
import { form } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';
import { leftoverEnglish } from './leftover-english.js';

const SLUG = 'pilots-with-startups-norway';
const SWEDISH_SPEAKER = { slug: 'ingrid-haugen', email: 'ingrid@example.no' };
const ENGLISH_SPEAKER = { slug: 'michael-torres', email: 'michael@example.com' };
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

/** A bilingual hub where Ingrid (Oslo) reads Swedish and Michael (Los Angeles) English, both on the webinar, each with a private link. */
async function setUp() {
  const ctx = await buildTestApp({ now: '2026-12-01T08:00:00Z', languages: ['en', 'sv'] });
  await ctx.db.updateTable('speaker').set({ email: SWEDISH_SPEAKER.email, language: 'sv' }).where('slug', '=', SWEDISH_SPEAKER.slug).execute();
  await ctx.db.updateTable('speaker').set({ email: ENGLISH_SPEAKER.email }).where('slug', '=', ENGLISH_SPEAKER.slug).execute();
  await updateWebinar(ctx.db, ctx.clock, SLUG, {
    speakers: [
      { slug: SWEDISH_SPEAKER.slug, role: 'speaker' },
      { slug: ENGLISH_SPEAKER.slug, role: 'panelist' },
    ],
    techCheckMinutes: 30,
  });
  const tokens = {
    sv: await rotateSpeakerLink(ctx.db, ctx.clock, SWEDISH_SPEAKER.slug),
    en: await rotateSpeakerLink(ctx.db, ctx.clock, ENGLISH_SPEAKER.slug),
  };
  const webinar = await getWebinarBySlug(ctx.db, SLUG);
  const programme = (await ctx.db.selectFrom('programme').select('title').executeTakeFirstOrThrow()).title;
  return { ...ctx, tokens, webinar, programme, apiToken: await createTestApiToken(ctx) };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** A coordinator's API call, in the language their client asks for (which must reach no speaker). */
function api(ctx: Setup, method: string, path: string, body: unknown, language: string) {
  return ctx.app.request(path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${ctx.apiToken}`, 'content-type': 'application/json', 'accept-language': language },
  });
}

/** The newest email of `kind` to `address`. */
async function emailTo(ctx: Ctx, address: string, kind: string) {
  const rows = await ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', address).where('kind', '=', kind).orderBy('id', 'desc').execute();
  expect(rows.length, `${kind} to ${address}`).toBeGreaterThan(0);
  return rows[0]!;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The catalogue's English (emails, speakers' emails, calendar texts) in an email and in more text (an invite's). */
function leftovers(email: { subject: string; text_body: string; html_body: string | null }, ...more: string[]): string[] {
  const page = `<html><head><title>${escapeHtml(email.subject)}</title></head><body><pre>${escapeHtml([email.text_body, ...more].join('\n'))}</pre></body></html>`;
  return ['emails.', 'speakerEmails.', 'calendar.'].flatMap((prefix) => [...leftoverEnglish(page, prefix), ...leftoverEnglish(email.html_body ?? '', prefix)]);
}

/** The invite's one event, the words of its alarms (which parseCalendar leaves out) and its METHOD. */
function inviteOf(ics: string | null) {
  expect(ics).not.toBeNull();
  const calendar = parseCalendar(ics!);
  expect(calendar.events).toHaveLength(1);
  const vevent = new ICAL.Component(ICAL.parse(ics!)).getFirstSubcomponent('vevent')!;
  const alarms = vevent.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('description')));
  return { ...calendar.events[0]!, method: calendar.method, name: calendar.name, alarms: alarms.join('\n') };
}

const swedishDate = (instant: DateTime, zone: string) => withLanguage('sv', () => showIn(instant, zone).date);

describe('a Swedish speaker’s emails, beside an English speaker’s', () => {
  it('invites each in their language, whatever the coordinator’s, with the same instants', async () => {
    const ctx = await setUp();
    const { title, titleSv } = ctx.webinar;
    // Published again by a coordinator who reads Swedish: both speakers are invited anew.
    await updateWebinar(ctx.db, ctx.clock, SLUG, { status: 'draft' });
    expect((await api(ctx, 'PATCH', `/api/webinars/${SLUG}`, { status: 'published' }, 'sv-SE')).status).toBe(200);

    const swedish = await emailTo(ctx, SWEDISH_SPEAKER.email, 'speaker-invited');
    const oslo = swedishDate(ctx.webinar.startsAt, 'Europe/Oslo');
    expect(swedish.subject).toBe(`Du är talare: ${titleSv}`);
    expect(swedish.text_body).toContain('Hej Ingrid Haugen!');
    expect(swedish.text_body).toContain(
      `Tack för att du medverkar som talare i ”${titleSv}”. Den bifogade inbjudan lägger in din session i din kalender. Den tekniska kontrollen är ingen egen händelse i inbjudan: tiden står nedan och i sessionens beskrivning.`,
    );
    expect(swedish.text_body).toContain(`När (i din tidszon):\n${oslo}, 14:00–15:00 CET (Europe/Oslo)\n= ${oslo}, 14:00–15:00 CET (Europe/Stockholm)`);
    expect(swedish.text_body).toContain(`Teknisk kontroll: ${oslo}, 13:30 CET (Europe/Oslo), 30 minuter före start.`);
    expect(swedish.text_body).toContain(
      `Din talarsida, med dina sessioner i din tidszon och vad klockan är hos din publik: ${TEST_BASE_URL}/speaker/${ctx.tokens.sv}`,
    );
    expect(swedish.html_body).toContain('<html lang="sv">');
    expect(swedish.html_body).toContain(`<p style="margin:0 0 1em">Hej Ingrid Haugen!</p>`);

    const svInvite = inviteOf(swedish.ics_content);
    expect(svInvite.method).toBe('REQUEST');
    expect(svInvite.name).toBe(titleSv);
    expect(svInvite.summary).toBe(`Du talar: ${titleSv}`);
    expect(svInvite.description).toMatch(new RegExp(`^Teknisk kontroll: ${oslo}, 13:30 CET \\(Europe/Oslo\\), 30 minuter före start\\.\\n= `));
    expect(svInvite.description).toContain(ctx.webinar.abstractSv!);
    expect(svInvite.description).toContain('Talare: Ingrid Haugen');
    expect(svInvite.description).toContain('Paneldeltagare: Michael Torres');
    expect(svInvite.description).toContain('Länken ovan är talarnas (paneldeltagarnas) länk: dela den inte.');
    expect(svInvite.description).toContain(`Din talarsida: ${TEST_BASE_URL}/speaker/${ctx.tokens.sv}`);
    expect(svInvite.alarms).toBe(`Du talar: ${titleSv} börjar om 1 timme`);
    expect(leftovers(swedish, svInvite.summary, svInvite.description, svInvite.alarms)).toEqual([]);

    // The English speaker's invitation is as it always was, word for word.
    const english = await emailTo(ctx, ENGLISH_SPEAKER.email, 'speaker-invited');
    expect(english.subject).toBe(`You are speaking: ${title}`);
    expect(english.text_body).toBe(
      [
        'Hello Michael Torres,',
        `Thank you for speaking in “${title}”. The attached invitation adds your session to your calendar. The technical check is not a separate event in it: its time is below, and in the session's description.`,
        'When (your time):\nThu 17 Dec 2026, 05:00–06:00 PST (America/Los_Angeles)\n= Thu 17 Dec 2026, 14:00–15:00 CET (Europe/Stockholm)',
        'Technical check: Thu 17 Dec 2026, 04:30 PST (America/Los_Angeles), 30 minutes before the start.\n= Thu 17 Dec 2026, 13:30 CET (Europe/Stockholm)',
        `Your speaker link (panelists only, please do not share): ${ctx.webinar.speakerJoinUrl}`,
        `Your speaker page, with your sessions in your time and your audience's clocks: ${TEST_BASE_URL}/speaker/${ctx.tokens.en}`,
        '--',
        english.text_body.split('\n\n--\n\n')[1],
      ].join('\n\n'),
    );
    expect(english.html_body).toContain('<html lang="en">');
    const enInvite = inviteOf(english.ics_content);
    expect(enInvite.summary).toBe(`Speaking: ${title}`);
    expect(enInvite.description).toMatch(/^Technical check: Thu 17 Dec 2026, 04:30 PST \(America\/Los_Angeles\), 30 minutes before the start\.\n= /);
    expect(enInvite.description).toContain('Panelist: Michael Torres');
    expect(enInvite.alarms).toBe(`Speaking: ${title} starts in 1 hour`);

    expect([svInvite.start, svInvite.end]).toEqual(['2026-12-17T13:00:00.000Z', '2026-12-17T14:00:00.000Z']);
    expect([enInvite.uid, enInvite.sequence, enInvite.start, enInvite.end]).toEqual([svInvite.uid, svInvite.sequence, svInvite.start, svInvite.end]);
  });

  it('tells each of a change in their language, and of a cancellation', async () => {
    const ctx = await setUp();
    const { title, titleSv } = ctx.webinar;
    // A coordinator who reads English moves it by two hours.
    expect((await api(ctx, 'PATCH', `/api/webinars/${SLUG}`, { start: '2026-12-17T16:00', timezone: 'Europe/Stockholm' }, 'en')).status).toBe(200);
    const moved = await getWebinarBySlug(ctx.db, SLUG);
    const oslo = swedishDate(moved.startsAt, 'Europe/Oslo');

    const swedish = await emailTo(ctx, SWEDISH_SPEAKER.email, 'speaker-updated');
    expect(swedish.subject).toBe(`Ändrat: din session ”${titleSv}”`);
    expect(swedish.text_body).toContain(`Din session ”${titleSv}” har ändrats. Den bifogade uppdateringen ersätter den i din kalender.`);
    expect(swedish.text_body).toContain(`När (i din tidszon):\n${oslo}, 16:00–17:00 CET (Europe/Oslo)`);
    expect(swedish.text_body).toContain(`Det här har ändrats:\n- Tiden: tidigare\n${oslo}, 14:00–15:00 CET (Europe/Oslo)`);
    expect(swedish.html_body).toContain('<html lang="sv">');
    const svUpdate = inviteOf(swedish.ics_content);
    expect(svUpdate.summary).toBe(`Du talar: ${titleSv}`);
    expect(svUpdate.description).toContain(`Teknisk kontroll: ${oslo}, 15:30 CET (Europe/Oslo), 30 minuter före start.`);
    expect(leftovers(swedish, svUpdate.summary, svUpdate.description, svUpdate.alarms)).toEqual([]);

    const english = await emailTo(ctx, ENGLISH_SPEAKER.email, 'speaker-updated');
    expect(english.subject).toBe(`Changed: your session “${title}”`);
    expect(english.text_body).toContain(`Your session “${title}” has changed. The attached update replaces it in your calendar.`);
    expect(english.text_body).toContain('What changed:\n- The time: previously\nThu 17 Dec 2026, 05:00–06:00 PST (America/Los_Angeles)');
    const enUpdate = inviteOf(english.ics_content);
    expect([enUpdate.uid, enUpdate.sequence, enUpdate.start]).toEqual([svUpdate.uid, svUpdate.sequence, '2026-12-17T15:00:00.000Z']);
    expect(svUpdate.start).toBe(enUpdate.start);

    // Cancelled by a coordinator who reads Swedish.
    expect((await api(ctx, 'POST', `/api/webinars/${SLUG}/cancel`, undefined, 'sv')).status).toBe(200);
    const cancelled = await emailTo(ctx, SWEDISH_SPEAKER.email, 'speaker-cancelled');
    expect(cancelled.subject).toBe(`Inställt: din session ”${titleSv}”`);
    expect(cancelled.text_body).toContain(`”${titleSv}” har ställts in. Den bifogade avbokningen tar bort webbinariet från din kalender.`);
    expect(cancelled.text_body).toContain(`Det var planerat till:\n${oslo}, 16:00–17:00 CET (Europe/Oslo)`);
    expect(cancelled.html_body).toContain('<html lang="sv">');
    const svCancel = inviteOf(cancelled.ics_content);
    expect([svCancel.method, svCancel.status, svCancel.summary]).toEqual(['CANCEL', 'CANCELLED', `Inställt: Du talar: ${titleSv}`]);
    expect(svCancel.description).toContain('Det här webbinariet har ställts in.');
    expect(leftovers(cancelled, svCancel.summary, svCancel.description)).toEqual([]);

    const englishCancel = await emailTo(ctx, ENGLISH_SPEAKER.email, 'speaker-cancelled');
    expect(englishCancel.subject).toBe(`Cancelled: your session “${title}”`);
    expect(englishCancel.text_body).toContain(`“${title}” has been cancelled. The attached cancellation removes it from your calendar.`);
    expect(englishCancel.text_body).toContain('It was planned for:\nThu 17 Dec 2026, 07:00–08:00 PST (America/Los_Angeles)');
    expect(englishCancel.html_body).toContain('<html lang="en">');
    const enCancel = inviteOf(englishCancel.ics_content);
    expect([enCancel.summary, enCancel.uid, enCancel.sequence, enCancel.start]).toEqual([
      `Cancelled: Speaking: ${title}`,
      svCancel.uid,
      svCancel.sequence,
      svCancel.start,
    ]);
  });

  it('sends the link to the private page in the speaker’s language', async () => {
    const ctx = await setUp();
    await sendSpeakerLink(ctx.db, ctx.clock, TEST_BASE_URL, SWEDISH_SPEAKER.slug);
    await sendSpeakerLink(ctx.db, ctx.clock, TEST_BASE_URL, ENGLISH_SPEAKER.slug);
    const swedish = await emailTo(ctx, SWEDISH_SPEAKER.email, 'speaker-link');
    expect(swedish.subject).toBe(`Din talarsida för ${ctx.programme}`);
    expect(swedish.text_body).toContain(`Hej Ingrid Haugen!\n\nDin talarsida visar var och en av dina sessioner i din egen tid:`);
    expect(swedish.text_body).toContain(`${TEST_BASE_URL}/speaker/${ctx.tokens.sv}\n\nLänken är personlig: dela den inte med någon.`);
    expect(swedish.html_body).toContain('<html lang="sv">');
    expect(leftovers(swedish)).toEqual([]);
    const english = await emailTo(ctx, ENGLISH_SPEAKER.email, 'speaker-link');
    expect(english.subject).toBe(`Your speaker page for ${ctx.programme}`);
    expect(english.text_body).toContain(
      `Hello Michael Torres,\n\nYour speaker page shows each of your sessions in your own time: the technical check, the start and the end, your speaker link, where your audience is sitting and the questions attendees have sent in. You can also subscribe to your sessions in your calendar from there.\n\n${TEST_BASE_URL}/speaker/${ctx.tokens.en}\n\nThe link is personal: please keep it to yourself.`,
    );
    expect(english.html_body).toContain('<html lang="en">');
  });
});

describe('a speaker’s private feed', () => {
  it('is in the speaker’s language whoever asks, titles too, with the same instants as an English one', async () => {
    const ctx = await setUp();
    const { title, titleSv } = ctx.webinar;
    // This webinar's events (the English speaker has another webinar too), in time order.
    const ofWebinar = (events: ReturnType<typeof parseCalendar>['events']) =>
      events.filter((e) => e.uid.startsWith(ctx.webinar.uid.split('@')[0]!)).sort((a, b) => a.start.localeCompare(b.start));
    const feed = async (token: string, language: string) => {
      const res = await ctx.app.request(`/speaker/${token}/calendar.ics`, { headers: { 'accept-language': language } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const swedishText = await feed(ctx.tokens.sv, 'en');
    const swedish = parseCalendar(swedishText);
    expect(swedish.name).toBe(`${ctx.programme}: sessioner med Ingrid Haugen`);
    expect(swedishText.replace(/\r\n /g, '')).toContain('X-WR-CALDESC:Dina sessioner och tekniska kontroller\r\n');
    const [svCheck, svSession] = ofWebinar(swedish.events);
    expect([svCheck!.summary, svCheck!.start, svCheck!.end]).toEqual([`Teknisk kontroll: ${titleSv}`, '2026-12-17T12:30:00.000Z', '2026-12-17T13:00:00.000Z']);
    expect(svCheck!.description).toMatch(/^Teknisk kontroll före webbinariet\.\n\n/);
    expect([svSession!.summary, svSession!.start, svSession!.end]).toEqual([`Du talar: ${titleSv}`, '2026-12-17T13:00:00.000Z', '2026-12-17T14:00:00.000Z']);
    expect(svSession!.description).toContain(ctx.webinar.abstractSv!);
    expect(svSession!.description).toContain(`${swedishDate(ctx.webinar.startsAt, 'Europe/Stockholm')}, 14:00 CET (Europe/Stockholm), 1 h.`);
    expect(svSession!.description).toContain(`Din talarsida: ${TEST_BASE_URL}/speaker/${ctx.tokens.sv}`);
    const words = [swedish.name, ...swedish.events.flatMap((e) => [e.summary, e.description])].join('\n');
    expect(leftoverEnglish(`<body><pre>${escapeHtml(words)}</pre></body>`, 'calendar.')).toEqual([]);
    // A calendar client sends no language: the same Swedish feed.
    expect(await feed(ctx.tokens.sv, '')).toBe(swedishText);

    const english = parseCalendar(await feed(ctx.tokens.en, 'sv'));
    expect(english.name).toBe(`${ctx.programme}: Michael Torres’s sessions`);
    const [enCheck, enSession] = ofWebinar(english.events);
    expect([enCheck!.summary, enSession!.summary]).toEqual([`Technical check: ${title}`, `Speaking: ${title}`]);
    expect(enCheck!.description).toMatch(/^Technical check before the webinar\.\n\n/);
    expect(enSession!.description).toContain('Thu 17 Dec 2026, 14:00 CET (Europe/Stockholm), 1 h.');
    expect(ofWebinar(english.events).map((e) => [e.uid, e.start, e.end])).toEqual(ofWebinar(swedish.events).map((e) => [e.uid, e.start, e.end]));
  });
});

describe('choosing a speaker’s language', () => {
  const languageOf = async (ctx: Ctx, slug: string) =>
    (await ctx.db.selectFrom('speaker').select('language').where('slug', '=', slug).executeTakeFirstOrThrow()).language;
  const checked = (html: string) =>
    all(parse(html), 'input[name="language"]')
      .find((input) => input.hasAttribute('checked'))
      ?.getAttribute('value');

  it('on the private page: stored, shown chosen, and used by the next email and the feed', async () => {
    const ctx = await setUp();
    const page = `/speaker/${ctx.tokens.en}`;
    expect(checked(await (await ctx.app.request(page)).text())).toBe('en');

    const res = await ctx.app.request(`${page}/language`, form({ language: 'sv' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${page}?done=language`);
    expect(await languageOf(ctx, ENGLISH_SPEAKER.slug)).toBe('sv');
    const english = await (await ctx.app.request(res.headers.get('location')!, { headers: { 'accept-language': 'en' } })).text();
    expect(textOf(one(parse(english), '.notice[role="status"]'))).toBe('Your emails and calendar are now in Swedish.');
    expect(checked(english)).toBe('sv');
    const swedish = await (await ctx.app.request(res.headers.get('location')!, { headers: { 'accept-language': 'sv' } })).text();
    expect(textOf(one(parse(swedish), '.notice[role="status"]'))).toBe('Dina mejl och din kalender är nu på svenska.');
    expect(textOf(one(parse(swedish), '#speaker-language'))).toBe('Språk för dina mejl och din kalender');
    expect(leftoverEnglish(swedish, 'speakers.')).toEqual([]);

    await sendSpeakerLink(ctx.db, ctx.clock, TEST_BASE_URL, ENGLISH_SPEAKER.slug);
    expect((await emailTo(ctx, ENGLISH_SPEAKER.email, 'speaker-link')).subject).toBe(`Din talarsida för ${ctx.programme}`);
    const feed = parseCalendar(await (await ctx.app.request(`${page}/calendar.ics`)).text());
    expect(feed.name).toBe(`${ctx.programme}: sessioner med Michael Torres`);

    // And back.
    expect((await ctx.app.request(`${page}/language`, form({ language: 'en' }))).status).toBe(303);
    expect(await languageOf(ctx, ENGLISH_SPEAKER.slug)).toBe('en');
  });

  it('on the private page: refuses a language the hub does not offer, or a wrong link, and changes nothing', async () => {
    const ctx = await setUp();
    const before = await ctx.db.selectFrom('speaker').select(['language', 'updated_at']).where('slug', '=', ENGLISH_SPEAKER.slug).executeTakeFirstOrThrow();
    for (const fields of [{ language: 'de' }, { language: '' }, {}] as Array<Record<string, string>>) {
      const refused = await ctx.app.request(`/speaker/${ctx.tokens.en}/language`, form(fields, { 'accept-language': 'sv' }));
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expect(html).toContain('<html lang="sv"');
      expect(textOf(one(parse(html), '#speaker-language ~ form .error, #speaker-language + form .error'))).toMatch(/^Språk/);
    }
    expect((await ctx.app.request(`/speaker/${'A'.repeat(43)}/language`, form({ language: 'sv' }))).status).toBe(404);
    expect(await ctx.db.selectFrom('speaker').select(['language', 'updated_at']).where('slug', '=', ENGLISH_SPEAKER.slug).executeTakeFirstOrThrow()).toEqual(
      before,
    );

    // A hub in English only offers no choice, and takes none.
    const englishOnly = await buildTestApp({ languages: ['en'] });
    const token = await rotateSpeakerLink(englishOnly.db, englishOnly.clock, ENGLISH_SPEAKER.slug);
    expect(all(parse(await (await englishOnly.app.request(`/speaker/${token}`)).text()), 'input[name="language"]')).toHaveLength(0);
    expect((await englishOnly.app.request(`/speaker/${token}/language`, form({ language: 'sv' }))).status).toBe(422);
    expect(await languageOf(englishOnly, ENGLISH_SPEAKER.slug)).toBe('en');
  });

  it('in the workspace’s speaker form: shown, stored, refused when not offered', async () => {
    const ctx = await setUp();
    const session = await signInAsCoordinator(ctx);
    const selected = (html: string) => one(parse(html), 'select[name="language"] option[selected]')?.getAttribute('value');
    const edit = await (await ctx.app.request(`/admin/speakers/${ENGLISH_SPEAKER.slug}`, { headers: session.headers({ 'accept-language': 'sv' }) })).text();
    expect(selected(edit)).toBe('en');
    expect(textOf(one(parse(edit), 'label[for="f-language"]'))).toBe('Språk');
    expect(leftoverEnglish(edit, 'workspacePages.speakers.')).toEqual([]);

    const row = await ctx.db.selectFrom('speaker').selectAll().where('slug', '=', ENGLISH_SPEAKER.slug).executeTakeFirstOrThrow();
    const fields = {
      name: row.name,
      city: row.city,
      country: row.country,
      timezone: row.zone,
      email: row.email ?? '',
      title: row.title,
      organisation: row.organisation,
    };
    const saved = await ctx.app.request(`/admin/speakers/${ENGLISH_SPEAKER.slug}`, session.form({ ...fields, language: 'sv' }));
    expect(saved.status).toBe(303);
    expect(await languageOf(ctx, ENGLISH_SPEAKER.slug)).toBe('sv');

    const refused = await ctx.app.request(`/admin/speakers/${ENGLISH_SPEAKER.slug}`, session.form({ ...fields, name: 'Someone Else', language: 'de' }));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Language must be one of: en, sv.');
    expect(await ctx.db.selectFrom('speaker').select(['name', 'language']).where('slug', '=', ENGLISH_SPEAKER.slug).executeTakeFirstOrThrow()).toEqual({
      name: row.name,
      language: 'sv',
    });

    // A new speaker: the form offers the hub's first language, and takes the one chosen.
    expect(selected(await (await ctx.app.request('/admin/new-speaker', { headers: session.headers() })).text())).toBe('en');
    const created = await ctx.app.request(
      '/admin/speakers',
      session.form({ name: 'Sara Lind', city: 'Uppsala', country: 'Sverige', timezone: 'Europe/Stockholm', language: 'sv' }),
    );
    expect(created.status).toBe(303);
    expect(await languageOf(ctx, 'sara-lind')).toBe('sv');

    // A hub in English only shows no choice; saving the form leaves the language alone.
    const englishOnly = await buildTestApp({ languages: ['en'] });
    const englishSession = await signInAsCoordinator(englishOnly);
    await englishOnly.db.updateTable('speaker').set({ language: 'sv' }).where('slug', '=', ENGLISH_SPEAKER.slug).execute();
    const page = await (await englishOnly.app.request(`/admin/speakers/${ENGLISH_SPEAKER.slug}`, { headers: englishSession.headers() })).text();
    expect(all(parse(page), 'select[name="language"]')).toHaveLength(0);
    expect((await englishOnly.app.request(`/admin/speakers/${ENGLISH_SPEAKER.slug}`, englishSession.form(fields))).status).toBe(303);
    expect(await languageOf(englishOnly, ENGLISH_SPEAKER.slug)).toBe('sv');
  });

  it('through the API: `language` on POST and PATCH, validated, and shown', async () => {
    const ctx = await setUp();
    const created = await api(
      ctx,
      'POST',
      '/api/speakers',
      { name: 'Sara Lind', city: 'Uppsala', country: 'Sverige', timezone: 'Europe/Stockholm', language: 'sv' },
      'en',
    );
    expect(created.status).toBe(201);
    expect(((await created.json()) as { language: string }).language).toBe('sv');
    const plain = await api(ctx, 'POST', '/api/speakers', { name: 'Per Berg', city: 'Lund', country: 'Sverige', timezone: 'Europe/Stockholm' }, 'sv');
    expect(((await plain.json()) as { language: string }).language).toBe('en');

    const patched = await api(ctx, 'PATCH', '/api/speakers/sara-lind', { language: 'en' }, 'en');
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { language: string }).language).toBe('en');
    const listed = (await (await api(ctx, 'GET', '/api/speakers', undefined, 'en')).json()) as { speakers: Array<{ slug: string; language: string }> };
    expect(listed.speakers.find((s) => s.slug === SWEDISH_SPEAKER.slug)?.language).toBe('sv');

    for (const language of ['de', '', 7]) {
      const refused = await api(ctx, 'PATCH', '/api/speakers/sara-lind', { language, city: 'Stockholm' }, 'en');
      expect(refused.status).toBe(422);
      expect(Object.keys(((await refused.json()) as { fields: Record<string, string> }).fields)).toEqual(['language']);
    }
    const refusedNew = await api(
      ctx,
      'POST',
      '/api/speakers',
      { name: 'Nils Holm', city: 'Umeå', country: 'Sverige', timezone: 'Europe/Stockholm', language: 'de' },
      'en',
    );
    expect(refusedNew.status).toBe(422);
    expect(await refusedNew.json()).toEqual({ error: 'Language must be one of: en, sv.', fields: { language: 'Language must be one of: en, sv.' } });
    expect(await ctx.db.selectFrom('speaker').select(['city', 'language']).where('slug', '=', 'sara-lind').executeTakeFirstOrThrow()).toEqual({
      city: 'Uppsala',
      language: 'en',
    });
    expect(await ctx.db.selectFrom('speaker').select('id').where('slug', '=', 'nils-holm').execute()).toEqual([]);

    // A hub in English only takes English alone.
    const englishOnly = await buildTestApp({ languages: ['en'] });
    const token = await createTestApiToken(englishOnly);
    const refused = await englishOnly.app.request(`/api/speakers/${ENGLISH_SPEAKER.slug}`, {
      method: 'PATCH',
      body: JSON.stringify({ language: 'sv' }),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(refused.status).toBe(422);
    expect(await languageOf(englishOnly, ENGLISH_SPEAKER.slug)).toBe('en');
  });
});

it('reads each speaker’s stored language with the webinar’s speakers, which the change emails use', async () => {
  const ctx = await setUp();
  await ctx.db.updateTable('speaker').set({ language: 'xx' }).where('slug', '=', 'michael-torres').execute();
  // A value edited by hand into the row is read as English.
  expect((await getWebinarBySlug(ctx.db, SLUG, ALL_STATUSES)).speakers.map((s) => [s.slug, s.language])).toEqual([
    [SWEDISH_SPEAKER.slug, 'sv'],
    [ENGLISH_SPEAKER.slug, 'en'],
  ]);
});
