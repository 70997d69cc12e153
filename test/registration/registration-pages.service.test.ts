import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { personalPage } from '../../src/registration/registration-pages.service.js';
import { getAttendeeByToken } from '../../src/registration/registration.service.js';
import { all, one, parse, textOf } from '../helpers/dom.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';

/** The same database, counting every query that goes through it. */
function counting(db: Db) {
  let queries = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), queries: () => queries };
}

async function register(ctx: Ctx, slug: string, email: string): Promise<string> {
  const res = await ctx.app.request(`/api/webinars/${slug}/registrations`, json({ ...VISITOR, email }, { 'x-test': email }));
  return ((await res.json()) as { personalUrl: string }).personalUrl.split('/').pop()!;
}

/** One seat in each of two webinars: `first` takes both, `second` waits for one, `third` for both. */
async function twoFullWebinars() {
  const ctx = await buildTestApp();
  await ctx.db.updateTable('webinar').set({ capacity: 1 }).where('slug', 'in', [SLUG, OTHER]).execute();
  const first = await register(ctx, SLUG, 'first@example.org');
  await ctx.app.request(`/my/${first}/register/${OTHER}`, form({}));
  const second = await register(ctx, SLUG, 'second@example.org');
  const third = await register(ctx, SLUG, 'third@example.org');
  await ctx.app.request(`/my/${third}/register/${OTHER}`, form({}));
  return { ctx, second, third };
}

describe('the personal page’s data', () => {
  it('costs the same number of queries whatever the number of waiting registrations', async () => {
    const { ctx, second, third } = await twoFullWebinars();
    const queriesFor = async (token: string) => {
      const { db, queries } = counting(ctx.db);
      const attendee = await getAttendeeByToken(ctx.db, token);
      const page = await personalPage({ db, clock: ctx.clock, baseUrl: TEST_BASE_URL }, attendee);
      return { page, queries: queries() };
    };
    const one = await queriesFor(second);
    const two = await queriesFor(third);
    expect(one.page.registrations.filter((r) => r.status === 'waitlisted')).toHaveLength(1);
    expect(two.page.registrations.filter((r) => r.status === 'waitlisted')).toHaveLength(2);
    expect(two.queries).toBe(one.queries);
  });

  it('gives each waiting registration its place in its own webinar’s queue', async () => {
    const { ctx, third } = await twoFullWebinars();
    const attendee = await getAttendeeByToken(ctx.db, third);
    const page = await personalPage({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL }, attendee);
    const placeOf = (slug: string) => page.waitlistPlaces.get(page.registrations.find((r) => r.webinar.slug === slug)!.id);
    expect({ [SLUG]: placeOf(SLUG), [OTHER]: placeOf(OTHER) }).toEqual({ [SLUG]: 2, [OTHER]: 1 });

    const cards = all(parse(await (await ctx.app.request(`/my/${third}`)).text()), 'li.card');
    const tags = cards.map((card) => [one(card, 'h3 a').getAttribute('href'), textOf(one(card, '.tag'))]);
    expect(tags).toEqual([
      [`/webinars/${SLUG}`, 'Waiting list, place 2'],
      [`/webinars/${OTHER}`, 'Waiting list, place 1'],
    ]);
  });

  it('thanks for the webinars just registered for, and ignores an unknown ?done=', async () => {
    const { ctx, third } = await twoFullWebinars();
    const attendee = await getAttendeeByToken(ctx.db, third);
    const deps = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL };
    const welcome = await personalPage(deps, attendee, { registered: [OTHER], done: 'zone' });
    expect(welcome.notice?.kind === 'welcome' && welcome.notice.registrations.map((r) => r.webinar.slug)).toEqual([OTHER]);
    expect((await personalPage(deps, attendee, { done: 'zone' })).notice).toEqual({ kind: 'done', action: 'zone' });
    expect((await personalPage(deps, attendee, { done: 'hacked' })).notice).toBeUndefined();
    expect((await personalPage(deps, attendee)).feedUrl).toBe(`${TEST_BASE_URL}/my/${third}/calendar.ics`);
  });
});
