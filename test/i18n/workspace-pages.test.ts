// The coordinators' workspace pages in Swedish: every page's words, with every time exactly as on
// the English page and no English catalogue text of the workspace's pages left.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { assessTime, type SchedulingSpeaker } from '../../src/admin/scheduling-assistant.js';
import { withLanguage } from '../../src/i18n/current-language.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { signInAsCoordinator } from '../helpers/admin-session.js';
import { json, VISITOR } from '../helpers/forms.js';
import { one, parse, textOf, texts } from '../helpers/dom.js';
import { buildTestApp, datetimes, TEST_BASE_URL } from '../helpers/test-app.js';
import { formValuesFromWebinar } from '../../src/admin/webinar-form-input.js';
import { ALL_STATUSES, getWebinarBySlug } from '../../src/programme/programme.service.js';
import { leftoverEnglish } from './leftover-english.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

/** A hub in both languages, with a coordinator signed in and two people registered for one webinar. */
async function workspace() {
  const ctx = await buildTestApp({ languages: ['en', 'sv'], registrationRateLimit: { max: 1000, windowMinutes: 10 } });
  const session = await signInAsCoordinator(ctx, { email: 'anna@example.se', name: 'Anna' });
  // The programme's title is the coordinators' content, shown as written: a Swedish one here, so
  // that its English words ("large companies") are not taken for the pages' own.
  await ctx.db.updateTable('programme').set({ title: 'Innovationssamarbete mellan små och stora företag' }).execute();
  // Likewise a speaker's title and biography and an area's description ("of the" is also a stretch of the assistant's "{night}
  // of the {total} audience zones").
  await ctx.db
    .updateTable('speaker')
    .set({ title: 'Chef för innovationskontoret i New York' })
    .where('title', '=', 'Head of the New York innovation outpost')
    .execute();
  await ctx.db
    .updateTable('speaker')
    .set({ bio: 'Anna forskar om hur stora företag organiserar samarbeten med startups och modererar webbinarieserien.' })
    .where('slug', '=', 'anna-lindqvist')
    .execute();
  await ctx.db
    .updateTable('knowledge_area')
    .set({ description: 'Hur stora företag och startups bygger samarbeten som båda parter kan leva med.' })
    .where('description', 'like', '%large companies%')
    .execute();
  const slug = 'pilots-with-startups-norway';
  for (const [email, organisationType] of [
    ['erik@volvo.example', 'large-company'],
    ['wang@example.cn', 'startup'],
  ] as const) {
    const res = await ctx.app.request(`/api/webinars/${slug}/registrations`, json({ ...VISITOR, email, organisationType }, { 'x-test': email }));
    expect(res.status).toBe(201);
  }
  return { ctx, session, slug };
}

/** The page in English and in Swedish, both answered 200. */
async function bothLanguages(ctx: Ctx, session: Awaited<ReturnType<typeof signInAsCoordinator>>, path: string) {
  const english = await ctx.app.request(path, { headers: session.headers({ 'accept-language': 'en' }) });
  const swedish = await ctx.app.request(path, { headers: session.headers({ 'accept-language': 'sv' }) });
  expect(english.status).toBe(200);
  expect(swedish.status).toBe(200);
  return { english: await english.text(), swedish: await swedish.text() };
}

/** The page without a webinar's materials panel, which the materials feature translates (views/materials). */
function withoutMaterials(html: string): string {
  const { document } = parseHTML(html);
  document.querySelector('main div.admin-section')?.remove();
  return document.toString();
}

function expectSwedish(english: string, swedish: string) {
  expect(swedish).toContain('<html lang="sv"');
  expect(datetimes(swedish)).toEqual(datetimes(english));
  expect(leftoverEnglish(withoutMaterials(swedish), 'workspacePages.')).toEqual([]);
}

describe('the workspace pages in Swedish', () => {
  it('shows the dashboard, its sentences and its charts in Swedish', async () => {
    const { ctx, session } = await workspace();
    const { english, swedish } = await bothLanguages(ctx, session, '/admin');
    expectSwedish(english, swedish);
    expect(parse(swedish).querySelector('h1')?.textContent).toBe('Översikt');
    expect(swedish).toContain(
      '2 bekräftade anmälningar från 2 personer: 1 från ett stort företag och 1 från en startup eller ett litet företag; inga från universitet eller forskningsinstitut, offentlig sektor eller andra sorters organisationer. Tider och dagar visas för Europe/Stockholm.',
    );
    expect(swedish).toContain('<title id="types-title">Bekräftade anmälningar per typ av organisation</title>');
    expect(swedish).toContain('2 bekräftade anmälningar, alla den 1 feb. 2027');
    expect(english).toContain('2 confirmed registrations, all on 1 Feb 2027');
  });

  it('shows the webinars, the new and the edit form, and the webinar’s page in Swedish', async () => {
    const { ctx, session, slug } = await workspace();
    const list = await bothLanguages(ctx, session, '/admin/webinars');
    expectSwedish(list.english, list.swedish);
    expect(texts(parse(list.swedish), 'thead th')).toEqual(['Webbinarium', 'Börjar (Europe/Stockholm)', 'Status', 'Platser', 'Åtgärder']);
    expect(list.swedish).toContain('data-label="Börjar"');

    const created = await bothLanguages(ctx, session, '/admin/new-webinar');
    expectSwedish(created.english, created.swedish);
    expect(textOf(one(parse(created.swedish), 'h1'))).toBe('Nytt webbinarium');
    expect(created.swedish).toContain('Kontrollera tiden med talarna');
    expect(created.swedish).toContain('Skapa webbinariet');

    const edit = await bothLanguages(ctx, session, `/admin/webinars/${slug}?done=saved`);
    expectSwedish(edit.english, edit.swedish);
    expect(edit.swedish).toContain('<title>Redigera: ');
    expect(edit.swedish).toContain('Sparat. Kalendrar och inkorgar uppdateras där ändringen berör dem.');
    expect(edit.swedish).toContain('<option value="moderator">Moderator</option>');
    expect(edit.swedish).toContain('Inte med i det här webbinariet');
    expect(edit.swedish).toContain('Ställ in webbinariet…');
  });

  it('asks before moving or cancelling a webinar in Swedish, with the same times', async () => {
    const { ctx, session, slug } = await workspace();
    const cancel = await bothLanguages(ctx, session, `/admin/webinars/${slug}/cancel`);
    expectSwedish(cancel.english, cancel.swedish);
    expect(textOf(one(parse(cancel.swedish), 'h1'))).toMatch(/^Ställa in ”.+”\?$/);
    expect(textOf(one(parse(cancel.swedish), '.confirm-audience'))).toBe(
      '2 bekräftade deltagare, 0 personer på väntelistan och 0 talare får ett mejl om att webbinariet är inställt.',
    );
    expect(textOf(one(parse(cancel.swedish), '.confirm-actions button'))).toBe('Ställ in webbinariet och mejla 2 personer');

    const values = formValuesFromWebinar(await getWebinarBySlug(ctx.db, slug, ALL_STATUSES)) as Record<string, string>;
    const moved = { ...values, start: '2027-02-18T16:30', intent: 'save' };
    const [english, swedish] = await Promise.all(
      ['en', 'sv'].map(async (language) => {
        const res = await ctx.app.request(`/admin/webinars/${slug}`, session.form(moved, { origin: TEST_BASE_URL, 'accept-language': language }));
        expect(res.status).toBe(200);
        return res.text();
      }),
    );
    expectSwedish(english!, swedish!);
    expect(texts(parse(swedish!), '.confirm-times dt')).toEqual(['Nu', 'Ny tid']);
    expect(textOf(one(parse(swedish!), '.confirm-audience'))).toBe('2 bekräftade deltagare och 0 talare får en uppdaterad inbjudan via mejl.');
  });

  it('writes the scheduling assistant’s warnings and notes in Swedish, with Swedish day names', () => {
    const start = (local: string) => {
      const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm' });
      if (!resolved.ok) throw new Error(resolved.error.message);
      return resolved.instant;
    };
    const wei: SchedulingSpeaker = { id: 1, name: 'Wei Chen', city: 'Shanghai', zone: 'Asia/Shanghai' };
    const dana: SchedulingSpeaker = { id: 3, name: 'Dana Brooks', city: 'New York', zone: 'America/New_York' };
    const assess = (local: string, speakers: SchedulingSpeaker[]) =>
      withLanguage('sv', () =>
        assessTime({ start: start(local), durationMinutes: 60, programmeZone: 'Europe/Stockholm', speakers, others: [], techCheckMinutes: 30 }),
      );
    const march = assess('2027-03-18T15:00', [wei]);
    expect(march.speakerTimes[0]?.warnings).toEqual(['börjar 22:00 i Shanghai, efter 20:00', 'teknikkontroll 21:30 i Shanghai, efter 20:00']);
    expect(march.offsetNotes).toEqual(['Shanghai har ingen sommartid och Stockholm har vintertid: 7 timmar före Stockholm den här veckan, inte 6.']);
    expect(assess('2027-11-02T15:00', [dana]).offsetNotes).toEqual([
      'Stockholm har redan gått över till vintertid men inte New York: New York ligger 5 timmar efter Stockholm fram till sön 7 nov., inte 6.',
    ]);
    const saturday = assess('2027-11-19T20:00', [wei]);
    expect(saturday.speakerTimes[0]?.warnings).toContain('infaller på en lördag i Shanghai, en helgdag (fredag i Stockholm)');
    const sentences = [march, saturday].flatMap((result) => [...result.offsetNotes, ...result.warnings, ...result.speakerTimes.flatMap((s) => s.warnings)]);
    expect(leftoverEnglish(`<body>${sentences.join('\n')}</body>`, 'workspacePages.')).toEqual([]);
  });

  it('shows a webinar’s registrations, the cancel step and the CSV in Swedish', async () => {
    const { ctx, session, slug } = await workspace();
    await ctx.db.updateTable('webinar').set({ capacity: 2 }).where('slug', '=', slug).execute();
    const waiting = await ctx.app.request(
      `/api/webinars/${slug}/registrations`,
      json({ ...VISITOR, email: 'maria@research.example', organisationType: 'academia' }, { 'x-test': 'maria' }),
    );
    expect(waiting.status).toBe(201);
    const page = await bothLanguages(ctx, session, `/admin/webinars/${slug}/registrations?done=promoted`);
    expectSwedish(page.english, page.swedish);
    const doc = parse(page.swedish);
    expect(textOf(one(doc, 'h1'))).toMatch(/^Anmälningar: /);
    expect(page.swedish).toContain('2 av 2 platser tagna');
    expect(page.swedish).toContain('1 väntar');
    expect(page.swedish).toContain('Uppflyttad: anmälan är bekräftad och en kalenderinbjudan har mejlats.');
    expect(texts(doc, '.waiting-list strong')).toEqual(['Plats 1']);
    expect(texts(doc, 'table.reflow thead th')).toEqual(['Namn', 'Organisation', 'Tidszon', 'Status', 'Anmäld', 'Fråga', 'Ändra']);
    expect(page.swedish).toContain('Väntelista, plats 1');
    const refused = await ctx.app.request(`/admin/webinars/${slug}/registrations?type=bank`, { headers: session.headers({ 'accept-language': 'sv' }) });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('Filtret kunde inte användas');
    expect(refusedPage).toContain('Typ av organisation måste vara');
    expect(leftoverEnglish(refusedPage, 'workspacePages.')).toEqual([]);

    const id = (await ctx.db.selectFrom('registration').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const cancel = await bothLanguages(ctx, session, `/admin/registrations/${id}/cancel`);
    expectSwedish(cancel.english, cancel.swedish);
    expect(textOf(one(parse(cancel.swedish), 'h1'))).toMatch(/^Avboka anmälan för .+\?$/);
    expect(cancel.swedish).toContain('Platsen går till den första på väntelistan, som också får ett mejl.');

    const csv = async (language: string) =>
      (await ctx.app.request(`/admin/webinars/${slug}/registrations.csv`, { headers: session.headers({ 'accept-language': language }) })).text();
    const [english, swedish] = [await csv('en'), await csv('sv')];
    expect(english.split('\r\n')[0]).toBe(
      "Name,Email,Organisation,Organisation type,Attendee's time zone,Status,Waiting-list place,Registered at (Europe/Stockholm),UTC offset,Registered at (UTC),Question",
    );
    expect(swedish.split('\r\n')[0]).toBe(
      'Namn,E-post,Organisation,Typ av organisation,Deltagarens tidszon,Status,Plats på väntelistan,Anmäld (Europe/Stockholm),Avvikelse från UTC,Anmäld (UTC),Fråga',
    );
    expect(swedish).toContain(',Stort företag,');
    expect(swedish).toContain(',Väntelista,1,');
  });

  it('shows the speakers and the knowledge areas, their forms and flash messages in Swedish', async () => {
    const { ctx, session } = await workspace();
    const list = await bothLanguages(ctx, session, '/admin/speakers');
    expectSwedish(list.english, list.swedish);
    expect(texts(parse(list.swedish), 'thead th')).toEqual(['Namn', 'Var', 'Tidszon']);
    const created = await bothLanguages(ctx, session, '/admin/new-speaker');
    expectSwedish(created.english, created.swedish);
    expect(textOf(one(parse(created.swedish), 'h1'))).toBe('Ny talare');
    const edit = await bothLanguages(ctx, session, '/admin/speakers/anna-lindqvist?done=photo-removed');
    expectSwedish(edit.english, edit.swedish);
    expect(edit.swedish).toContain('Fotot är borttaget; de publika sidorna visar talarens initialer.');
    expect(edit.swedish).toContain('Ladda upp fotot');

    const areas = await bothLanguages(ctx, session, '/admin/areas?done=created');
    expectSwedish(areas.english, areas.swedish);
    expect(textOf(one(parse(areas.swedish), 'h1'))).toBe('Kunskapsområden');
    expect(areas.swedish).toContain('Skapat.');
    const area = (await ctx.db.selectFrom('knowledge_area').select('slug').orderBy('position').executeTakeFirstOrThrow()).slug;
    const areaEdit = await bothLanguages(ctx, session, `/admin/areas/${area}`);
    expectSwedish(areaEdit.english, areaEdit.swedish);
    expect(textOf(one(parse(areaEdit.swedish), 'h1'))).toBe('Redigera området');
  });

  it('shows the programme settings and the outbox in Swedish', async () => {
    const { ctx, session } = await workspace();
    const settings = await bothLanguages(ctx, session, '/admin/programme?done=saved');
    expectSwedish(settings.english, settings.swedish);
    expect(textOf(one(parse(settings.swedish), 'h1'))).toBe('Programinställningar');
    expect(settings.swedish).toContain('Publikens tidszoner');
    expect(settings.swedish).toContain('Sparat.');

    const outbox = await bothLanguages(ctx, session, '/admin/outbox?done=retried');
    expectSwedish(outbox.english, outbox.swedish);
    const doc = parse(outbox.swedish);
    expect(textOf(one(doc, 'h1'))).toBe('Utkorg');
    expect(texts(doc, 'nav.actions a')).toEqual(
      expect.arrayContaining(['Alla', expect.stringMatching(/^Väntar \(\d+\)$/), expect.stringMatching(/^Vilande \(\d+\)$/)]),
    );
    expect(outbox.swedish).toContain('Meddelandet skickas igen nästa gång utkorgen körs.');
    expect(texts(doc, 'table.reflow thead th').slice(0, 3)).toEqual(['Meddelande', 'Till', 'Status']);
    const held = await bothLanguages(ctx, session, '/admin/outbox?status=sent');
    expect(held.swedish).toContain('Inga meddelanden med status ”Skickat”.');
  });

  it('shows the API tokens and the coordinators, with a new token and a new invitation, in Swedish', async () => {
    const { ctx, session } = await workspace();
    const tokens = await bothLanguages(ctx, session, '/admin/tokens');
    expectSwedish(tokens.english, tokens.swedish);
    expect(textOf(one(parse(tokens.swedish), 'h1'))).toBe('API-nycklar');
    expect(tokens.swedish).toContain('Inga API-nycklar ännu.');
    const post = (path: string, fields: Record<string, string>, language: string) =>
      ctx.app.request(path, session.form(fields, { origin: TEST_BASE_URL, 'accept-language': language }));
    const created = await post('/admin/tokens', { name: 'Exportskript' }, 'sv');
    expect(created.status).toBe(200);
    const withToken = await created.text();
    expect(withToken).toContain('API-nyckeln ”Exportskript” är skapad.');
    expect(leftoverEnglish(withToken, 'workspacePages.')).toEqual([]);
    const listed = await bothLanguages(ctx, session, '/admin/tokens');
    expectSwedish(listed.english, listed.swedish);
    expect(texts(parse(listed.swedish), 'thead th')).toEqual(['Namn', 'Skapad av', 'Skapad', 'Senast använd', 'Status']);
    expect(listed.swedish).toContain('<span class="muted">aldrig</span>');
    expect(listed.english).toContain('<span class="muted">never</span>');

    const coordinators = await bothLanguages(ctx, session, '/admin/coordinators');
    expectSwedish(coordinators.english, coordinators.swedish);
    expect(textOf(one(parse(coordinators.swedish), 'h1'))).toBe('Koordinatorer');
    const invited = await post('/admin/coordinators/invite', { email: 'bo@example.se' }, 'sv');
    expect(invited.status).toBe(200);
    const withInvite = await invited.text();
    expect(withInvite).toContain('Inbjudan är skapad för bo@example.se. Skicka länken nedan till hen.');
    expect(withInvite).toContain('Länken fungerar en gång, i 7 dagar.');
    expect(leftoverEnglish(withInvite, 'workspacePages.')).toEqual([]);
    const pending = await bothLanguages(ctx, session, '/admin/coordinators');
    expectSwedish(pending.english, pending.swedish);
    expect(texts(parse(pending.swedish), 'thead th')).toContain('Giltig till');
  });
});
