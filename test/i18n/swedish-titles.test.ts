// A webinar's own Swedish title and abstract: readers of Swedish get them on every public page (and
// in what those pages tell search engines and link previews), attendees who read Swedish get them
// in their emails, invites and personal feed; the English where none is written; the English
// everywhere for readers of English and in the public feeds. Kept pages follow a change at once.
import { describe, expect, it } from 'vitest';
import { seedDemoMaterials } from '../../src/materials/demo-materials.js';
import { createTestApiToken } from '../helpers/admin-session.js';
import { one, parse, textOf, texts } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
const ENGLISH = {
  title: 'From pilot to contract: how Norwegian industry buys from startups',
  abstract:
    'A pilot that never becomes a contract costs a startup its runway. Ingrid Haugen presents a twelve-week pilot model, the procurement rules behind it, and the numbers from its first three years.',
};
const SWEDISH = {
  title: 'Från pilot till kontrakt: så köper norsk industri av startups',
  abstract:
    'Ett pilotprojekt som aldrig blir ett kontrakt kostar en startup den tid som pengarna räcker. Ingrid Haugen presenterar en pilotmodell på tolv veckor, upphandlingsreglerna bakom den och siffrorna från dess tre första år.',
};
const SWEDE = { ...VISITOR, name: 'Sara Lind', email: 'sara@example.se', timezone: 'Europe/Stockholm' };
const READS_SWEDISH = { 'accept-language': 'sv-SE,sv;q=0.9' };
const READS_ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function bilingualHub() {
  return buildTestApp({ languages: ['en', 'sv'], registrationRateLimit: { max: 1000, windowMinutes: 10 } });
}

async function html(ctx: Ctx, path: string, headers: Record<string, string>) {
  const res = await ctx.app.request(path, { headers });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The page's schema.org data (JSON-LD), parsed. */
function structuredData(page: string): { name: string; description?: string; subEvent?: Array<{ name: string; url: string }> } {
  return JSON.parse(textOf(one(parse(page), 'script[type="application/ld+json"]')));
}

const meta = (page: string, selector: string) => one(parse(page), selector).getAttribute('content');

/** The link texts that lead to the webinar's page. */
const linksTo = (page: string, slug = SLUG) => texts(parse(page), `main a[href="/webinars/${slug}"]`).filter(Boolean);

async function registerAs(ctx: Ctx, person: typeof VISITOR, headers: Record<string, string>, slug = SLUG) {
  const res = await ctx.app.request(`/api/webinars/${slug}/registrations`, json(person, { ...headers, 'x-test': person.email }));
  expect(res.status).toBe(201);
  return (await ctx.db.selectFrom('attendee').select('token').where('email', '=', person.email).executeTakeFirstOrThrow()).token;
}

/** The newest email of `kind` to `address`. */
async function emailTo(ctx: Ctx, address: string, kind: string) {
  const rows = await ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', address).where('kind', '=', kind).orderBy('id', 'desc').execute();
  expect(rows.length, `${kind} to ${address}`).toBeGreaterThan(0);
  return rows[0]!;
}

describe('the demo programme’s Swedish texts', () => {
  it('seeds a Swedish title and abstract for each of the four webinars', async () => {
    const ctx = await bilingualHub();
    const rows = await ctx.db.selectFrom('webinar').select(['slug', 'title_sv', 'abstract_sv']).orderBy('starts_at_utc').execute();
    expect(rows.map((row) => [row.slug, row.title_sv])).toEqual([
      ['corporate-venture-capital-silicon-valley', 'Riskkapital från storföretag: lärdomar från Silicon Valley'],
      ['open-innovation-platforms-china', 'Öppna innovationsplattformar i Kina'],
      [SLUG, SWEDISH.title],
      ['partnership-models-new-york', 'Partnerskapsmodeller: en innovationsutpost i New York'],
    ]);
    expect(rows.find((row) => row.slug === SLUG)!.abstract_sv).toBe(SWEDISH.abstract);
    for (const row of rows) expect(row.abstract_sv, row.slug).toMatch(/^[A-ZÅÄÖ].{100,}[.?!]$/);
  });
});

describe('the public pages', () => {
  it('show a reader of Swedish the webinar’s Swedish title and abstract, with its page title, previews and search data', async () => {
    const ctx = await bilingualHub();
    const page = await html(ctx, `/webinars/${SLUG}`, READS_SWEDISH);
    const doc = parse(page);
    expect(textOf(one(doc, 'h1'))).toBe(SWEDISH.title);
    expect(doc.title.startsWith(`${SWEDISH.title} `)).toBe(true);
    expect(textOf(one(doc, 'p.prose'))).toBe(SWEDISH.abstract);
    expect(meta(page, 'meta[property="og:title"]')).toBe(SWEDISH.title);
    expect(meta(page, 'meta[property="og:description"]')).toBe(meta(page, 'meta[name="description"]'));
    expect(SWEDISH.abstract.startsWith(meta(page, 'meta[name="description"]')!.replace(/…$/, ''))).toBe(true);
    expect(structuredData(page)).toMatchObject({ name: SWEDISH.title, description: SWEDISH.abstract });
    // "Add to calendar" for Google and Outlook carries what the reader reads.
    const google = new URL(one(doc, 'a[href^="https://calendar.google.com/"]').getAttribute('href')!);
    expect(google.searchParams.get('text')).toBe(SWEDISH.title);
    expect(google.searchParams.get('details')).toContain(SWEDISH.abstract);
    // The English title is only in the preview image's description: the image is one per webinar, in English.
    expect(textOf(one(doc, 'main'))).not.toContain(ENGLISH.title);
    expect(meta(page, 'meta[property="og:image:alt"]')!.startsWith(`${ENGLISH.title}. `)).toBe(true);
  });

  it('show a reader of English the English title and abstract, and no Swedish', async () => {
    const ctx = await bilingualHub();
    const page = await html(ctx, `/webinars/${SLUG}`, READS_ENGLISH);
    const doc = parse(page);
    expect(textOf(one(doc, 'h1'))).toBe(ENGLISH.title);
    expect(textOf(one(doc, 'p.prose'))).toBe(ENGLISH.abstract);
    expect(meta(page, 'meta[property="og:title"]')).toBe(ENGLISH.title);
    expect(structuredData(page)).toMatchObject({ name: ENGLISH.title, description: ENGLISH.abstract });
    expect(page).not.toContain(SWEDISH.title);
    expect(page).not.toContain('Ingrid Haugen presenterar');
  });

  it('list the Swedish titles on the programme, its JSON-LD, the list of webinars, the area and the speaker’s page', async () => {
    const ctx = await bilingualHub();
    const programme = await html(ctx, '/', READS_SWEDISH);
    expect(linksTo(programme)).toEqual([SWEDISH.title]);
    // The series form's choices name the webinars as the reader reads them.
    expect(textOf(one(parse(programme), `input[name="webinars"][value="${SLUG}"]`).closest('label')!)).toContain(SWEDISH.title);
    expect(structuredData(programme).subEvent!.map((event) => event.name)).toEqual([
      SWEDISH.title,
      'Partnerskapsmodeller: en innovationsutpost i New York',
      'Öppna innovationsplattformar i Kina',
      'Riskkapital från storföretag: lärdomar från Silicon Valley',
    ]);
    expect(linksTo(await html(ctx, '/webinars', READS_SWEDISH))).toEqual([SWEDISH.title]);
    expect(linksTo(await html(ctx, '/areas/procurement-and-pilots', READS_SWEDISH))).toEqual([SWEDISH.title]);
    expect(linksTo(await html(ctx, '/speakers/ingrid-haugen', READS_SWEDISH))).toEqual([SWEDISH.title]);

    expect(linksTo(await html(ctx, '/', READS_ENGLISH))).toEqual([ENGLISH.title]);
    expect(linksTo(await html(ctx, '/areas/procurement-and-pilots', READS_ENGLISH))).toEqual([ENGLISH.title]);
    expect(linksTo(await html(ctx, '/speakers/ingrid-haugen', READS_ENGLISH))).toEqual([ENGLISH.title]);
  });

  it('show the speaker’s private page in the reader’s language, titles too, and keep the speaker’s feed English', async () => {
    const ctx = await bilingualHub();
    const token = await createTestApiToken(ctx);
    const created = await ctx.app.request('/api/speakers/ingrid-haugen/link', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(created.status).toBe(201);
    const path = new URL(((await created.json()) as { url: string }).url).pathname;
    // Each upcoming session is headed by its title.
    const session = (page: string) => textOf(one(parse(page), 'section.panel h2'));
    expect(session(await html(ctx, path, READS_SWEDISH))).toBe(SWEDISH.title);
    expect(session(await html(ctx, path, READS_ENGLISH))).toBe(ENGLISH.title);
    const feed = await ctx.app.request(`${path}/calendar.ics`, { headers: READS_SWEDISH });
    const summaries = parseCalendar(await feed.text()).events.map((event) => event.summary);
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.filter((summary) => summary.includes(ENGLISH.title))).toEqual(summaries);
  });

  it('show the recordings under their Swedish titles, found by words of either language', async () => {
    const ctx = await bilingualHub();
    await seedDemoMaterials({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL });
    const china = 'open-innovation-platforms-china';
    expect(linksTo(await html(ctx, '/recordings', READS_SWEDISH), china)).toEqual(['Öppna innovationsplattformar i Kina']);
    expect(linksTo(await html(ctx, '/recordings?q=kina', READS_SWEDISH), china)).toEqual(['Öppna innovationsplattformar i Kina']);
    expect(linksTo(await html(ctx, '/recordings?q=china', READS_SWEDISH), china)).toEqual(['Öppna innovationsplattformar i Kina']);
    expect(linksTo(await html(ctx, '/recordings?q=kina', READS_ENGLISH), china)).toEqual(['Open innovation platforms in China']);
    // The Atom feed is public and shared: English.
    const atom = await (await ctx.app.request('/recordings.atom', { headers: READS_SWEDISH })).text();
    expect(atom).toContain('Open innovation platforms in China');
    expect(atom).not.toContain('Öppna innovationsplattformar');
  });

  it('show the attendee’s own page in the reader’s language, titles too', async () => {
    const ctx = await bilingualHub();
    const token = await registerAs(ctx, SWEDE, READS_SWEDISH);
    const swedish = await html(ctx, `/my/${token}`, READS_SWEDISH);
    expect(linksTo(swedish)).toContain(SWEDISH.title);
    expect(swedish).not.toContain(ENGLISH.title);
    // Another upcoming webinar, offered with one click.
    expect(swedish).toContain('Partnerskapsmodeller: en innovationsutpost i New York');
    const english = await html(ctx, `/my/${token}`, READS_ENGLISH);
    expect(linksTo(english)).toContain(ENGLISH.title);
    expect(english).not.toContain(SWEDISH.title);
  });

  it('fall back to the English title and abstract where no Swedish one is written, each on its own', async () => {
    const ctx = await bilingualHub();
    await ctx.db.updateTable('webinar').set({ title_sv: null }).where('slug', '=', SLUG).execute();
    let doc = parse(await html(ctx, `/webinars/${SLUG}`, READS_SWEDISH));
    expect(textOf(one(doc, 'h1'))).toBe(ENGLISH.title);
    expect(textOf(one(doc, 'p.prose'))).toBe(SWEDISH.abstract);
    await ctx.db.updateTable('webinar').set({ title_sv: SWEDISH.title, abstract_sv: null }).where('slug', '=', SLUG).execute();
    doc = parse(await html(ctx, `/webinars/${SLUG}`, READS_SWEDISH));
    expect(textOf(one(doc, 'h1'))).toBe(SWEDISH.title);
    expect(textOf(one(doc, 'p.prose'))).toBe(ENGLISH.abstract);
    // An empty text (a row edited by hand) is no translation either.
    await ctx.db.updateTable('webinar').set({ title_sv: '' }).where('slug', '=', SLUG).execute();
    expect(linksTo(await html(ctx, '/', READS_SWEDISH))).toEqual([ENGLISH.title]);
  });

  it('answer a kept Swedish page anew once its Swedish title changes, and leave the English one as it was', async () => {
    const ctx = await bilingualHub();
    const token = await createTestApiToken(ctx);
    const first = await html(ctx, `/webinars/${SLUG}`, READS_SWEDISH);
    const english = await html(ctx, `/webinars/${SLUG}`, READS_ENGLISH);
    // Kept: the same bytes for the next reader of Swedish.
    expect(await html(ctx, `/webinars/${SLUG}`, READS_SWEDISH)).toBe(first);
    const patched = await ctx.app.request(`/api/webinars/${SLUG}`, {
      method: 'PATCH',
      body: JSON.stringify({ titleSv: 'Från pilot till avtal' }),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(patched.status).toBe(200);
    expect(textOf(one(parse(await html(ctx, `/webinars/${SLUG}`, READS_SWEDISH)), 'h1'))).toBe('Från pilot till avtal');
    expect(linksTo(await html(ctx, '/', READS_SWEDISH))).toEqual(['Från pilot till avtal']);
    expect(await html(ctx, `/webinars/${SLUG}`, READS_ENGLISH)).toBe(english);
  });
});

describe('emails, invites and feeds', () => {
  it('write a Swedish attendee’s confirmation and invite with the Swedish title and abstract, an English attendee’s with the English', async () => {
    const ctx = await bilingualHub();
    await registerAs(ctx, SWEDE, READS_SWEDISH);
    await registerAs(ctx, VISITOR, READS_ENGLISH);

    const swedish = await emailTo(ctx, SWEDE.email, 'registration-confirmed');
    expect(swedish.subject).toBe(`Du är anmäld: ${SWEDISH.title}`);
    expect(swedish.text_body).toContain(`Du är anmäld till ”${SWEDISH.title}”.`);
    const [svInvite] = parseCalendar(swedish.ics_content!).events;
    expect(svInvite!.summary).toBe(SWEDISH.title);
    expect(svInvite!.description.startsWith(`${SWEDISH.abstract}\n`)).toBe(true);
    expect(parseCalendar(swedish.ics_content!).name).toBe(SWEDISH.title);

    const english = await emailTo(ctx, VISITOR.email, 'registration-confirmed');
    expect(english.subject).toBe(`You are registered: ${ENGLISH.title}`);
    expect(english.text_body).toContain(`“${ENGLISH.title}”`);
    const [enInvite] = parseCalendar(english.ics_content!).events;
    expect(enInvite!.summary).toBe(ENGLISH.title);
    expect(enInvite!.description.startsWith(`${ENGLISH.abstract}\n`)).toBe(true);
    expect(`${english.subject}\n${english.text_body}\n${english.ics_content}`).not.toContain('Från pilot');
    expect([enInvite!.uid, enInvite!.start, enInvite!.sequence]).toEqual([svInvite!.uid, svInvite!.start, svInvite!.sequence]);
  });

  it('write the English title to a Swedish attendee where no Swedish one is written', async () => {
    const ctx = await bilingualHub();
    await ctx.db.updateTable('webinar').set({ title_sv: null, abstract_sv: null }).where('slug', '=', SLUG).execute();
    await registerAs(ctx, SWEDE, READS_SWEDISH);
    const swedish = await emailTo(ctx, SWEDE.email, 'registration-confirmed');
    expect(swedish.subject).toBe(`Du är anmäld: ${ENGLISH.title}`);
    const [invite] = parseCalendar(swedish.ics_content!).events;
    expect(invite!.summary).toBe(ENGLISH.title);
    expect(invite!.description.startsWith(`${ENGLISH.abstract}\n`)).toBe(true);
  });

  it('tell a Swedish attendee of a move under the Swedish title, whatever the coordinator reads', async () => {
    const ctx = await bilingualHub();
    await registerAs(ctx, SWEDE, READS_SWEDISH);
    await registerAs(ctx, VISITOR, READS_ENGLISH);
    const token = await createTestApiToken(ctx);
    const moved = await ctx.app.request(`/api/webinars/${SLUG}`, {
      method: 'PATCH',
      body: JSON.stringify({ start: '2027-02-18T16:00', timezone: 'Europe/Stockholm' }),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...READS_ENGLISH },
    });
    expect(moved.status).toBe(200);
    const swedish = await emailTo(ctx, SWEDE.email, 'webinar-updated');
    expect(swedish.subject).toBe(`Ändrat: ${SWEDISH.title}`);
    expect(parseCalendar(swedish.ics_content!).events[0]!.summary).toBe(SWEDISH.title);
    expect((await emailTo(ctx, VISITOR.email, 'webinar-updated')).subject).toBe(`Changed: ${ENGLISH.title}`);
  });

  it('give each attendee’s feed in their language and follow a change of the Swedish title; the public feeds stay English', async () => {
    const ctx = await bilingualHub();
    const swede = await registerAs(ctx, SWEDE, READS_SWEDISH);
    const visitor = await registerAs(ctx, VISITOR, READS_ENGLISH);
    const summaries = async (path: string) => {
      const res = await ctx.app.request(path, { headers: READS_SWEDISH });
      expect(res.status, path).toBe(200);
      return parseCalendar(await res.text()).events.map((event) => event.summary);
    };
    expect(await summaries(`/my/${swede}/calendar.ics`)).toEqual([SWEDISH.title]);
    expect(await summaries(`/my/${visitor}/calendar.ics`)).toEqual([ENGLISH.title]);
    await ctx.db.updateTable('webinar').set({ title_sv: 'Från pilot till avtal' }).where('slug', '=', SLUG).execute();
    expect(await summaries(`/my/${swede}/calendar.ics`)).toEqual(['Från pilot till avtal']);

    expect(await summaries('/calendar.ics')).toContain(ENGLISH.title);
    expect(await summaries(`/webinars/${SLUG}/calendar.ics`)).toEqual([ENGLISH.title]);
    const areaFeed = await summaries('/areas/procurement-and-pilots/calendar.ics');
    expect(areaFeed).toEqual([ENGLISH.title]);
  });
});
