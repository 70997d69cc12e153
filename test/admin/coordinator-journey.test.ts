// The journey of a new coordinator, through the real app: sign in, add a speaker in Los Angeles,
// schedule a webinar at a time the assistant flags, take a suggested time, publish, see an attendee
// register, move the webinar an hour, and after it publish slides and a recording.
import { describe, expect, it } from 'vitest';
import { createCoordinator } from '../../src/auth/auth.service.js';
import { attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { json, VISITOR } from '../helpers/forms.js';
import { parseCalendar } from '../helpers/ical.js';
import { buildTestApp } from '../helpers/test-app.js';
import { SAMPLES } from '../materials/material-helpers.js';

const ORIGIN = 'https://hub.example.org';

function cookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /hub_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `hub_session=${match[1]}`;
}

describe('a coordinator’s journey', () => {
  it('schedules, publishes, moves and follows up a webinar with a speaker in Los Angeles', async () => {
    const ctx = await buildTestApp({ now: '2027-02-01T12:00:00Z' });
    await createCoordinator(ctx.db, ctx.clock, { name: 'Anna', email: 'anna@example.org', password: 'a long enough password' });

    // Sign in through the form.
    let cookie = '';
    let csrf = '';
    const page = async (path: string) => {
      const res = await ctx.app.request(path, { headers: { cookie } });
      return { res, html: await res.text() };
    };
    const signIn = async () => {
      const login = await ctx.app.request('/admin/login', {
        method: 'POST',
        body: new URLSearchParams({ email: 'anna@example.org', password: 'a long enough password', next: '/admin/webinars' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      });
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/admin/webinars');
      cookie = cookieFrom(login);
      csrf = /name="_csrf" value="([^"]+)"/.exec((await page('/admin/webinars')).html)![1]!;
    };
    await signIn();
    const post = (path: string, fields: Record<string, string>) =>
      ctx.app.request(path, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      });

    // A speaker in Los Angeles.
    const speaker = await post('/admin/speakers', {
      name: 'Laura Kim',
      title: 'Head of Startup Programs',
      organisation: 'West Coast Ventures',
      city: 'Los Angeles',
      country: 'USA',
      timezone: 'America/Los_Angeles',
      email: 'laura@example.com',
      photoUrl: '',
      bio: '',
    });
    expect(speaker.status).toBe(303);
    expect(speaker.headers.get('location')).toBe('/admin/speakers/laura-kim?done=created');

    // 10:00 in Stockholm is 01:00 in Los Angeles: the assistant flags it.
    const draft = {
      title: 'Scaling pilots in California',
      slug: '',
      areaSlug: 'procurement-and-pilots',
      abstract: 'How Californian corporates turn pilots into contracts.',
      start: '2027-03-02T10:00',
      timezone: 'Europe/Stockholm',
      offset: '',
      durationMinutes: '60',
      capacity: '50',
      registrationClosesMinutesBefore: '0',
      joinUrl: 'https://meet.example.org/california',
      speakerJoinUrl: 'https://meet.example.org/california/panel',
      techCheckMinutes: '30',
      status: 'draft',
      'role_laura-kim': 'speaker',
    };
    const checked = await post('/admin/webinars', { ...draft, intent: 'check' });
    expect(checked.status).toBe(200);
    expect(await checked.text()).toContain('starts at 01:00 in Los Angeles, before 08:00');
    expect(await ctx.db.selectFrom('webinar').select('id').where('title', '=', draft.title).execute()).toEqual([]);

    const created = await post('/admin/webinars', { ...draft, intent: 'save' });
    expect(created.status).toBe(303);
    const slug = /^\/admin\/webinars\/([a-z0-9-]+)\?done=created$/.exec(created.headers.get('location') ?? '')![1]!;
    expect(slug).toBe('scaling-pilots-in-california');

    // Suggested times for that week, then take the first.
    const suggested = await page(`/admin/webinars/${slug}?suggestFrom=2027-03-01&suggestTo=2027-03-05`);
    const edit = parse(suggested.html);
    // The speaker's role select, in the speakers table, is named by the speaker's name in its row.
    const role = one(edit, 'select[name="role_laura-kim"]');
    expect(textOf(one(edit, `label[for="${role.getAttribute('id')}"]`))).toBe('Laura Kim');
    expect(attrs(role, 'option', 'value')).toEqual(['', 'speaker', 'moderator', 'panelist']);
    expect(attrs(role, 'option[selected]', 'value')).toEqual(['speaker']);
    const range = one(edit, 'form[action$="#suggestions"]');
    expect(attrs(range, 'input', 'name')).toEqual(['suggestFrom', 'suggestTo']);
    expect(attrs(range, 'input', 'type')).toEqual(['date', 'date']);
    expect(attrs(range, 'input', 'value')).toEqual(['2027-03-01', '2027-03-05']);
    expect(texts(range, 'label')).toEqual(['From', 'To']);
    // A backwards range: the message is the last day's, linked from the summary and tied to the field.
    const backwards = parse((await page(`/admin/webinars/${slug}?suggestFrom=2027-03-05&suggestTo=2027-03-01`)).html);
    expect(texts(backwards, '#suggest-errors li')).toEqual(['The last day must be on or after the first day.']);
    expect(attrs(backwards, '#suggest-errors a', 'href')).toEqual(['#suggest-suggestTo']);
    expect(one(backwards, '#suggest-suggestTo').getAttribute('aria-describedby')).toBe('suggest-suggestTo-error');
    expect(one(backwards, '#suggest-suggestFrom').getAttribute('aria-invalid')).toBeNull();
    const first = /<button[^>]*name="start"[^>]*value="([^"]+)"/.exec(suggested.html)![1]!;
    expect(first).toMatch(/^2027-03-0[1-5]T1[7-8]:\d\d$/);
    const useTime = await post(`/admin/webinars/${slug}/use-time`, { start: first });
    expect(useTime.status).toBe(200);
    const useHtml = await useTime.text();
    expect(useHtml).toContain(`value="${first}"`);
    expect(useHtml).not.toContain('before 08:00');

    // Publish at the suggested time.
    const published = await post(`/admin/webinars/${slug}`, { ...draft, start: first, status: 'published', intent: 'save' });
    expect(published.status).toBe(303);
    const speakerInvite = await ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'speaker-invited').executeTakeFirstOrThrow();
    expect(speakerInvite.to_address).toBe('laura@example.com');

    // An attendee registers.
    expect((await ctx.app.request(`/api/webinars/${slug}/registrations`, json(VISITOR))).status).toBe(201);
    const feedBefore = parseCalendar(await (await ctx.app.request('/calendar.ics')).text()).events.find((e) => e.url?.endsWith(slug))!;

    // Move it an hour later.
    const later = first.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`);
    // Moving a published webinar asks first, saying who will be emailed; only the answer saves it.
    const asked = await post(`/admin/webinars/${slug}`, { ...draft, start: later, status: 'published', intent: 'save' });
    expect(asked.status).toBe(200);
    expect(textOf(one(parse(await asked.text()), '.confirm-audience'))).toBe('1 confirmed attendee and 1 speaker will be emailed an updated invitation.');
    expect(await ctx.db.selectFrom('outbox').select('id').where('kind', '=', 'webinar-updated').execute()).toEqual([]);
    const moved = await post(`/admin/webinars/${slug}`, { ...draft, start: later, status: 'published', intent: 'confirm-save' });
    expect(moved.status).toBe(303);
    const outbox = await page('/admin/outbox');
    expect(outbox.html).toContain('Changed: Scaling pilots in California');
    const update = await ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'webinar-updated').executeTakeFirstOrThrow();
    expect(update.to_address).toBe('wang.fang@example.cn');
    const feedAfter = parseCalendar(await (await ctx.app.request('/calendar.ics')).text()).events.find((e) => e.url?.endsWith(slug))!;
    expect(feedAfter.uid).toBe(feedBefore.uid);
    expect(feedAfter.sequence).toBe(feedBefore.sequence + 1);
    expect(new Date(feedAfter.start).getTime() - new Date(feedBefore.start).getTime()).toBe(3600_000);
    expect(parseCalendar(update.ics_content!).events[0]!.sequence).toBe(feedAfter.sequence);

    // After the webinar: slides and a recording, then one email per attendee.
    ctx.clock.set('2027-03-10T12:00:00Z');
    expect((await page('/admin')).res.status).toBe(303); // the session ended long ago
    await signIn();
    const slides = new FormData();
    slides.set('_csrf', csrf);
    slides.set('kind', 'slides');
    slides.set('title', 'Slides');
    slides.set('visibility', 'public');
    slides.set('file', new File([SAMPLES.pdf], 'california.pdf', { type: 'application/pdf' }));
    const uploaded = await ctx.app.request(`/admin/webinars/${slug}/materials`, { method: 'POST', body: slides, headers: { cookie, origin: ORIGIN } });
    expect(uploaded.status).toBe(303);
    const recording = await post(`/admin/webinars/${slug}/materials`, {
      kind: 'recording',
      title: 'Recording',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      visibility: 'public',
    });
    expect(recording.status).toBe(303);
    expect((await post(`/admin/webinars/${slug}/notify-materials`, {})).status).toBe(303);
    expect((await post(`/admin/webinars/${slug}/notify-materials`, {})).status).toBe(303);
    const materialEmails = await ctx.db.selectFrom('outbox').select('to_address').where('kind', 'like', 'material%').execute();
    expect(materialEmails).toEqual([{ to_address: 'wang.fang@example.cn' }]);

    const publicPage = await (await ctx.app.request(`/webinars/${slug}`)).text();
    expect(publicPage).toContain('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    const recordings = await (await ctx.app.request('/recordings')).text();
    expect(recordings).toContain('Scaling pilots in California');
    const feed = parseCalendar(await (await ctx.app.request('/calendar.ics')).text()).events.find((e) => e.url?.endsWith(slug))!;
    expect(feed.description).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(feed.description).toMatch(/Slides: https:\/\/hub\.example\.org\/materials\/\d+\//);
    // A whole journey of some thirty requests (the move now asks first): more than one test's usual time on a busy machine.
  }, 40_000);
});

describe('uploads through the whole app', () => {
  it('refuses an upload over 50 MB with 413 before reading it, and stores nothing', async () => {
    const { signInAsCoordinator } = await import('../helpers/admin-session.js');
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const body = new FormData();
    body.set('_csrf', session.csrf);
    body.set('kind', 'slides');
    body.set('title', 'Too big');
    body.set('visibility', 'public');
    body.set('file', new File([new Uint8Array(52 * 1024 * 1024)], 'big.pdf', { type: 'application/pdf' }));
    const res = await ctx.app.request('/admin/webinars/open-innovation-platforms-china/materials', { method: 'POST', body, headers: session.headers() });
    expect(res.status).toBe(413);
    expect(await ctx.db.selectFrom('material').select('id').execute()).toEqual([]);
  });
});
