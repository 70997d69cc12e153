import { describe, expect, it } from 'vitest';
import { rotateSpeakerLink, revokeSpeakerLink, sendSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { addMaterial } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp, datetimes, TEST_BASE_URL } from '../helpers/test-app.js';

const SLUG = 'open-innovation-platforms-china';

/** Chen Jing in Shanghai speaks on 2027-03-18 at 09:00 Stockholm; attendees from three zones registered. */
async function setup() {
  const ctx = await buildTestApp();
  const resolved = resolveLocalTime({ local: '2027-03-18T09:00', zone: 'Europe/Stockholm' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  await updateWebinar(ctx.db, ctx.clock, SLUG, { start: resolved.value });
  const register = (email: string, timezone: string, question?: string) =>
    ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, email, timezone, question: question ?? '' }, { 'x-test': email }));
  for (let i = 0; i < 3; i++) await register(`sthlm${i}@example.se`, 'Europe/Stockholm');
  await register('sh1@example.cn', 'Asia/Shanghai', 'How do you find Chinese partners?');
  await register('sh2@example.cn', 'Asia/Shanghai');
  await register('la@example.com', 'America/Los_Angeles', 'What about IP?');
  const token = await rotateSpeakerLink(ctx.db, ctx.clock, 'chen-jing');
  return { ctx, token };
}

describe('the private speaker page', () => {
  it('shows a speaker in Shanghai their technical check, start and end in Shanghai time with the dates, and the panelists’ link', async () => {
    const { ctx, token } = await setup();
    const res = await ctx.app.request(`/speaker/${token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const times = datetimes(html);
    // Technical check, start, end: Shanghai first, then the programme's zone.
    expect(times.slice(0, 6)).toEqual([
      '2027-03-18T15:30:00+08:00',
      '2027-03-18T08:30:00+01:00',
      '2027-03-18T16:00:00+08:00',
      '2027-03-18T09:00:00+01:00',
      '2027-03-18T17:00:00+08:00',
      '2027-03-18T10:00:00+01:00',
    ]);
    expect(html).toContain('https://meet.example.org/open-innovation-platforms-china/panelists');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
  });

  it('shows the audience’s clocks from real registrations, grouped by zone, counts only', async () => {
    const { ctx, token } = await setup();
    const html = await (await ctx.app.request(`/speaker/${token}`)).text();
    const list = html.slice(html.indexOf('Your audience’s clocks'), html.indexOf('Questions from attendees'));
    const items = [...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(items).toEqual(['09:00 CET for 3 attendees in Stockholm', '16:00 GMT+8 for 2 attendees in Shanghai', '01:00 PDT for 1 attendee in Los Angeles']);
    expect(html).toContain('6 registered');
    expect(html).toContain('How do you find Chinese partners?');
    expect(html).toContain('What about IP?');
    expect(html).not.toContain('sh1@example.cn');
    expect(html).not.toContain('Wang Fang');
  });

  it('follows the speaker’s own zone when they travel, in the page and the feed', async () => {
    const { ctx, token } = await setup();
    const bad = await ctx.app.request(`/speaker/${token}/zone`, form({ timezone: 'Nowhere/Land' }));
    expect(bad.status).toBe(422);
    const res = await ctx.app.request(`/speaker/${token}/zone`, form({ timezone: 'Europe/Oslo' }));
    expect(res.status).toBe(303);
    const html = await (await ctx.app.request(`/speaker/${token}`)).text();
    expect(datetimes(html)[0]).toBe('2027-03-18T08:30:00+01:00');
    const feed = await (await ctx.app.request(`/speaker/${token}/calendar.ics`)).text();
    expect(feed).toContain('X-WR-TIMEZONE:Europe/Oslo');
  });

  it('answers a revoked or replaced link with 404', async () => {
    const { ctx, token } = await setup();
    const fresh = await rotateSpeakerLink(ctx.db, ctx.clock, 'chen-jing');
    expect((await ctx.app.request(`/speaker/${token}`)).status).toBe(404);
    expect((await ctx.app.request(`/speaker/${fresh}`)).status).toBe(200);
    await revokeSpeakerLink(ctx.db, ctx.clock, 'chen-jing');
    expect((await ctx.app.request(`/speaker/${fresh}`)).status).toBe(404);
    expect((await ctx.app.request(`/speaker/${fresh}/calendar.ics`)).status).toBe(404);
  });

  it('emails the link to the speaker', async () => {
    const { ctx } = await setup();
    await ctx.db.updateTable('speaker').set({ email: 'chen@example.cn' }).where('slug', '=', 'chen-jing').execute();
    const { url } = await sendSpeakerLink(ctx.db, ctx.clock, TEST_BASE_URL, 'chen-jing');
    const email = await ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'speaker-link').executeTakeFirstOrThrow();
    expect(email.to_address).toBe('chen@example.cn');
    expect(email.text_body).toContain(url);
  });
});

describe('/speaker/:token/calendar.ics', () => {
  it('holds each session and its technical check as two events at the right instants, with the panelists’ link', async () => {
    const { ctx, token } = await setup();
    const res = await ctx.app.request(`/speaker/${token}/calendar.ics`);
    expect(res.status).toBe(200);
    const events = parseCalendar(await res.text()).events.filter((e) => e.url?.endsWith(SLUG));
    expect(events.map((e) => [e.summary, e.start, e.end, e.location])).toEqual([
      [
        'Technical check: Open innovation platforms in China',
        '2027-03-18T07:30:00.000Z',
        '2027-03-18T08:00:00.000Z',
        'https://meet.example.org/open-innovation-platforms-china/panelists',
      ],
      [
        'Speaking: Open innovation platforms in China',
        '2027-03-18T08:00:00.000Z',
        '2027-03-18T09:00:00.000Z',
        'https://meet.example.org/open-innovation-platforms-china/panelists',
      ],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });

  it('moves Last-Modified when a webinar leaves the feed, so If-Modified-Since gets the shorter feed', async () => {
    const { ctx, token } = await setup();
    const before = await ctx.app.request(`/speaker/${token}/calendar.ics`);
    ctx.clock.advance(60);
    await updateWebinar(ctx.db, ctx.clock, SLUG, { speakers: [{ slug: 'anna-lindqvist', role: 'moderator' }] });
    const after = await ctx.app.request(`/speaker/${token}/calendar.ics`, { headers: { 'if-modified-since': before.headers.get('last-modified')! } });
    expect(after.status).toBe(200);
    expect(parseCalendar(await after.text()).events.filter((e) => e.url?.endsWith(SLUG))).toEqual([]);
  });

  it('adds the published recording to the session, and never an attendees-only one', async () => {
    const { ctx, token } = await setup();
    const deps = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL };
    for (const input of [
      { kind: 'recording', title: 'Recording', url: 'https://vimeo.com/76979871' },
      { kind: 'link', title: 'Attendee notes', url: 'https://example.org/private-notes', visibility: 'attendees' },
    ]) {
      const validated = validateMaterial(input, undefined);
      if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
      await addMaterial(deps, SLUG, validated.value);
    }
    const events = parseCalendar(await (await ctx.app.request(`/speaker/${token}/calendar.ics`)).text()).events.filter((e) => e.url?.endsWith(SLUG));
    const session = events.find((e) => e.summary.startsWith('Speaking:'))!;
    expect(session.description).toContain('Recording: https://vimeo.com/76979871');
    expect(session.description).not.toContain('private-notes');
  });
});

describe('the public speaker page', () => {
  it('shows the speaker and their webinars in their zone, the programme’s and the viewer’s, and nothing private', async () => {
    const { ctx } = await setup();
    const res = await ctx.app.request('/speakers/chen-jing?tz=America/New_York');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Chen Jing (陈静)');
    expect(html).toContain('Head of Open Innovation, Zhangjiang Innovation Partners');
    const card = html.slice(html.indexOf(SLUG));
    expect(datetimes(card).slice(0, 3)).toEqual(['2027-03-18T16:00:00+08:00', '2027-03-18T09:00:00+01:00', '2027-03-18T04:00:00-04:00']);
    for (const secret of ['panelists', 'meet.example.org', 'How do you find', 'attendees in', 'registered']) expect(html).not.toContain(secret);
  });

  it('answers an unknown speaker with 404', async () => {
    const ctx = await buildTestApp();
    expect((await ctx.app.request('/speakers/nobody')).status).toBe(404);
  });
});
