// The coordinators' workspace pages in Swedish: every page's words, with every time exactly as on
// the English page and no English catalogue text of the workspace's pages left.
import { describe, expect, it } from 'vitest';
import { signInAsCoordinator } from '../helpers/admin-session.js';
import { json, VISITOR } from '../helpers/forms.js';
import { parse } from '../helpers/dom.js';
import { buildTestApp, datetimes } from '../helpers/test-app.js';
import { leftoverEnglish } from './leftover-english.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

/** A hub in both languages, with a coordinator signed in and two people registered for one webinar. */
async function workspace() {
  const ctx = await buildTestApp({ languages: ['en', 'sv'], registrationRateLimit: { max: 1000, windowMinutes: 10 } });
  const session = await signInAsCoordinator(ctx, { email: 'anna@example.se', name: 'Anna' });
  // The programme's title is the coordinators' content, shown as written: a Swedish one here, so
  // that its English words ("large companies") are not taken for the pages' own.
  await ctx.db.updateTable('programme').set({ title: 'Innovationssamarbete mellan små och stora företag' }).execute();
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

function expectSwedish(english: string, swedish: string) {
  expect(swedish).toContain('<html lang="sv"');
  expect(datetimes(swedish)).toEqual(datetimes(english));
  expect(leftoverEnglish(swedish, 'workspacePages.')).toEqual([]);
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
});
