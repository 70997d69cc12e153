// Registering in Swedish: the form, its refusals, "check your email", the confirmation steps, the
// personal page and the privacy notice in Swedish with the same instants as in English and no
// English left; and the attendee's own choice of language for their emails and calendar.
import { describe, expect, it } from 'vitest';
import { all, one, parse, textOf, texts } from '../helpers/dom.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, datetimes, tableCounts } from '../helpers/test-app.js';
import { leftoverEnglish } from './leftover-english.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';
const SWEDISH = { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' };

const bilingualApp = () => buildTestApp({ now: '2026-12-01T08:00:00Z', languages: ['en', 'sv'] });

function langOf(html: string): string | null {
  return /<html lang="([^"]*)"/.exec(html)?.[1] ?? null;
}

/** The English of this area and of the form kit still on a Swedish page. */
const leftovers = (html: string) => [...leftoverEnglish(html, 'registration.'), ...leftoverEnglish(html, 'forms.')];

/** The page in Swedish and in English. */
async function both(ctx: Ctx, path: string) {
  const sv = await ctx.app.request(path, { headers: SWEDISH });
  const en = await ctx.app.request(path);
  return { status: sv.status, sv: await sv.text(), en: await en.text() };
}

async function registerByApi(ctx: Ctx, body: Record<string, unknown> = VISITOR, headers: Record<string, string> = {}): Promise<string> {
  const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(body, headers));
  expect(res.status).toBe(201);
  return ((await res.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
}

describe('registering in Swedish', () => {
  it('shows the form in Swedish, with the same instants as in English and no English of its own', async () => {
    const ctx = await bilingualApp();
    const page = await both(ctx, `/webinars/${SLUG}`);
    expect(page.status).toBe(200);
    expect(langOf(page.sv)).toBe('sv');
    const doc = parse(page.sv);
    expect(textOf(one(doc, 'label[for="reg-name"]'))).toBe('Namn');
    expect(textOf(one(doc, 'label[for="reg-email"]'))).toBe('E-postadress');
    expect(textOf(one(doc, 'label[for="reg-organisationType"]'))).toBe('Typ av organisation');
    expect(texts(doc, '#reg-organisationType option')).toEqual([
      'Välj…',
      'Stort företag',
      'Startup eller litet företag',
      'Universitet eller forskningsinstitut',
      'Offentlig sektor',
      'Annat',
    ]);
    expect(textOf(one(doc, 'label[for="reg-question"]'))).toBe('En fråga till talarna (valfritt)');
    expect(textOf(one(doc, 'label[for="reg-consent"]'))).toBe(
      'Jag godkänner att programmet sparar mitt namn, min e-postadress, min organisation, min tidszon och mitt språk för att kunna genomföra webbinarierna (integritetsinformation).',
    );
    expect(datetimes(page.sv)).toEqual(datetimes(page.en));
    expect(datetimes(page.sv).length).toBeGreaterThan(0);
    expect(leftovers(page.sv)).toEqual([]);
    // The English page is the English one, which the check finds.
    expect(textOf(one(parse(page.en), 'label[for="reg-name"]'))).toBe('Name');
    expect(leftovers(page.en)).toContain('I agree that the programme stores my name, email, organisation, time zone and language to run these webinars');
  });

  it('refuses a form with its errors in Swedish, and stores nothing', async () => {
    const ctx = await bilingualApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(
      `/webinars/${SLUG}/register`,
      form({ name: '', email: 'nope', organisation: 'https://x.example/', timezone: 'UTC+8', question: 'q' }, SWEDISH),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(langOf(html)).toBe('sv');
    const doc = parse(html);
    expect(textOf(one(doc, '#register-errors strong'))).toBe('6 saker att rätta till:');
    expect(texts(doc, '#register-errors li')).toEqual([
      'Namn måste fyllas i.',
      'E-postadress måste vara en e-postadress, till exempel namn@example.com.',
      'Typ av organisation måste fyllas i.',
      'Skriv organisationens namn utan webbadress.',
      'Tidszon ”UTC+8” är en förskjutning från UTC, och den säger inte när sommartiden börjar. Välj platsen vars klocka du följer: menade du någon av platserna som just nu ligger på UTC+08:00?',
      'Godkänn att vi sparar dina uppgifter för programmet; annars kan vi inte ta emot din anmälan.',
    ]);
    expect(textOf(one(doc, '#reg-name-error'))).toBe('Namn måste fyllas i.');
    expect(leftovers(html)).toEqual([]);
    expect(await tableCounts(ctx.db)).toEqual(before);

    const one_ = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, timezone: 'Mars/Olympus' }, SWEDISH));
    expect(one_.status).toBe(422);
    const single = parse(await one_.text());
    expect(textOf(one(single, '#register-errors strong'))).toBe('En sak att rätta till:');
    expect(textOf(one(single, '#reg-timezone-error'))).toBe(
      'Tidszon ”Mars/Olympus” är ingen plats eller tidszon som vi känner till. Skriv en stad eller ett land, till exempel Peking, Oslo eller New York, eller ett IANA-namn som Europe/Stockholm.',
    );
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('answers the series form and the API in Swedish', async () => {
    const ctx = await bilingualApp();
    const series = await ctx.app.request('/register', form({ ...VISITOR, name: 'a'.repeat(121) }, SWEDISH));
    expect(series.status).toBe(422);
    const errors = texts(parse(await series.text()), '#register-errors li');
    expect(errors).toEqual(['Välj minst ett webbinarium.', 'Namn får vara högst 120 tecken.']);

    const refused = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'x' }, SWEDISH));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { fields: Record<string, string> }).fields).toEqual({
      email: 'E-postadress måste vara en e-postadress, till exempel namn@example.com.',
    });
    const created = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json(VISITOR, SWEDISH));
    expect(created.status).toBe(201);
    expect(((await created.json()) as { message: string }).message).toBe('Anmäld. En bekräftelse med en kalenderinbjudan är på väg via e-post.');
  });

  it('says "check your email" in Swedish to another browser registering a known address', async () => {
    const ctx = await bilingualApp();
    await registerByApi(ctx);
    const res = await ctx.app.request(`/webinars/${OTHER}/register`, form(VISITOR, SWEDISH));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toBe(`/registered?webinars=${OTHER}`);
    const page = await both(ctx, location);
    expect(langOf(page.sv)).toBe('sv');
    const doc = parse(page.sv);
    expect(textOf(one(doc, 'h1'))).toBe('Titta i din e-post');
    // The title the coordinators wrote in Swedish, the English one on the English page.
    const { title, title_sv } = await ctx.db.selectFrom('webinar').select(['title', 'title_sv']).where('slug', '=', OTHER).executeTakeFirstOrThrow();
    expect(textOf(one(parse(page.en), 'p.lead'))).toContain(`“${title}”`);
    expect(textOf(one(doc, 'p.lead'))).toContain(`din anmälan till ”${title_sv}”. Anmälan gäller när du bekräftar den i mejlet`);
    expect(datetimes(page.sv)).toEqual(datetimes(page.en));
    expect(leftovers(page.sv)).toEqual([]);
  });

  it('asks in Swedish before confirming a request, cancelling a seat, replacing the link or removing the data', async () => {
    const ctx = await bilingualApp();
    const token = await registerByApi(ctx);
    await ctx.app.request(`/api/webinars/${OTHER}/registrations`, json(VISITOR));
    const request = await ctx.db.selectFrom('registration_request').select('id').executeTakeFirstOrThrow();
    const registration = await ctx.db.selectFrom('registration').select('id').executeTakeFirstOrThrow();
    const pages: Array<[string, string]> = [
      [`/my/${token}/confirm/${request.id}`, 'Bekräfta din anmälan'],
      [`/my/${token}/registrations/${registration.id}/cancel`, 'Avboka din plats på ”'],
      [`/my/${token}/reset-link`, 'Byta ut din personliga länk?'],
      [`/my/${token}/remove`, `Ta bort ${VISITOR.email} och allt som hör till adressen?`],
    ];
    for (const [path, heading] of pages) {
      const page = await both(ctx, path);
      expect(page.status, path).toBe(200);
      expect(langOf(page.sv), path).toBe('sv');
      expect(textOf(one(parse(page.sv), 'h1')), path).toContain(heading);
      expect(datetimes(page.sv), path).toEqual(datetimes(page.en));
      expect(leftovers(page.sv), path).toEqual([]);
    }
    const cancel = parse((await both(ctx, pages[1]![0])).sv);
    expect(textOf(one(cancel, 'button[type="submit"]'))).toBe('Ja, avboka min plats');
    expect(texts(cancel, '.confirm-consequences li')).toContain('Vi mejlar dig en bekräftelse, och webbinariet försvinner ur din kalenderprenumeration.');
    const missing = await ctx.app.request(`/my/${token}/confirm/999`, { headers: SWEDISH });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Den här bekräftelselänken har redan använts eller har gått ut.');
    const gone = await ctx.app.request(`/my/${'A'.repeat(43)}`, { headers: SWEDISH });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('Den här personliga länken fungerar inte.');
    const noSuch = await ctx.app.request(`/my/${token}/registrations/999/cancel`, { headers: SWEDISH });
    expect(noSuch.status).toBe(404);
    expect(await noSuch.text()).toContain('Det finns ingen sådan anmälan på din sida.');
  });

  it('shows the personal page and its notices in Swedish, with the same instants as in English', async () => {
    const ctx = await bilingualApp();
    const token = await registerByApi(ctx);
    const page = await both(ctx, `/my/${token}?registered=${SLUG}`);
    expect(langOf(page.sv)).toBe('sv');
    const doc = parse(page.sv);
    expect(textOf(one(doc, 'h1'))).toBe('Dina anmälningar');
    expect(textOf(one(doc, '.notice.ok strong'))).toBe('Tack för din anmälan.');
    expect(texts(doc, '.card .tag')).toContain('Anmäld');
    expect(textOf(one(doc, '#my-language'))).toBe('Språk för dina mejl och din kalender');
    expect(datetimes(page.sv)).toEqual(datetimes(page.en));
    expect(leftovers(page.sv)).toEqual([]);
    for (const [done, notice] of [
      ['zone', 'Tiderna visas nu för Asia/Shanghai.'],
      ['cancelled', 'Din anmälan är avbokad. En bekräftelse är på väg via e-post.'],
      ['link', 'Det här är din nya personliga länk; den gamla fungerar inte längre. Vi har också mejlat den till dig.'],
    ]) {
      const html = (await both(ctx, `/my/${token}?done=${done}`)).sv;
      expect(textOf(one(parse(html), '.notice[role="status"]'))).toBe(notice);
      expect(leftovers(html)).toEqual([]);
    }
    const badZone = await ctx.app.request(`/my/${token}/zone`, form({ timezone: 'Mars/Olympus' }, SWEDISH));
    expect(badZone.status).toBe(422);
    expect(textOf(one(parse(await badZone.text()), '#zone-timezone-error'))).toMatch(/^Tidszon ”Mars\/Olympus” är ingen plats/);
  });

  it('shows the privacy notice in Swedish', async () => {
    const ctx = await bilingualApp();
    const page = await both(ctx, '/privacy');
    expect(langOf(page.sv)).toBe('sv');
    const doc = parse(page.sv);
    expect(textOf(one(doc, 'h1'))).toBe('Så hanterar vi dina uppgifter');
    expect(all(doc, '.prose p')).toHaveLength(3);
    expect(textOf(one(doc, '.prose p'))).toContain('driver det här webbinarieprogrammet. När du anmäler dig sparar vi ditt namn');
    expect(datetimes(page.sv)).toEqual(datetimes(page.en));
    expect(leftovers(page.sv)).toEqual([]);
  });
});

describe('the attendee’s language', () => {
  const storedLanguage = async (ctx: Ctx) => (await ctx.db.selectFrom('attendee').select('language').executeTakeFirstOrThrow()).language;

  it('is the request’s language at registration, or the API’s `language` when given', async () => {
    const ctx = await bilingualApp();
    await registerByApi(ctx, VISITOR, SWEDISH);
    expect(await storedLanguage(ctx)).toBe('sv');

    const other = await bilingualApp();
    await registerByApi(other, { ...VISITOR, language: 'sv' });
    expect(await storedLanguage(other)).toBe('sv');
    const refused = await other.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email: 'b@example.org', language: 'de' }));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { fields: Record<string, string> }).fields).toEqual({ language: 'Language must be one of: en, sv.' });
    expect(await other.db.selectFrom('attendee').select('email').execute()).toEqual([{ email: VISITOR.email }]);
  });

  it('is chosen on the personal page, stored, and shown chosen', async () => {
    const ctx = await bilingualApp();
    const token = await registerByApi(ctx);
    expect(await storedLanguage(ctx)).toBe('en');
    const chosen = (html: string) =>
      all(parse(html), 'input[name="language"]')
        .find((input) => input.hasAttribute('checked'))
        ?.getAttribute('value');
    expect(chosen(await (await ctx.app.request(`/my/${token}`)).text())).toBe('en');

    const res = await ctx.app.request(`/my/${token}/language`, form({ language: 'sv' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/my/${token}?done=language`);
    expect(await storedLanguage(ctx)).toBe('sv');
    const english = await (await ctx.app.request(res.headers.get('location')!)).text();
    expect(textOf(one(parse(english), '.notice[role="status"]'))).toBe('Your emails and calendar are now in Swedish.');
    expect(chosen(english)).toBe('sv');
    const swedish = await (await ctx.app.request(res.headers.get('location')!, { headers: SWEDISH })).text();
    expect(textOf(one(parse(swedish), '.notice[role="status"]'))).toBe('Dina mejl och din kalender är nu på svenska.');
    expect(leftovers(swedish)).toEqual([]);
  });

  it('changes nothing for a language the hub does not offer, or without the personal link', async () => {
    const ctx = await bilingualApp();
    const token = await registerByApi(ctx);
    const refused = await ctx.app.request(`/my/${token}/language`, form({ language: 'de' }));
    expect(refused.status).toBe(422);
    expect((await ctx.app.request(`/my/${'A'.repeat(43)}/language`, form({ language: 'sv' }))).status).toBe(404);
    expect(await storedLanguage(ctx)).toBe('en');

    // A hub in English only offers no choice, and takes none.
    const english = await buildTestApp({ now: '2026-12-01T08:00:00Z', languages: ['en'] });
    const own = await registerByApi(english);
    expect(all(parse(await (await english.app.request(`/my/${own}`)).text()), 'input[name="language"]')).toHaveLength(0);
    expect((await english.app.request(`/my/${own}/language`, form({ language: 'sv' }))).status).toBe(422);
    expect(await storedLanguage(english)).toBe('en');
  });
});
