// The public pages in Swedish: <html lang="sv">, Swedish words, no English left from the public
// catalogue, and every instant exactly where the English page has it.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoMaterials } from '../../src/materials/demo-materials.js';
import { addMaterial } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { parseHTML } from 'linkedom';
import { all, parse } from '../helpers/dom.js';
import { TEST_BASE_URL, buildTestApp, datetimes } from '../helpers/test-app.js';
import { leftoverEnglish, readableText } from './leftover-english.js';

type App = Awaited<ReturnType<typeof buildTestApp>>['app'];

/** The same page for a visitor in Shanghai who reads English, and for one who reads Swedish. */
async function inBothLanguages(app: App, path: string) {
  const get = async (language: string) => {
    const res = await app.request(path, { headers: { 'accept-language': language, cookie: 'hub_tz=Asia%2FShanghai' } });
    return { status: res.status, html: await res.text() };
  };
  return { en: await get('en-GB,en;q=0.9'), sv: await get('sv-SE,sv;q=0.9') };
}

const langOf = (html: string) => /<html lang="([^"]*)"/.exec(html)?.[1];

/**
 * The page without the registration form's fields, whose words the registration messages own (and
 * check): its heading, seat line and button are this area's and stay in.
 */
function withoutRegistrationFields(html: string): string {
  const { document } = parseHTML(html);
  for (const field of document.querySelectorAll('#register .field, #register fieldset')) field.remove();
  return document.toString();
}

describe('the public pages in Swedish', () => {
  let app: App;
  beforeAll(async () => {
    const built = await buildTestApp({ languages: ['en', 'sv'] });
    app = built.app;
    const deps = { db: built.db, clock: built.clock, baseUrl: TEST_BASE_URL };
    await seedDemoMaterials(deps);
    for (const input of [
      { kind: 'recording', title: 'CVC recording', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      { kind: 'recording', title: 'China recording', url: 'https://media.example.org/china.mp4' },
    ]) {
      const validated = validateMaterial(input);
      if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
      await addMaterial(deps, input.title.startsWith('CVC') ? 'corporate-venture-capital-silicon-valley' : 'open-innovation-platforms-china', validated.value);
    }
  });

  // Each page, a few of the Swedish words it must show, and its status (the same in both languages).
  const pages: Array<[path: string, status: number, swedish: string[]]> = [
    [
      '/',
      200,
      ['Kommande webbinarier', 'Tidigare webbinarier', 'Kunskapsområden', 'Nästa webbinarium', 'Prenumerera i din kalenderapp', 'Anmäl dig till serien'],
    ],
    [
      '/webinars/pilots-with-startups-norway',
      200,
      ['Vad är klockan var?', 'Vem och var', 'Börjar', 'Talare', 'lokal tid', 'Lägg till i kalendern', 'Anmäl dig', '← Program', 'Du'],
    ],
    ['/webinars/corporate-venture-capital-silicon-valley', 200, ['Inspelning och bilder', 'Se ”CVC recording” på YouTube', 'Bilder: ']],
    ['/webinars?when=past', 200, ['Tidigare webbinarier', '2 webbinarier, det senaste först.', 'Kommande webbinarier →']],
    ['/recordings', 200, ['Inspelningar och bilder', 'Sök bland inspelningarna', 'Alla områden', 'Öppna videofilen ”China recording”']],
    ['/recordings?q=china', 200, ['1 av 2 webbinarier matchar ”china”', 'Rensa sökningen']],
    ['/recordings?q=zzzz', 200, ['Inga webbinarier matchar ”zzzz”', 'rensa sökningen', 'för att se alla 2 webbinarier.']],
    ['/recordings?area=nope', 400, ['Fel: Inspelningar och bilder', 'Sökningen kunde inte genomföras', 'Det finns inget kunskapsområde ”nope”']],
    ['/areas/partnership-models', 200, ['Kunskapsområde', 'Kommande', 'Tidigare', 'Få webbinarierna om partnership models i din kalender']],
    ['/timezone', 200, ['Visa tiderna i din tidszon', 'Tiderna visas nu för', 'Programmets tidszoner', 'Alla tidszoner', 'Ditt val']],
    ['/timezone?q=Beijing', 200, ['En tidszon matchar ”Beijing”', ' · nu ']],
    ['/?tz=Springfield', 400, ['Vilken tidszon menade du?', '”Springfield” är ingen plats eller tidszon som vi känner till', 'Ingen tidszon matchar']],
    ['/?tz=GMT%2B8', 400, ['Vilken tidszon menade du?', '”GMT+8” är inte en enda tidszon', 'tidszoner matchar ”GMT+8”', ' · nu ']],
    ['/speakers/chen-jing', 200, ['Webbinarier', 'lokal tidszon Asia/Shanghai', 'Talare', 'Programmet']],
    ['/no-such-page', 404, ['Sidan finns inte', 'Det finns ingen sida på den här adressen.', 'Gå till programmet', 'Fel 404']],
    // A service's own message stays as it came; the page's words around it are Swedish.
    ['/webinars/no-such-webinar', 404, ['Hittades inte', 'Gå till programmet']],
    ['/webinars?when=upcoming&page=9', 404, ['Hittades inte', 'Det finns 1 sida med kommande webbinarier.']],
  ];

  for (const [path, status, swedish] of pages) {
    it(`answers ${path} in Swedish with the English page's instants`, async () => {
      const { en, sv } = await inBothLanguages(app, path);
      expect([en.status, sv.status]).toEqual([status, status]);
      expect([langOf(en.html), langOf(sv.html)]).toEqual(['en', 'sv']);
      const text = readableText(sv.html);
      for (const words of swedish) expect(text, words).toContain(words);
      expect(leftoverEnglish(withoutRegistrationFields(sv.html), 'public.')).toEqual([]);
      expect(datetimes(sv.html)).toEqual(datetimes(en.html));
    });
  }

  it('answers the JSON API’s errors in English whatever the language, as its clients expect', async () => {
    const res = await app.request('/no-such-page', { headers: { 'accept-language': 'sv', accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'There is no page at this address. The programme lists every webinar.' });
  });

  it('finds the English words on the English pages (the check is not empty by construction)', async () => {
    const { en } = await inBothLanguages(app, '/webinars/pilots-with-startups-norway');
    expect(leftoverEnglish(en.html, 'public.')).toEqual(expect.arrayContaining(['When is it where?', 'Who and where', 'local time']));
  });

  it('labels the world clock’s cells in Swedish on a phone, and the programme’s row by its city', async () => {
    const { sv } = await inBothLanguages(app, '/webinars/pilots-with-startups-norway');
    const document = parse(sv.html);
    expect(all(document, 'td[data-label]').map((cell) => cell.getAttribute('data-label'))).toContain('Börjar');
    expect(readableText(sv.html)).toContain('Programmet (Stockholm)');
  });
});
