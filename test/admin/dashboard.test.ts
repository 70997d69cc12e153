import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cumulativeByDay } from '../../src/admin/dashboard.service.js';
import type { ProgrammeCounts } from '../../src/admin/registrations-admin.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { audienceSentence, timelineCaption } from '../../views/admin/dashboard/dashboard-sentences.js';
import { json, VISITOR } from '../helpers/forms.js';
import { buildRegistrationAdminApp } from '../helpers/registration-admin-app.js';

const SLUG = 'pilots-with-startups-norway';
const OTHER = 'partnership-models-new-york';

const setup = buildRegistrationAdminApp;
type Ctx = Awaited<ReturnType<typeof setup>>;

async function registerAt(ctx: Ctx, at: string, slug: string, who: { name: string; email: string; organisationType: string }) {
  ctx.clock.set(at);
  const token = await attendeeToken(ctx, who.email);
  // A new attendee registers through the API; a known one from their personal page, as only the
  // owner of an address can register it at once.
  const res = token
    ? await ctx.app.request(`/my/${token}/register/${slug}`, { method: 'POST' })
    : await ctx.app.request(`/api/webinars/${slug}/registrations`, json({ ...VISITOR, ...who }));
  expect(res.status).toBe(token ? 303 : 201);
  const registered = await ctx.db
    .selectFrom('registration')
    .innerJoin('attendee', 'attendee.id', 'registration.attendee_id')
    .innerJoin('webinar', 'webinar.id', 'registration.webinar_id')
    .select('registration.status')
    .where('attendee.email', '=', who.email)
    .where('webinar.slug', '=', slug)
    .executeTakeFirst();
  expect(registered?.status).toMatch(/^(confirmed|waitlisted)$/);
}

async function attendeeToken(ctx: Ctx, email: string): Promise<string | undefined> {
  return (await ctx.db.selectFrom('attendee').select('token').where('email', '=', email).executeTakeFirst())?.token;
}

const ERIK = { name: 'Erik Berg', email: 'erik@volvo.example', organisationType: 'large-company' };
const WANG = { name: 'Wang Fang', email: 'wang.fang@example.cn', organisationType: 'startup' };
const OLA = { name: 'Ola Nordmann', email: 'ola@energy.example', organisationType: 'large-company' };
const MARIA = { name: 'Maria Silva', email: 'maria@research.example', organisationType: 'academia' };
const TOM = { name: 'Tom Waits', email: 'tom@city.example', organisationType: 'public-sector' };

/**
 * Two days of registrations: Erik at both webinars (one person, two registrations), Tom on the
 * waiting list of the full Norway webinar.
 */
async function programmeWithRegistrations(ctx: Ctx) {
  await updateWebinar(ctx.db, ctx.clock, SLUG, { capacity: 3 });
  await registerAt(ctx, '2027-01-30T10:00:00Z', SLUG, ERIK);
  await registerAt(ctx, '2027-01-30T10:05:00Z', SLUG, WANG);
  await registerAt(ctx, '2027-02-01T09:00:00Z', OTHER, ERIK);
  await registerAt(ctx, '2027-02-01T09:10:00Z', OTHER, MARIA);
  await registerAt(ctx, '2027-02-01T09:20:00Z', SLUG, OLA);
  await registerAt(ctx, '2027-02-01T09:30:00Z', SLUG, TOM);
  ctx.clock.set('2027-02-01T12:00:00Z');
}

/** The cells of a webinar's row in the dashboard table, after the title cell. */
function rowCells(html: string, slug: string): string[] {
  const start = html.indexOf(`<a href="/admin/webinars/${slug}/registrations">`);
  const row = html.slice(start, html.indexOf('</tr>', start));
  return [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((match) => match[1]!);
}

describe('the dashboard', () => {
  it('shows seats, waiting list and organisation types per webinar, and the programme totals', async () => {
    const ctx = await setup();
    await programmeWithRegistrations(ctx);
    const res = await ctx.admin.request('/admin');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/admin" aria-current="page">Dashboard</a>');
    expect(html).toContain(
      '<p class="lead">5 confirmed registrations from 4 people: 2 from large companies, 1 from a small company or startup and 1 from a university or research institute; none from the public sector or other kinds of organisation. Times and days are shown for Europe/Stockholm.</p>',
    );
    // Confirmed / seats, waiting, then large company, startup, academia, public sector, other.
    expect(rowCells(html, SLUG)).toEqual(['3 / 3', '1', '2', '1', '0', '0', '0']);
    expect(rowCells(html, OTHER)).toEqual(['2 / 100', '0', '1', '0', '1', '0', '0']);
    expect(rowCells(html, 'open-innovation-platforms-china')).toEqual(['0 / 100', '0', '0', '0', '0', '0', '0']);
    expect(html.indexOf('open-innovation-platforms-china')).toBeGreaterThan(html.indexOf('<h2>Past webinars</h2>'));
    expect(html).toContain('<th scope="row">Large company</th><td>3</td><td>2</td>');
    expect(html).toContain('<th scope="row">All</th><td><strong>5</strong></td><td><strong>4</strong></td>');
  });

  it('draws confirmed registrations by organisation type as labelled, accessible SVG bars', async () => {
    const ctx = await setup();
    await programmeWithRegistrations(ctx);
    const html = await (await ctx.admin.request('/admin')).text();
    const svg = html.slice(html.indexOf('<svg viewBox="0 0 360 224"'), html.indexOf('</svg>', html.indexOf('types-title')));
    expect(svg).toContain('width="100%" role="img" aria-labelledby="types-title types-desc"');
    expect(svg).toContain('<title id="types-title">Confirmed registrations by organisation type</title>');
    expect(svg).toContain(
      '<desc id="types-desc">Confirmed registrations for the whole programme. Large company: 3; Small company or startup: 1; University or research institute: 1; Public sector: 0; Other: 0.</desc>',
    );
    expect([...svg.matchAll(/<text x="0" y="\d+" fill="#1c2430">([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      'Large company',
      'Small company or startup',
      'University or research institute',
      'Public sector',
      'Other',
    ]);
    expect([...svg.matchAll(/class="bar-value">(\d+)</g)].map((m) => m[1])).toEqual(['3', '1', '1', '0', '0']);
    // The longest bar fills the track; the others are in proportion, and a type nobody came from
    // has no bar at all, only its outlined empty track and its "0".
    expect([...svg.matchAll(/<rect x="0" y="\d+" width="([\d.]+)"/g)].map((m) => m[1])).toEqual(['316', '105.3', '105.3']);
    expect(
      [...svg.matchAll(/<rect x="0.5" y="([\d.]+)" width="315" height="15" rx="2" fill="#f4f6f9" stroke="#b8c1cc" class="bar-track">/g)].map((m) => m[1]),
    ).toEqual(['20.5', '64.5', '108.5', '152.5', '196.5']);
    // Every number stands at the right edge, a zero as plainly as a three.
    expect([...svg.matchAll(/<text x="360" y="\d+" text-anchor="end" fill="#1c2430" font-weight="600" class="bar-value">(\d+)</g)].map((m) => m[1])).toEqual([
      '3',
      '1',
      '1',
      '0',
      '0',
    ]);
    expect(html).not.toContain('<script>');
  });

  it('draws cumulative confirmed registrations per day, quiet days included, with the numbers in a table', async () => {
    const ctx = await setup();
    await programmeWithRegistrations(ctx);
    const html = await (await ctx.admin.request('/admin')).text();
    const svg = html.slice(html.indexOf('<svg viewBox="0 0 360 220"'), html.indexOf('</svg>', html.indexOf('timeline-title')));
    expect(svg).toContain('role="img" aria-labelledby="timeline-title timeline-desc"');
    expect(svg).toContain('<title id="timeline-title">Confirmed registrations over time</title>');
    const caption = '5 confirmed registrations by 1 Feb 2027, up from 2 on 30 Jan 2027, the first day with any: 3 more in 2 days.';
    expect(svg).toContain(`${caption}</desc>`);
    expect(html).toContain(`<figcaption class="small muted">${caption}</figcaption>`);
    expect([...svg.matchAll(/<rect [^>]+><title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual(['30 Jan 2027: 2', '31 Jan 2027: 2', '1 Feb 2027: 5']);
    // Axis: 0 and the round top (5), and the first and last day.
    expect([...svg.matchAll(/text-anchor="end" fill="#556070">(\d+)</g)].map((m) => m[1])).toEqual(['0', '5']);
    expect(svg).toContain('>30 Jan 2027</text>');
    expect(svg).toContain('>1 Feb 2027</text>');
    expect(html).toContain('<td><time datetime="2027-01-30">30 Jan 2027</time></td><td>2</td><td>2</td>');
    expect(html).toContain('<td><time datetime="2027-02-01">1 Feb 2027</time></td><td>3</td><td>5</td>');
    expect(html).not.toContain('<time datetime="2027-01-31">');
  });

  it('leaves waiting, cancelled registrations and cancelled webinars out of the programme totals', async () => {
    const ctx = await setup();
    await programmeWithRegistrations(ctx);
    await updateWebinar(ctx.db, ctx.clock, OTHER, { status: 'cancelled' });
    const html = await (await ctx.admin.request('/admin')).text();
    expect(html).toContain(
      '3 confirmed registrations from 3 people: 2 from large companies and 1 from a small company or startup; none from universities or research institutes, the public sector or other kinds of organisation.',
    );
    expect([...html.matchAll(/class="bar-value">(\d+)</g)].map((m) => m[1])).toEqual(['2', '1', '0', '0', '0']);
    // The cancelled webinar's row stays, marked, with what it had.
    expect(html).toContain(' <span class="tag cancelled">cancelled</span>');
    expect(rowCells(html, OTHER)).toEqual(['2 / 100', '0', '1', '0', '1', '0', '0']);
  });

  it('shows an empty programme without a chart to draw, and without failing', async () => {
    const ctx = await setup();
    const res = await ctx.admin.request('/admin');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<p class="lead">No confirmed registrations yet. Times and days are shown for Europe/Stockholm.</p>');
    expect(html).toContain('<p class="muted">No confirmed registrations yet.</p>');
    expect([...html.matchAll(/class="bar-value">(\d+)</g)].map((m) => m[1])).toEqual(['0', '0', '0', '0', '0']);
    expect(html).toContain('<title id="types-title">Confirmed registrations by organisation type</title>');
    expect(ctx.logged).toEqual([]);
  });
});

describe('the dashboard on the first day with registrations', () => {
  it('says there is no earlier day to compare with, rather than comparing the day with itself', async () => {
    const ctx = await setup();
    await registerAt(ctx, '2027-02-01T08:00:00Z', SLUG, ERIK);
    await registerAt(ctx, '2027-02-01T09:00:00Z', SLUG, TOM);
    ctx.clock.set('2027-02-01T12:00:00Z');
    const html = await (await ctx.admin.request('/admin')).text();
    expect(html).toContain(
      '<figcaption class="small muted">2 confirmed registrations, all on 1 Feb 2027, the first day with any: there is no earlier day to compare with.</figcaption>',
    );
    expect(html).toContain(
      '2 confirmed registrations from 2 people: 1 from a large company and 1 from the public sector; none from small companies or startups, universities or research institutes or other kinds of organisation.',
    );
  });
});

/** Programme totals with these people (and registrations) per organisation type. */
function totalsOf(people: Partial<Record<keyof ProgrammeCounts['byOrganisationType'], [people: number, registrations: number]>>): ProgrammeCounts {
  const byOrganisationType = Object.fromEntries(
    (['large-company', 'startup', 'academia', 'public-sector', 'other'] as const).map((type) => {
      const [attendees, registrations] = people[type] ?? [0, 0];
      return [type, { attendees, registrations }];
    }),
  ) as ProgrammeCounts['byOrganisationType'];
  const values = Object.values(byOrganisationType);
  return {
    confirmedRegistrations: values.reduce((sum, v) => sum + v.registrations, 0),
    distinctAttendees: values.reduce((sum, v) => sum + v.attendees, 0),
    byOrganisationType,
  };
}

describe('audienceSentence', () => {
  it('accounts for every person and names the types nobody came from', () => {
    expect(audienceSentence(totalsOf({ 'large-company': [2, 4], startup: [1, 2], other: [1, 1] }))).toBe(
      '7 confirmed registrations from 4 people: 2 from large companies, 1 from a small company or startup and 1 from another kind of organisation; none from universities or research institutes or the public sector.',
    );
  });

  it('lists every type when each has someone, in the singular and the plural', () => {
    expect(audienceSentence(totalsOf({ 'large-company': [1, 1], startup: [3, 3], academia: [2, 2], 'public-sector': [1, 2], other: [2, 2] }))).toBe(
      '10 confirmed registrations from 9 people: 1 from a large company, 3 from small companies or startups, 2 from universities or research institutes, 1 from the public sector and 2 from other kinds of organisation.',
    );
    expect(audienceSentence(totalsOf({ academia: [1, 2], 'public-sector': [1, 1], other: [1, 1], startup: [1, 1], 'large-company': [1, 1] }))).toBe(
      '6 confirmed registrations from 5 people: 1 from a large company, 1 from a small company or startup, 1 from a university or research institute, 1 from the public sector and 1 from another kind of organisation.',
    );
  });

  it('says one registration from one person, and nothing to count before the first', () => {
    expect(audienceSentence(totalsOf({ startup: [1, 1] }))).toBe(
      '1 confirmed registration from 1 person: 1 from a small company or startup; none from large companies, universities or research institutes, the public sector or other kinds of organisation.',
    );
    expect(audienceSentence(totalsOf({}))).toBe('No confirmed registrations yet.');
  });
});

describe('timelineCaption', () => {
  it('compares the last day with the first, a different day', () => {
    expect(
      timelineCaption([
        { day: '2026-11-29', added: 3, total: 3 },
        { day: '2026-11-30', added: 1, total: 4 },
      ]),
    ).toBe('4 confirmed registrations by 30 Nov 2026, up from 3 on 29 Nov 2026, the first day with any: 1 more in 1 day.');
  });

  it('has no earlier day to compare one day with, and says so', () => {
    expect(timelineCaption([{ day: '2026-11-29', added: 1, total: 1 }])).toBe(
      '1 confirmed registration, all on 29 Nov 2026, the first day with any: there is no earlier day to compare with.',
    );
  });

  it('says "none since" when the total has not moved', () => {
    expect(
      timelineCaption([
        { day: '2026-11-29', added: 3, total: 3 },
        { day: '2026-11-30', added: 0, total: 3 },
        { day: '2026-12-01', added: 0, total: 3 },
      ]),
    ).toBe('3 confirmed registrations by 1 Dec 2026, all on 29 Nov 2026: none since.');
    expect(timelineCaption([])).toBe('No confirmed registrations yet.');
  });
});

describe('cumulativeByDay', () => {
  it('counts days in the programme’s zone and runs to today', () => {
    const instants = ['2027-01-30T12:00:00Z', '2027-01-31T23:30:00Z'].map((iso) => DateTime.fromISO(iso, { zone: 'UTC' }));
    // 23:30 UTC on 31 January is already 1 February in Stockholm; "today" is 2 February there.
    expect(cumulativeByDay(instants, 'Europe/Stockholm', DateTime.fromISO('2027-02-01T23:30:00Z', { zone: 'UTC' }))).toEqual([
      { day: '2027-01-30', added: 1, total: 1 },
      { day: '2027-01-31', added: 0, total: 1 },
      { day: '2027-02-01', added: 1, total: 2 },
      { day: '2027-02-02', added: 0, total: 2 },
    ]);
    expect(cumulativeByDay(instants, 'UTC', DateTime.fromISO('2027-01-31T23:45:00Z', { zone: 'UTC' }))).toEqual([
      { day: '2027-01-30', added: 1, total: 1 },
      { day: '2027-01-31', added: 1, total: 2 },
    ]);
    expect(cumulativeByDay([], 'UTC', DateTime.fromISO('2027-01-31T23:45:00Z', { zone: 'UTC' }))).toEqual([]);
  });
});
