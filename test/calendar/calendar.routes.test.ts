import { describe, expect, it } from 'vitest';
import { listAreas, listWebinars } from '../../src/programme/programme.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { updateArea, updateSpeaker } from '../../src/programme/programme-admin.service.js';
import { rotateSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { resolveLocalTime } from '../../src/time/index.js';
import { all, one, parse, textOf } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';
import { foldingProblems, parseCalendar } from '../helpers/ical.js';
import { buildTestApp } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function move(ctx: Ctx, slug: string, local: string, offset?: string) {
  const resolved = resolveLocalTime({ local, zone: 'Europe/Stockholm', offset });
  if (!resolved.ok) throw new Error(resolved.error.message);
  ctx.clock.advance(1);
  return updateWebinar(ctx.db, ctx.clock, slug, { start: resolved.value });
}

async function expectFeedMatchesDatabase(ctx: Ctx, path: string, filter?: (slug: string) => boolean) {
  const res = await ctx.app.request(path);
  expect(res.status).toBe(200);
  const text = await res.text();
  const calendar = parseCalendar(text);
  const webinars = (await listWebinars(ctx.db)).filter((w) => !filter || filter(w.slug));
  expect(calendar.events.map((e) => e.uid).sort()).toEqual(webinars.map((w) => w.uid).sort());
  for (const webinar of webinars) {
    const event = calendar.events.find((e) => e.uid === webinar.uid)!;
    expect(event.start).toBe(webinar.startsAt.toUTC().toISO());
    expect(event.end).toBe(webinar.endsAt.toUTC().toISO());
  }
  return { text, calendar };
}

describe('GET /calendar.ics', () => {
  it('holds every public webinar at the instant the hub stored, as read by ical.js', async () => {
    const ctx = await buildTestApp();
    // Out of step weeks, and the days Stockholm changes its clocks.
    await move(ctx, 'partnership-models-new-york', '2027-03-18T15:00');
    await move(ctx, 'pilots-with-startups-norway', '2027-03-28T03:30');
    await move(ctx, 'open-innovation-platforms-china', '2027-10-31T02:30', '+01:00');
    await move(ctx, 'corporate-venture-capital-silicon-valley', '2027-11-04T15:00');
    const { calendar } = await expectFeedMatchesDatabase(ctx, '/calendar.ics');
    const starts = Object.fromEntries(calendar.events.map((e) => [e.summary, e.start]));
    expect(starts).toEqual({
      'Partnership models: an innovation outpost in New York': '2027-03-18T14:00:00.000Z',
      'From pilot to contract: how Norwegian industry buys from startups': '2027-03-28T01:30:00.000Z',
      'Open innovation platforms in China': '2027-10-31T01:30:00.000Z',
      'Corporate venture capital: lessons from Silicon Valley': '2027-11-04T14:00:00.000Z',
    });
  });

  it('writes UTC instants with no TZID and no VTIMEZONE, and a UTC DTSTAMP', async () => {
    const ctx = await buildTestApp();
    const text = await (await ctx.app.request('/calendar.ics')).text();
    const calendar = parseCalendar(text);
    expect(calendar.timezones).toEqual([]);
    expect(text).not.toContain('TZID');
    expect(text).not.toMatch(/Europe\/Berlin/);
    for (const event of calendar.events) expect(event.startTzid).toBeNull();
    for (const line of text.split('\r\n').filter((l) => /^(DTSTART|DTEND|DTSTAMP|LAST-MODIFIED)/.test(l))) {
      expect(line).toMatch(/^[A-Z-]+:\d{8}T\d{6}Z$/);
    }
    expect(text).toContain('X-WR-TIMEZONE:Europe/Stockholm\r\n');
    expect(text).toContain('X-WR-CALNAME:Innovation collaboration between small and large companies\r\n');
    expect(text).toContain('X-WR-CALDESC:');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n');
  });

  it('carries what every event needs, and never the join link', async () => {
    const ctx = await buildTestApp();
    const text = await (await ctx.app.request('/calendar.ics')).text();
    const event = parseCalendar(text).events.find((e) => e.summary.startsWith('Open innovation'))!;
    expect(event.url).toBe('https://hub.example.org/webinars/open-innovation-platforms-china');
    expect(event.categories).toEqual(['Innovation hubs and outposts']);
    expect(event.organizer).toBe('mailto:innovation-webinars@example.org');
    expect(event.sequence).toBe(0);
    expect(event.description).toContain('Speaker: Chen Jing (陈静), Head of Open Innovation, Zhangjiang Innovation Partners (Shanghai, China)');
    expect(event.description).toContain('Moderator: Anna Lindqvist');
    expect(event.description).toContain('Webinar page: https://hub.example.org/webinars/open-innovation-platforms-china');
    expect(text).not.toContain('meet.example.org');
    expect(event.location).toBeNull();
  });

  it('keeps UTF-8 names whole when folding lines at 75 octets', async () => {
    const ctx = await buildTestApp();
    await updateWebinar(ctx.db, ctx.clock, 'open-innovation-platforms-china', {
      title: '开放式创新平台 — Öppna innovationsplattformar i Kina: vad svenska företag lär sig på plats i Shanghai',
    });
    const text = await (await ctx.app.request('/calendar.ics')).text();
    expect(foldingProblems(text)).toEqual([]);
    const summaries = parseCalendar(text).events.map((e) => e.summary);
    expect(summaries).toContain('开放式创新平台 — Öppna innovationsplattformar i Kina: vad svenska företag lär sig på plats i Shanghai');
  });

  it('keeps a cancelled webinar as STATUS:CANCELLED with the summary prefixed', async () => {
    const ctx = await buildTestApp();
    await updateWebinar(ctx.db, ctx.clock, 'pilots-with-startups-norway', { status: 'cancelled' });
    const event = parseCalendar(await (await ctx.app.request('/calendar.ics')).text()).events.find((e) => e.summary.includes('Norwegian'))!;
    expect(event.status).toBe('CANCELLED');
    expect(event.summary).toBe('Cancelled: From pilot to contract: how Norwegian industry buys from startups');
    expect(event.sequence).toBe(1);
  });

  it('gives the same bytes for the same data, whatever the time of the poll', async () => {
    const ctx = await buildTestApp();
    const first = await (await ctx.app.request('/calendar.ics')).text();
    ctx.clock.advance(90);
    const second = await (await ctx.app.request('/calendar.ics')).text();
    expect(second).toBe(first);
  });
});

describe('HTTP for calendar clients', () => {
  it('answers with the calendar content type, inline disposition, validators and CORS', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request('/calendar.ics');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="programme.ics"');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(res.headers.get('last-modified')).toBe('Mon, 01 Feb 2027 12:00:00 GMT');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 304 to If-None-Match and If-Modified-Since when nothing changed', async () => {
    const ctx = await buildTestApp();
    const first = await ctx.app.request('/calendar.ics');
    const etag = first.headers.get('etag')!;
    const byTag = await ctx.app.request('/calendar.ics', { headers: { 'if-none-match': etag } });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    expect(byTag.headers.get('etag')).toBe(etag);
    const byWeakTag = await ctx.app.request('/calendar.ics', { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(byWeakTag.status).toBe(304);
    const byDate = await ctx.app.request('/calendar.ics', { headers: { 'if-modified-since': first.headers.get('last-modified')! } });
    expect(byDate.status).toBe(304);
    const older = await ctx.app.request('/calendar.ics', { headers: { 'if-modified-since': 'Sun, 31 Jan 2027 12:00:00 GMT' } });
    expect(older.status).toBe(200);
    const garbage = await ctx.app.request('/calendar.ics', { headers: { 'if-modified-since': 'yesterday-ish' } });
    expect(garbage.status).toBe(200);
  });

  it('answers a cross-site preflight for a conditional GET', async () => {
    const ctx = await buildTestApp();
    for (const path of ['/calendar.ics', '/areas/any/calendar.ics', `/my/${'a'.repeat(43)}/calendar.ics`, `/speaker/${'a'.repeat(43)}/calendar.ics`]) {
      const res = await ctx.app.request(path, {
        method: 'OPTIONS',
        headers: { origin: 'https://calendar.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
      });
      expect([path, res.status]).toEqual([path, 204]);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const ctx = await buildTestApp();
    const get = await ctx.app.request('/calendar.ics');
    const head = await ctx.app.request('/calendar.ics', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  it('keeps the UID, raises SEQUENCE and changes the ETag when a webinar moves from 15:00 to 16:00', async () => {
    const ctx = await buildTestApp();
    await move(ctx, 'partnership-models-new-york', '2027-03-18T15:00');
    const before = await ctx.app.request('/calendar.ics');
    const beforeEvent = parseCalendar(await before.text()).events.find((e) => e.url?.endsWith('partnership-models-new-york'))!;
    await move(ctx, 'partnership-models-new-york', '2027-03-18T16:00');
    const after = await ctx.app.request('/calendar.ics', { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const afterEvent = parseCalendar(await after.text()).events.find((e) => e.url?.endsWith('partnership-models-new-york'))!;
    expect(afterEvent.uid).toBe(beforeEvent.uid);
    expect(afterEvent.sequence).toBeGreaterThan(beforeEvent.sequence);
    expect(afterEvent.start).toBe('2027-03-18T15:00:00.000Z');
    expect(new Date(after.headers.get('last-modified')!).getTime()).toBeGreaterThan(new Date(before.headers.get('last-modified')!).getTime());
  });

  it.each([
    ['a speaker moves city', (ctx: Ctx) => updateSpeaker(ctx.db, ctx.clock, 'chen-jing', { city: 'Beijing' }), 'Beijing'],
    [
      'an area is renamed',
      async (ctx: Ctx) => {
        const area = (await listAreas(ctx.db))[0]!;
        await updateArea(ctx.db, ctx.clock, area.slug, { slug: area.slug, name: 'Renamed area', description: area.description, position: area.position });
      },
      'Renamed area',
    ],
  ])('moves Last-Modified and DTSTAMP when %s, so If-Modified-Since gets the new text', async (_what, change, expected) => {
    const ctx = await buildTestApp();
    const before = await ctx.app.request('/calendar.ics');
    expect(await before.text()).not.toContain(expected);
    ctx.clock.advance(60);
    await change(ctx);

    const after = await ctx.app.request('/calendar.ics', { headers: { 'if-modified-since': before.headers.get('last-modified')! } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain(expected);
    expect(new Date(after.headers.get('last-modified')!).getTime()).toBe(ctx.clock.now().toMillis() - (ctx.clock.now().toMillis() % 1000));
  });

  it('does not raise SEQUENCE for an edit that does not move the webinar', async () => {
    const ctx = await buildTestApp();
    await updateWebinar(ctx.db, ctx.clock, 'partnership-models-new-york', { title: 'A new title' });
    const event = parseCalendar(await (await ctx.app.request('/calendar.ics')).text()).events.find((e) => e.summary === 'A new title')!;
    expect(event.sequence).toBe(0);
  });
});

describe('GET /areas/:slug/calendar.ics and /webinars/:slug/calendar.ics', () => {
  it('holds only the area’s webinars', async () => {
    const ctx = await buildTestApp();
    const { calendar } = await expectFeedMatchesDatabase(ctx, '/areas/innovation-hubs/calendar.ics', (slug) => slug === 'open-innovation-platforms-china');
    expect(calendar.name).toBe('Innovation collaboration between small and large companies: Innovation hubs and outposts');
  });

  it('offers one webinar as an attachment with METHOD:PUBLISH', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request('/webinars/pilots-with-startups-norway/calendar.ics');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="pilots-with-startups-norway.ics"');
    const calendar = parseCalendar(await res.text());
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.events).toHaveLength(1);
  });

  it.each(['/areas/nope/calendar.ics', '/webinars/nope/calendar.ics'])('answers %s with 404, not an empty calendar', async (path) => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('BEGIN:VCALENDAR');
  });

  it('does not serve drafts', async () => {
    const ctx = await buildTestApp();
    await updateWebinar(ctx.db, ctx.clock, 'pilots-with-startups-norway', { status: 'draft' });
    expect((await ctx.app.request('/webinars/pilots-with-startups-norway/calendar.ics')).status).toBe(404);
    expect(await (await ctx.app.request('/calendar.ics')).text()).not.toContain('Norwegian');
  });
});

describe('subscribe and add-to-calendar on the pages', () => {
  it('offers webcal:// and the https feed address on the programme and area pages', async () => {
    const ctx = await buildTestApp();
    const home = await (await ctx.app.request('/')).text();
    expect(home).toContain('href="webcal://hub.example.org/calendar.ics"');
    expect(home).toContain('value="https://hub.example.org/calendar.ics"');
    expect(home).toContain('Google refreshes subscribed calendars only every several hours');
    const area = await (await ctx.app.request('/areas/corporate-venturing')).text();
    expect(area).toContain('href="webcal://hub.example.org/areas/corporate-venturing/calendar.ics"');
  });

  it('shows one subscribe panel on the public, the personal and the speaker pages, the secret addresses marked private', async () => {
    const ctx = await buildTestApp();
    const personal = (await (await ctx.app.request('/api/webinars/pilots-with-startups-norway/registrations', json(VISITOR))).json()) as {
      personalUrl: string;
    };
    const speakerToken = await rotateSpeakerLink(ctx.db, ctx.clock, 'chen-jing');
    const panelOf = async (path: string) => {
      const panel = one(parse(await (await ctx.app.request(path)).text()), 'a[href^="webcal:"]').closest('section.panel')!;
      const heading = one(panel, 'h2');
      const input = one(panel, 'input[readonly]');
      return {
        heading: textOf(heading),
        labelledBy: panel.getAttribute('aria-labelledby') === heading.getAttribute('id'),
        webcal: one(panel, 'a.button').getAttribute('href'),
        label: textOf(one(panel, `label[for="${input.getAttribute('id')}"]`)),
        address: input.getAttribute('value'),
        help: textOf(one(panel, 'details > summary')),
      };
    };
    const feed = `${personal.personalUrl}/calendar.ics`;
    const speakerFeed = `https://hub.example.org/speaker/${speakerToken}/calendar.ics`;
    expect(await panelOf('/areas/corporate-venturing')).toEqual({
      heading: 'Subscribe',
      labelledBy: true,
      webcal: 'webcal://hub.example.org/areas/corporate-venturing/calendar.ics',
      label: 'Calendar address to copy',
      address: 'https://hub.example.org/areas/corporate-venturing/calendar.ics',
      help: 'How to subscribe',
    });
    expect(await panelOf(new URL(personal.personalUrl).pathname)).toEqual({
      heading: 'Your calendar',
      labelledBy: true,
      webcal: feed.replace('https:', 'webcal:'),
      label: 'Calendar address (private)',
      address: feed,
      help: 'How to subscribe',
    });
    expect(await panelOf(`/speaker/${speakerToken}`)).toEqual({
      heading: 'Your calendar',
      labelledBy: true,
      webcal: speakerFeed.replace('https:', 'webcal:'),
      label: 'Calendar address (private)',
      address: speakerFeed,
      help: 'How to subscribe',
    });
  });

  it('offers subscribing on the web to each feed: Google Calendar, Outlook.com and Microsoft 365, with the feed and its name', async () => {
    const ctx = await buildTestApp();
    const personal = (await (await ctx.app.request('/api/webinars/pilots-with-startups-norway/registrations', json(VISITOR))).json()) as {
      personalUrl: string;
    };
    const webLinks = async (path: string) => {
      const panel = one(parse(await (await ctx.app.request(path)).text()), 'a[href^="webcal:"]').closest('section.panel')!;
      return all(panel, 'a[href^="https://"]').map((a) => {
        const url = new URL(a.getAttribute('href')!);
        return { text: textOf(a), host: url.host, path: url.pathname, params: Object.fromEntries(url.searchParams) };
      });
    };
    const title = 'Innovation collaboration between small and large companies';
    const expectedFor = (feed: string, name: string) => [
      { text: 'Google Calendar', host: 'calendar.google.com', path: '/calendar/render', params: { cid: feed.replace('https:', 'webcal:') } },
      { text: 'Outlook.com', host: 'outlook.live.com', path: '/calendar/0/addfromweb', params: { url: feed, name } },
      { text: 'Microsoft 365', host: 'outlook.office.com', path: '/calendar/0/addfromweb', params: { url: feed, name } },
    ];
    expect(await webLinks('/')).toEqual(expectedFor('https://hub.example.org/calendar.ics', title));
    expect(await webLinks('/areas/corporate-venturing')).toEqual(
      expectedFor('https://hub.example.org/areas/corporate-venturing/calendar.ics', `${title}: Corporate venturing`),
    );
    expect(await webLinks(new URL(personal.personalUrl).pathname)).toEqual(expectedFor(`${personal.personalUrl}/calendar.ics`, `${title}: your webinars`));
  });

  it('gives Google and Outlook links whose times match the feed', async () => {
    const ctx = await buildTestApp();
    await move(ctx, 'partnership-models-new-york', '2027-03-18T15:00');
    const html = await (await ctx.app.request('/webinars/partnership-models-new-york')).text();
    const href = (host: string) => {
      const match = new RegExp(`href="(https://${host.replaceAll('.', '\\.')}[^"]+)"`).exec(html);
      return new URL(match![1]!.replaceAll('&amp;', '&'));
    };
    const event = parseCalendar(await (await ctx.app.request('/webinars/partnership-models-new-york/calendar.ics')).text()).events[0]!;
    const compact = (iso: string) => iso.replace(/[-:]/g, '').replace('.000', '');
    const google = href('calendar.google.com');
    expect(google.pathname).toBe('/calendar/render');
    expect(google.searchParams.get('action')).toBe('TEMPLATE');
    expect(google.searchParams.get('dates')).toBe(`${compact(event.start)}/${compact(event.end)}`);
    expect(google.searchParams.get('text')).toBe('Partnership models: an innovation outpost in New York');
    for (const host of ['outlook.live.com', 'outlook.office.com']) {
      const outlook = href(host);
      expect(outlook.pathname).toBe('/calendar/action/compose');
      expect(outlook.searchParams.get('rru')).toBe('addevent');
      expect(outlook.searchParams.get('startdt')).toBe(event.start.replace('.000', ''));
      expect(outlook.searchParams.get('enddt')).toBe(event.end.replace('.000', ''));
      expect(outlook.searchParams.get('body')).toContain('Speaker: Sarah Goldberg');
    }
    expect(html).toContain('href="/webinars/partnership-models-new-york/calendar.ics"');
  });
});
