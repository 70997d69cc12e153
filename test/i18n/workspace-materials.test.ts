// A coordinator who reads Swedish: a webinar's materials and captions, the speaker's private link,
// the refusals of an upload, a caption file, a photo and the webinar form, and the sign-in and
// "not found" refusals, all in Swedish with no English catalogue text left; the same pages in
// English say what they always said, and the JSON API stays English whatever the request asks for.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.service.js';
import { register } from '../../src/registration/registration.service.js';
import { signInAsCoordinator, type AdminSession } from '../helpers/admin-session.js';
import { one, parse, textOf, texts } from '../helpers/dom.js';
import { buildTestApp, datetimes, TEST_BASE_URL } from '../helpers/test-app.js';
import { SAMPLES } from '../materials/material-helpers.js';
import { leftoverEnglish } from './leftover-english.js';

const PAST = 'corporate-venture-capital-silicon-valley';
const UPCOMING = 'pilots-with-startups-norway';
const VTT = 'WEBVTT\n\n00:01.000 --> 00:03.000\nVälkomna.\n\n00:04.000 --> 00:06.000\nTack.\n';

type Ctx = Awaited<ReturnType<typeof buildTestApp>> & { session: AdminSession };
type Upload = { name: string; bytes: Uint8Array; type?: string };

/**
 * A hub in both languages with a coordinator signed in and two people registered for a past
 * webinar. The content the coordinators wrote is Swedish here, so that an English word on a page
 * can only be the hub's own.
 */
async function workspace(): Promise<Ctx> {
  const ctx = await buildTestApp({ languages: ['en', 'sv'] });
  const session = await signInAsCoordinator(ctx, { email: 'anna@example.se', name: 'Anna' });
  await ctx.db.updateTable('programme').set({ title: 'Innovationssamarbete mellan små och stora företag' }).execute();
  await ctx.db.updateTable('webinar').set({ title: 'Riskkapital i storföretag: lärdomar från Silicon Valley' }).where('slug', '=', PAST).execute();
  // Registered while registration was open, before the webinar.
  ctx.clock.set('2026-12-01T08:00:00Z');
  for (const email of ['erik@example.se', 'maria@example.se']) {
    const attendee = { name: email.split('@')[0]!, email, organisation: 'Exempel AB', organisationType: 'startup' as const };
    await register({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL }, [PAST], { ...attendee, timezone: 'Europe/Stockholm', question: null });
  }
  ctx.clock.set('2027-02-01T12:00:00Z');
  return { ...ctx, session };
}

const headers = (ctx: Ctx, language: string, extra: Record<string, string> = {}) =>
  ctx.session.headers({ 'accept-language': language, origin: TEST_BASE_URL, ...extra });

async function page(ctx: Ctx, path: string, language: string) {
  const res = await ctx.app.request(path, { headers: headers(ctx, language) });
  return { status: res.status, html: await res.text() };
}

/** The workspace's multipart form as a browser sends it: `_csrf` first, then the fields and the file. */
function upload(ctx: Ctx, language: string, fields: Record<string, string>, file?: Upload): RequestInit {
  const body = new FormData();
  body.set('_csrf', ctx.session.csrf);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (file) body.set('file', new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
  return { method: 'POST', body, headers: headers(ctx, language) };
}

async function post(ctx: Ctx, path: string, init: RequestInit) {
  const res = await ctx.app.request(path, init);
  return { status: res.status, html: await res.text() };
}

const addMaterial = (ctx: Ctx, fields: Record<string, string>, file?: Upload, language = 'sv') =>
  post(ctx, `/admin/webinars/${PAST}/materials`, upload(ctx, language, fields, file));

/** The materials panel alone: the rest of the webinar page is the workspace pages' (see workspace-pages.test.ts). */
function materialsPanel(html: string): string {
  const { document } = parseHTML(html);
  return `<body>${document.querySelector('section#materials')?.toString() ?? ''}</body>`;
}

function expectSwedish(html: string) {
  expect(html).toContain('<html lang="sv"');
  expect(leftoverEnglish(html)).toEqual([]);
}

/** The messages of a refused form's summary. */
const summary = (html: string) => texts(parse(html), '[data-error-summary] li');

describe('a webinar’s materials in Swedish', () => {
  it('shows the list, the announcement still gathering, the captions and the forms in Swedish, with the same times', async () => {
    const ctx = await workspace();
    expect((await addMaterial(ctx, { kind: 'recording', title: 'Inspelning', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' })).status).toBe(303);
    expect(
      (await addMaterial(ctx, { kind: 'slides', title: 'Bilder från panelen', visibility: 'attendees' }, { name: 'bilder.pdf', bytes: SAMPLES.pdf })).status,
    ).toBe(303);
    const recording = (await ctx.db.selectFrom('material').select('id').where('kind', '=', 'recording').executeTakeFirstOrThrow()).id;
    const vtt = new FormData();
    vtt.set('_csrf', ctx.session.csrf);
    vtt.set('language', 'sv');
    vtt.set('file', new File([VTT], 'tal.vtt', { type: 'text/vtt' }));
    expect(
      (await ctx.app.request(`/admin/webinars/${PAST}/materials/${recording}/captions`, { method: 'POST', body: vtt, headers: headers(ctx, 'sv') })).status,
    ).toBe(303);

    const swedish = await page(ctx, `/admin/webinars/${PAST}`, 'sv');
    const english = await page(ctx, `/admin/webinars/${PAST}`, 'en');
    expect([swedish.status, english.status]).toEqual([200, 200]);
    expect(swedish.html).toContain('<html lang="sv"');
    expect(datetimes(swedish.html)).toEqual(datetimes(english.html));
    const panel = materialsPanel(swedish.html);
    expect(leftoverEnglish(panel)).toEqual([]);
    const doc = parse(panel);
    expect(textOf(one(doc, 'h2'))).toBe('Inspelningar, bilder och länkar');
    expect(texts(doc, 'thead th')).toEqual(['Titel', 'Typ', 'Synligt för', 'Källa', 'Åtgärder']);
    expect(texts(doc, 'tbody td:nth-child(2)')).toEqual(['Inspelning', 'Bilder']);
    expect(texts(doc, 'tbody td:nth-child(3)')).toEqual(['Alla', 'Anmälda deltagare']);
    expect(textOf(one(doc, '#materials-announcement'))).toBe(
      '2 anmälda personer mejlas kl. 13:10 CET (Stockholm) om: Inspelning, Bilder från panelen. Material som du lägger till före dess kommer med.',
    );
    expect(textOf(one(doc, '#youtube-china'))).toMatch(/^YouTube når inte tittare i Fastlandskina/);
    expect(textOf(one(doc, '.captions-admin li'))).toMatch(/^Svenska \(sv\), 2 textblock/);
    expect(one(doc, '.captions-admin li button').getAttribute('aria-label')).toBe('Ta bort undertexterna på svenska till ”Inspelning”');
    expect(texts(doc, 'datalist option')).toEqual(['Engelska', 'Svenska', 'Kinesiska', 'Norskt bokmål']);
    expect(texts(doc, 'h3')).toEqual(['Ändra ett material', 'Undertexter och transkriptioner', 'Lägg till material', 'Meddela deltagarna']);
    expect(texts(doc, 'button[type=submit]')).toContain('Mejla de anmälda nu');

    // The English panel says what it always said.
    const englishDoc = parse(materialsPanel(english.html));
    expect(textOf(one(englishDoc, 'h2'))).toBe('Recordings, slides and links');
    expect(textOf(one(englishDoc, '#materials-announcement'))).toBe(
      '2 people registered will be emailed at 13:10 CET (Stockholm) about: Recording: Inspelning, Slides: Bilder från panelen. Materials added before then are included.',
    );
    expect(textOf(one(englishDoc, '.captions-admin li'))).toMatch(/^Swedish \(sv\), 2 cues/);
    expect(texts(englishDoc, 'datalist option')).toEqual(['English', 'Swedish', 'Chinese', 'Norwegian Bokmål']);
  });

  it('says how many were emailed, and what was saved, in Swedish', async () => {
    const ctx = await workspace();
    expect((await addMaterial(ctx, { kind: 'link', title: 'Läsning', url: 'https://example.org/lasning' })).status).toBe(303);
    const id = (await ctx.db.selectFrom('material').select('id').executeTakeFirstOrThrow()).id;
    const notified = await page(ctx, `/admin/webinars/${PAST}?notified=2`, 'sv');
    expect(textOf(one(parse(materialsPanel(notified.html)), '.notice.ok'))).toBe('2 mejl om att materialet nu finns ligger i kö till de anmälda deltagarna.');
    const none = await page(ctx, `/admin/webinars/${PAST}?notified=0`, 'sv');
    expect(materialsPanel(none.html)).toContain('Inga nya mejl: alla anmälda har redan fått veta om det här materialet');
    const edited = await page(ctx, `/admin/webinars/${PAST}?edited=${id}`, 'sv');
    expect(materialsPanel(edited.html)).toContain('”Läsning” är sparat.');
    expect(leftoverEnglish(materialsPanel(edited.html))).toEqual([]);
    const english = await page(ctx, `/admin/webinars/${PAST}?notified=2`, 'en');
    expect(textOf(one(parse(materialsPanel(english.html)), '.notice.ok'))).toBe('2 emails queued to the registered attendees: “Now available”.');
  });

  it('refuses an upload in Swedish: the form again with what to fix', async () => {
    const ctx = await workspace();
    const cases: Array<[fields: Record<string, string>, file: Upload | undefined, swedish: string[], english: string[]]> = [
      [
        { kind: 'slides', title: '' },
        undefined,
        ['Titel måste fyllas i.', 'Ange materialets adress (https://…) eller välj en fil att ladda upp.'],
        ['Title is required.', 'Give the address (https://…) of the material, or choose a file to upload.'],
      ],
      [
        { kind: 'slides', title: 'Bilder' },
        { name: 'program.exe', bytes: new Uint8Array(Buffer.from('MZ\x90\x00 inte en pdf')) },
        [
          'Filen är varken en PDF, en PowerPoint (.pptx), en OpenDocument-presentation (.odp) eller en Keynote-fil (.key). Ladda upp någon av dem, eller publicera materialet som länk.',
        ],
        [
          'This file is not a PDF, a PowerPoint (.pptx), an OpenDocument presentation (.odp) or a Keynote (.key) file. Upload one of these, or publish the material as a link.',
        ],
      ],
      [
        { kind: 'recording', title: 'Inspelning' },
        { name: 'bilder.pdf', bytes: SAMPLES.pdf },
        [
          'En inspelning måste vara en videofil: MP4 eller WebM. Exportera den som MP4 (H.264 eller AV1), eller publicera inspelningen som länk (YouTube, Vimeo eller adressen till en videofil).',
        ],
        [
          'A recording must be a video file: MP4 or WebM. Export it as MP4 (H.264 or AV1), or publish the recording as a link (YouTube, Vimeo or the address of a video file).',
        ],
      ],
      [
        { kind: 'slides', title: 'Bilder' },
        { name: 'tom.pdf', bytes: new Uint8Array(0) },
        ['Filen är tom. Välj filen igen; den kanske inte hade hunnit sparas klart.'],
        ['The file is empty. Choose the file again; it may not have finished saving.'],
      ],
      [
        { kind: 'link', title: 'Läsning', url: 'http://example.org' },
        { name: 'bilder.pdf', bytes: SAMPLES.pdf },
        ['Ange antingen en adress eller en fil, inte båda.'],
        ['Give either an address or a file, not both.'],
      ],
    ];
    for (const [fields, file, swedish, english] of cases) {
      const refused = await addMaterial(ctx, fields, file, 'sv');
      expect(refused.status).toBe(422);
      expectSwedish(refused.html);
      expect(refused.html).toContain('<title>Material: Riskkapital i storföretag');
      expect(summary(refused.html)).toEqual(swedish);
      const inEnglish = await addMaterial(ctx, fields, file, 'en');
      expect(summary(inEnglish.html)).toEqual(english);
    }
    // A form that says it is larger than any upload is refused before it is read.
    const tooLarge = await ctx.app.request(`/admin/webinars/${PAST}/materials`, {
      method: 'POST',
      body: 'x',
      headers: headers(ctx, 'sv', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(3 * 1024 ** 3) }),
    });
    expect(tooLarge.status).toBe(413);
    const tooLargePage = await tooLarge.text();
    expect(tooLargePage).toContain('Förfrågan är för stor (högst 2 GB).');
    expectSwedish(tooLargePage);
    expect(await ctx.db.selectFrom('material').select('id').execute()).toEqual([]);
  });

  it('refuses an edit in Swedish', async () => {
    const ctx = await workspace();
    await addMaterial(ctx, { kind: 'link', title: 'Läsning', url: 'https://example.org/lasning' });
    const id = (await ctx.db.selectFrom('material').select('id').executeTakeFirstOrThrow()).id;
    const edit = (language: string) =>
      post(ctx, `/admin/webinars/${PAST}/materials/${id}/edit`, ctx.session.form({ title: '', url: 'javascript:alert(1)' }, headers(ctx, language)));
    const swedish = await edit('sv');
    expect(swedish.status).toBe(422);
    expectSwedish(swedish.html);
    expect(summary(swedish.html)).toEqual(['Titel måste fyllas i.', 'Adressen måste vara en fullständig adress som börjar med https://.']);
    expect(summary((await edit('en')).html)).toEqual(['Title is required.', 'Address must be a full https:// address.']);
  });

  it('refuses a caption file in Swedish, says what to fix and keeps nothing', async () => {
    const ctx = await workspace();
    await addMaterial(ctx, { kind: 'recording', title: 'Inspelning', url: 'https://vimeo.com/123456' });
    await addMaterial(ctx, { kind: 'link', title: 'Läsning', url: 'https://example.org/lasning' });
    const [recording, link] = (await ctx.db.selectFrom('material').select('id').orderBy('id').execute()).map((row) => row.id);
    const attach = (language: string, text: string | null, options: { code?: string; id?: number } = {}) => {
      const body = new FormData();
      body.set('_csrf', ctx.session.csrf);
      body.set('language', options.code ?? 'sv');
      if (text !== null) body.set('file', new File([text], 'tal.vtt', { type: 'text/vtt' }));
      return post(ctx, `/admin/webinars/${PAST}/materials/${options.id ?? recording}/captions`, { method: 'POST', body, headers: headers(ctx, language) });
    };
    const cases: Array<[text: string | null, options: { code?: string; id?: number }, swedish: string]> = [
      ['inga undertexter', {}, 'Det här är ingen WebVTT-fil: den måste börja med raden "WEBVTT"'],
      [
        'WEBVTT\n\n00:00:01,000 --> 00:00:04,000\nHej\n',
        {},
        'Rad 3: "00:00:01,000 --> 00:00:04,000" är ingen tidsangivelse som "00:01:02.500 --> 00:01:05.000".',
      ],
      [null, {}, 'Välj en WebVTT-fil (.vtt) att bifoga.'],
      [VTT, { code: 'svenska!' }, 'Ange undertexternas språk som en språkkod, till exempel en, sv eller zh.'],
      [VTT, { id: link }, 'Undertexter hör till en inspelning; ”Läsning” är en länk.'],
    ];
    for (const [text, options, swedish] of cases) {
      const refused = await attach('sv', text, options);
      expect(refused.status).toBe(422);
      expectSwedish(refused.html);
      const doc = parse(refused.html);
      expect(textOf(one(doc, 'h1'))).toBe('Undertexterna bifogades inte');
      expect(textOf(one(doc, '[role=alert] p'))).toBe(
        'Inget ändrades på ”Riskkapital i storföretag: lärdomar från Silicon Valley”. Det här behöver du rätta till:',
      );
      expect(textOf(one(doc, '[role=alert] li'))).toContain(swedish);
      expect(refused.html).toContain('<title>Undertexterna bifogades inte: Riskkapital i storföretag');
    }
    const english = await attach('en', 'no captions');
    expect(textOf(one(parse(english.html), 'h1'))).toBe('The captions were not attached');
    expect(textOf(one(parse(english.html), '[role=alert] li'))).toContain('This is not a WebVTT file: it must begin with the line "WEBVTT"');
    expect(await ctx.db.selectFrom('caption').select('id').execute()).toEqual([]);

    // Removing captions the recording does not have: the language named in Swedish.
    const missing = await post(ctx, `/admin/webinars/${PAST}/materials/${recording}/captions/de/delete`, ctx.session.form({}, headers(ctx, 'sv')));
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Material nummer 1 till ”Riskkapital i storföretag: lärdomar från Silicon Valley” har inga undertexter på tyska.');
    expectSwedish(missing.html);
  });
});

describe('a speaker’s private link and photo in Swedish', () => {
  it('shows the link panel in Swedish, with and without a link and an email address', async () => {
    const ctx = await workspace();
    const panelOf = async (language: string) => {
      const { html } = await page(ctx, '/admin/speakers/anna-lindqvist', language);
      const { document } = parseHTML(html);
      return `<body>${document.querySelector('section[aria-labelledby="speaker-link"]')?.toString() ?? ''}</body>`;
    };
    const none = await panelOf('sv');
    expect(leftoverEnglish(none)).toEqual([]);
    expect(textOf(one(parse(none), 'h2'))).toBe('Talarens privata sida');
    expect(texts(parse(none), 'button')).toEqual(['Skapa och mejla länken']);

    expect((await ctx.app.request('/admin/speakers/anna-lindqvist/link/rotate', ctx.session.form({}, headers(ctx, 'sv')))).status).toBe(303);
    const linked = await panelOf('sv');
    expect(leftoverEnglish(linked)).toEqual([]);
    expect(texts(parse(linked), 'button')).toEqual(['Mejla länken igen', 'Byt ut länken', 'Dra tillbaka länken']);
    expect(texts(parse(linked), 'label')).toEqual(['Nuvarande länk']);
    expect(texts(parse(await panelOf('en')), 'button')).toEqual(['Email the link again', 'Replace the link', 'Withdraw the link']);

    await ctx.db.updateTable('speaker').set({ email: null }).where('slug', '=', 'anna-lindqvist').execute();
    const noEmail = await panelOf('sv');
    expect(leftoverEnglish(noEmail)).toEqual([]);
    expect(one(parse(noEmail), 'button').getAttribute('title')).toBe('Lägg först till en e-postadress');
    expect(noEmail).toContain('Lägg till talarens e-postadress för att kunna skicka länken.');
    const send = await post(ctx, '/admin/speakers/anna-lindqvist/link/send', ctx.session.form({}, headers(ctx, 'sv')));
    expect(send.status).toBe(409);
    expect(send.html).toContain('Anna Lindqvist har ingen e-postadress ännu: lägg till en först.');
    expectSwedish(send.html);
  });

  it('refuses a photo that is not one in Swedish', async () => {
    const ctx = await workspace();
    const send = (language: string, bytes: Uint8Array, name: string) => {
      const body = new FormData();
      body.set('_csrf', ctx.session.csrf);
      body.set('file', new Blob([bytes], { type: 'image/png' }), name);
      return post(ctx, '/admin/speakers/anna-lindqvist/photo', { method: 'POST', body, headers: headers(ctx, language) });
    };
    const notes = new Uint8Array(Buffer.from('Det här är mina anteckningar, inte ett foto.\n'));
    const svg = new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    for (const [bytes, name, swedish] of [
      [notes, 'anteckningar.png', 'Filen är ingen bild i JPEG, PNG eller WebP. Ladda upp en bild i något av de formaten.'],
      [svg, 'bild.svg', 'SVG-bilder tas inte emot som foton. Ladda upp en bild i JPEG, PNG eller WebP (exportera SVG-bilden som PNG).'],
    ] as const) {
      const refused = await send('sv', bytes, name);
      expect(refused.status).toBe(422);
      expect(summary(refused.html)).toEqual([swedish]);
      expect(leftoverEnglish(refused.html, 'speakerAdmin.')).toEqual([]);
    }
    expect(summary((await send('en', notes, 'notes.png')).html)).toEqual(['This file is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.']);
  });
});

describe('the webinar form’s refusals in Swedish', () => {
  /** The new-webinar form sent with `fields`, the rest filled in as the form would. */
  const create = (ctx: Ctx, language: string, fields: Record<string, string>) =>
    post(
      ctx,
      '/admin/webinars',
      ctx.session.form(
        { durationMinutes: '60', techCheckMinutes: '30', registrationClosesMinutesBefore: '0', status: 'draft', timezone: 'Europe/Stockholm', ...fields },
        headers(ctx, language),
      ),
    );

  it.each([
    [{ title: '', start: '' }, ['Titel måste fyllas i.', 'Starttid måste fyllas i.'], ['Title is required.', 'Start is required.']],
    [
      { title: 'Pilot', start: '2027-03-28T02:30' },
      ['2027-03-28 02:30 finns inte i Europe/Stockholm: klockan hoppar fram över den tiden (övergången till sommartid). Välj en tid före eller efter glappet.'],
      [
        '2027-03-28 02:30 does not exist in Europe/Stockholm: the clocks jump forward over it (daylight saving time gap). Choose a time before or after the gap.',
      ],
    ],
    [
      { title: 'Pilot', start: '2027-10-31T02:30' },
      [
        '2027-10-31 02:30 inträffar två gånger i Europe/Stockholm eftersom klockan ställs tillbaka (när sommartiden slutar). Ange också avvikelsen från UTC: +02:00 (den första) eller +01:00 (den andra).',
      ],
      [
        '2027-10-31 02:30 happens twice in Europe/Stockholm because the clocks go back (end of daylight saving time). Give the UTC offset too: +02:00 (first) or +01:00 (second).',
      ],
    ],
    [
      { title: 'Pilot', start: '2027-10-31T02:30', offset: '+05:00' },
      ['2027-10-31 02:30 i Europe/Stockholm har avvikelsen +02:00 eller +01:00 från UTC, inte +05:00.'],
      ['2027-10-31 02:30 in Europe/Stockholm has the UTC offset +02:00 or +01:00, not +05:00.'],
    ],
    [
      { title: 'Pilot', start: '2027-02-30T10:00' },
      ['2027-02-30 10:00 är inget datum och klockslag som finns i kalendern.'],
      ['2027-02-30 10:00 is not a date and time that exists on the calendar.'],
    ],
    [
      { title: 'Pilot', start: '2300-01-01T10:00' },
      ['Starten måste vara ett datum från 2000-01-01 till 2100-12-31; 2300-01-01 ligger utanför det spannet.'],
      ['The start must be a date from 2000-01-01 to 2100-12-31; 2300-01-01 is outside that range.'],
    ],
    [
      { title: 'Pilot', start: '2027-05-06T15:00', slug: 'Pilot Två', durationMinutes: 'en timme', capacity: '0', joinUrl: 'http://zoom.example' },
      [
        'Adress (slug) får bara innehålla små bokstäver, siffror och enstaka bindestreck.',
        'Längd (minuter) måste vara ett heltal.',
        'Antal platser måste vara mellan 1 och 100000.',
        'Anslutningslänk måste vara en fullständig adress som börjar med https://.',
      ],
      [
        'Slug may contain only lower-case letters, digits and single hyphens.',
        'Duration (minutes) must be a whole number.',
        'Capacity must be between 1 and 100000.',
        'Join link must be a full https:// address.',
      ],
    ],
    [
      { title: 'Pilot', start: '2027-05-06T15:00', areaSlug: 'ingenstans' },
      ['Det finns inget kunskapsområde ”ingenstans”.'],
      ['There is no knowledge area "ingenstans".'],
    ],
    [{ title: 'Pilot', start: '2027-05-06T15:00', role_ingen: 'speaker' }, ['Det finns ingen talare ”ingen”.'], ['There is no speaker "ingen".']],
    [
      { title: 'Pilot', start: '2027-05-06T15:00', slug: UPCOMING },
      [`Adressen ”${UPCOMING}” används redan av ett annat webbinarium.`],
      [`The slug "${UPCOMING}" is already used by another webinar.`],
    ],
  ])('says what to fix in %j', async (fields, swedish, english) => {
    const ctx = await workspace();
    const refused = await create(ctx, 'sv', fields);
    expect([409, 422]).toContain(refused.status);
    expect(refused.html).toContain('<html lang="sv"');
    expect(summary(refused.html)).toEqual(swedish);
    expect(leftoverEnglish(refused.html, 'webinarRules.')).toEqual([]);
    expect(leftoverEnglish(refused.html, 'forms.')).toEqual([]);
    expect(summary((await create(ctx, 'en', fields)).html)).toEqual(english);
  });
});

describe('refusals of the workspace and of what does not exist, in Swedish', () => {
  it('answers a form without a session, from another site or with an old token in Swedish', async () => {
    const ctx = await workspace();
    const path = `/admin/webinars/${PAST}/notify-materials`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cases: Array<[init: RequestInit, status: number, swedish: string, english: string]> = [
      [
        { method: 'POST', body: '', headers: { ...form, origin: TEST_BASE_URL } },
        401,
        'Du är inte inloggad, eller så har din session gått ut. Logga in och skicka formuläret igen.',
        'You are not signed in, or your session has ended. Sign in and send the form again.',
      ],
      [
        { method: 'POST', body: `_csrf=${ctx.session.csrf}`, headers: ctx.session.headers({ ...form, origin: 'https://evil.example' }) },
        403,
        'Formuläret skickades från en annan webbplats och togs därför inte emot. Öppna sidan på den här webbplatsen och skicka det igen.',
        'This form was sent from another site, so it was refused. Open the page on this site and send it again.',
      ],
      [
        { method: 'POST', body: '_csrf=old', headers: ctx.session.headers({ ...form, origin: TEST_BASE_URL }) },
        403,
        'Formuläret har gått ut eller skickades inte från arbetsytan. Ladda om sidan och skicka det igen.',
        'This form has expired or was not sent from the workspace. Reload the page and send it again.',
      ],
    ];
    for (const [init, status, swedish, english] of cases) {
      const inLanguage = (language: string) =>
        ctx.app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), 'accept-language': language } });
      const refused = await inLanguage('sv');
      expect(refused.status).toBe(status);
      const html = await refused.text();
      expect(textOf(one(parse(html), 'p.lead'))).toBe(swedish);
      expectSwedish(html);
      expect(textOf(one(parse(await (await inLanguage('en')).text()), 'p.lead'))).toBe(english);
    }
  });

  it('says in Swedish that a webinar, a speaker, a material or a speaker link does not exist', async () => {
    const ctx = await workspace();
    const cases: Array<[path: string, swedish: string, english: string]> = [
      ['/admin/webinars/finns-inte', 'Det finns inget webbinarium som heter ”finns-inte”.', 'There is no webinar called "finns-inte".'],
      ['/admin/speakers/ingen', 'Det finns ingen talare som heter ”ingen”.', 'There is no speaker called "ingen".'],
      ['/webinars/finns-inte', 'Det finns inget webbinarium som heter ”finns-inte”.', 'There is no webinar called "finns-inte".'],
      ['/areas/ingenstans', 'Det finns inget kunskapsområde som heter ”ingenstans”.', 'There is no knowledge area called "ingenstans".'],
      ['/materials/999/bilder.pdf', 'Filen finns inte. Den kan ha tagits bort.', 'There is no such file. It may have been removed.'],
      [
        '/speaker/not-a-token',
        'Den här talarlänken fungerar inte: den kan ha bytts ut eller dragits tillbaka. Be programmets koordinatorer om en ny.',
        'This speaker link does not work: it may have been replaced or withdrawn. Ask the programme coordinators for a new one.',
      ],
    ];
    for (const [path, swedish, english] of cases) {
      const missing = await page(ctx, path, 'sv');
      expect(missing.status).toBe(404);
      expect(textOf(one(parse(missing.html), 'p.lead'))).toBe(swedish);
      expectSwedish(missing.html);
      expect(textOf(one(parse((await page(ctx, path, 'en')).html), 'p.lead'))).toBe(english);
    }
    const material = await post(ctx, `/admin/webinars/${PAST}/materials/999/delete`, ctx.session.form({}, headers(ctx, 'sv')));
    expect(material.status).toBe(404);
    expect(textOf(one(parse(material.html), 'p.lead'))).toBe(
      'Det finns inget material nummer 999 till ”Riskkapital i storföretag: lärdomar från Silicon Valley”.',
    );
  });

  it('keeps the JSON API in English for a client that asks for Swedish', async () => {
    const ctx = await workspace();
    const token = await createApiToken(ctx.db, ctx.clock, ctx.session.coordinatorId, 'skript');
    const withToken = (path: string, method: string, body: unknown) =>
      ctx.app.request(path, {
        method,
        body: JSON.stringify(body),
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'sv', 'content-type': 'application/json' },
      });
    const notFound = await withToken('/api/webinars/finns-inte/materials', 'POST', { kind: 'link', title: 'x', url: 'https://example.org' });
    expect([notFound.status, await notFound.json()]).toEqual([404, { error: 'There is no webinar called "finns-inte".' }]);
    const refused = await withToken(`/api/webinars/${PAST}/materials`, 'POST', { kind: 'slides', title: '' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { fields: unknown }).fields).toEqual({
      title: 'Title is required.',
      url: 'Give the address (https://…) of the material, or choose a file to upload.',
    });
    const webinar = await withToken('/api/webinars', 'POST', { title: 'T', start: '2027-03-28T02:30', timezone: 'Europe/Stockholm', durationMinutes: 60 });
    expect(((await webinar.json()) as { fields: { start: string } }).fields.start).toMatch(/^2027-03-28 02:30 does not exist in Europe\/Stockholm/);
  });
});
