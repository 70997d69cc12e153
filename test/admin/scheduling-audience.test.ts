// The scheduling assistant sees the audience, through the real app: registered attendees' zones,
// the programme's audience zones setting, and "Suggest times" on the unsaved new-webinar form.
import { describe, expect, it } from 'vitest';
import { register } from '../../src/registration/registration.service.js';
import { getAudienceZones } from '../../src/programme/programme-admin.service.js';
import { signInAsCoordinator } from '../helpers/admin-session.js';
import { all, attrs, one, parse, texts } from '../helpers/dom.js';
import { buildTestApp, hasNestedForms, TEST_BASE_URL, tableCounts } from '../helpers/test-app.js';

const ORIGIN = { origin: TEST_BASE_URL };
// The demo's upcoming webinar with Ingrid Haugen (Oslo): Thursday 18 February 2027, 14:00 Stockholm.
const PILOTS = 'pilots-with-startups-norway';

async function setup() {
  const ctx = await buildTestApp({ now: '2027-02-01T12:00:00Z' });
  const session = await signInAsCoordinator(ctx);
  const get = async (path: string) => {
    const res = await ctx.app.request(path, { headers: session.headers() });
    return { status: res.status, html: await res.text() };
  };
  const post = async (path: string, fields: Record<string, string>) => {
    const res = await ctx.app.request(path, session.form(fields, ORIGIN));
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };
  const registerMany = async (zone: string, count: number, prefix: string) => {
    for (let i = 0; i < count; i++) {
      await register({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL }, [PILOTS], {
        name: `Attendee ${prefix} ${i}`,
        email: `${prefix}${i}@example.org`,
        organisation: 'Example',
        organisationType: 'startup',
        timezone: zone,
        question: null,
      });
    }
  };
  return { ...ctx, session, get, post, registerMany };
}

/** The settings form as it is, with some fields changed. */
function settings(fields: Record<string, string>) {
  return {
    title: 'Innovation collaboration between small and large companies',
    tagline: 'A webinar series',
    description: 'A description.',
    organiserName: 'Chalmers',
    organiserEmail: 'innovation-webinars@example.org',
    defaultZone: 'Europe/Stockholm',
    audienceZones: '',
    ...fields,
  };
}

describe('where the audience is, on a saved webinar', () => {
  it('groups confirmed and waiting attendees by zone with each group’s local time, leaving out cancelled ones', async () => {
    const ctx = await setup();
    await ctx.registerMany('Asia/Shanghai', 12, 'sh');
    await ctx.registerMany('Europe/Stockholm', 5, 'st');
    await ctx.registerMany('America/New_York', 2, 'ny');
    // One waiting in Shanghai counts; the cancelled ones in New York do not.
    await ctx.db.updateTable('registration').set({ status: 'waitlisted' }).where('attendee_id', '=', 1).execute();
    await ctx.db
      .updateTable('registration')
      .set({ status: 'cancelled' })
      .where('attendee_id', 'in', (eb) => eb.selectFrom('attendee').select('id').where('zone', '=', 'America/New_York'))
      .execute();

    const { status, html } = await ctx.get(`/admin/webinars/${PILOTS}`);
    expect(status).toBe(200);
    const doc = parse(html);
    expect(texts(doc, '#audience-heading')).toEqual(['Where the audience is']);
    expect(texts(doc, '.audience p')).toEqual(['Registered attendees (confirmed and waiting) by their time zone.']);
    expect(texts(doc, '.audience-where')).toEqual(['12 in Asia/Shanghai (China Standard Time)', '5 in Europe/Stockholm (Central European Time)']);
    // 14:00 in Stockholm is 21:00–22:00 in Shanghai: evening, not night.
    expect(attrs(doc, '.audience-list time', 'datetime')).toEqual([
      '2027-02-18T21:00:00+08:00',
      '2027-02-18T22:00:00+08:00',
      '2027-02-18T14:00:00+01:00',
      '2027-02-18T15:00:00+01:00',
    ]);
    expect(texts(doc, '.night-flag')).toEqual([]);

    // Checking 17:00 instead: midnight in Shanghai for 12 of the 17.
    const values: Record<string, string> = {};
    for (const input of all(doc, `form[action="/admin/webinars/${PILOTS}"] input, form[action="/admin/webinars/${PILOTS}"] select`)) {
      const name = input.getAttribute('name');
      if (!name || name === '_csrf') continue;
      values[name] = input.tagName === 'SELECT' ? (input.querySelector('option[selected]')?.getAttribute('value') ?? '') : (input.getAttribute('value') ?? '');
    }
    const before = await tableCounts(ctx.db);
    const checked = await ctx.post(`/admin/webinars/${PILOTS}`, { ...values, abstract: 'x', start: '2027-02-18T17:00', intent: 'check' });
    expect(checked.status).toBe(200);
    const warned = parse(checked.html);
    expect(texts(warned, '.notice.warn li')).toContain(
      'At night (22:00–07:00) for 12 of 17 registered attendees (71 %): 12 in Asia/Shanghai (00:00–01:00 GMT+8)',
    );
    expect(texts(warned, 'li.at-night .audience-where')).toEqual(['12 in Asia/Shanghai (China Standard Time)']);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('uses the programme’s audience zones before anyone registers, by default the programme’s and the speakers’ zones', async () => {
    const ctx = await setup();
    expect(await getAudienceZones(ctx.db)).toEqual({
      zones: ['Europe/Stockholm', 'Asia/Shanghai', 'Europe/Oslo', 'America/Los_Angeles', 'America/New_York'],
      isDefault: true,
    });
    const doc = parse((await ctx.get(`/admin/webinars/${PILOTS}`)).html);
    expect(texts(doc, '.audience p')[0]).toMatch(/^Nobody has registered yet: the programme’s zone and its speakers’ zones\./);
    expect(texts(doc, '.audience-where')).toEqual([
      'Europe/Stockholm (Central European Time)',
      'Asia/Shanghai (China Standard Time)',
      'Europe/Oslo (Central European Time)',
      'America/Los_Angeles (Pacific Time)',
      'America/New_York (Eastern Time)',
    ]);
    // 14:00 Stockholm is 05:00 in Los Angeles: night there, shown, but 1 zone of 5 is no warning.
    expect(texts(doc, 'li.at-night .audience-where')).toEqual(['America/Los_Angeles (Pacific Time)']);
    expect(texts(doc, '.notice.warn li').filter((w) => w.startsWith('At night'))).toEqual([]);
  });
});

describe('the audience zones setting', () => {
  it('saves a list of zones, spelled canonically and once each, which then is the audience', async () => {
    const ctx = await setup();
    const saved = await ctx.post('/admin/programme', settings({ audienceZones: 'asia/shanghai, Asia/Shanghai\nEurope/Oslo' }));
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/admin/programme?done=saved');
    const row = await ctx.db.selectFrom('programme').select('audience_zones').executeTakeFirstOrThrow();
    expect(row.audience_zones).toBe('Asia/Shanghai Europe/Oslo');
    expect(await getAudienceZones(ctx.db)).toEqual({ zones: ['Asia/Shanghai', 'Europe/Oslo'], isDefault: false });

    const page = parse((await ctx.get('/admin/programme')).html);
    expect(one(page, 'textarea[name="audienceZones"]').textContent).toBe('Asia/Shanghai\nEurope/Oslo');
    expect(texts(page, '#f-audienceZones-hint')[0]).toContain(
      'Empty: the programme’s zone and the speakers’ zones, now Europe/Stockholm, Asia/Shanghai, Europe/Oslo, America/Los_Angeles, America/New_York.',
    );
    const webinar = parse((await ctx.get(`/admin/webinars/${PILOTS}`)).html);
    expect(texts(webinar, '.audience-where')).toEqual(['Asia/Shanghai (China Standard Time)', 'Europe/Oslo (Central European Time)']);
  });

  it('refuses an unknown zone with a message naming it, and stores nothing', async () => {
    const ctx = await setup();
    const before = await ctx.db.selectFrom('programme').selectAll().executeTakeFirstOrThrow();
    const refused = await ctx.post('/admin/programme', settings({ title: 'Changed title', audienceZones: 'Asia/Beijing\nEurope/Stockholm\nCET' }));
    expect(refused.status).toBe(422);
    const doc = parse(refused.html);
    const message = 'Audience time zones: "Asia/Beijing", "CET" are not known IANA time zones; write them like Asia/Shanghai or America/New_York.';
    expect(texts(doc, '#f-audienceZones-error')).toEqual([message]);
    expect(attrs(doc, '.error-summary a, [role="alert"] a', 'href')).toContain('#f-audienceZones');
    // What was typed stays in the field.
    expect(one(doc, 'textarea[name="audienceZones"]').textContent).toBe('Asia/Beijing\nEurope/Stockholm\nCET');
    expect(await ctx.db.selectFrom('programme').selectAll().executeTakeFirstOrThrow()).toEqual(before);
  });
});

describe('"Suggest times" on the new-webinar form', () => {
  const typed = {
    title: 'Open innovation in Shanghai, part two',
    slug: '',
    areaSlug: 'innovation-hubs',
    abstract: 'Typed, not saved.',
    start: '',
    timezone: 'Europe/Stockholm',
    offset: '',
    durationMinutes: '60',
    capacity: '80',
    registrationClosesMinutesBefore: '0',
    joinUrl: '',
    speakerJoinUrl: '',
    techCheckMinutes: '30',
    status: 'draft',
    'role_chen-jing': 'speaker',
    'role_sarah-goldberg': 'moderator',
    suggestFrom: '2027-03-15',
    suggestTo: '2027-03-19',
  };

  it('suggests times for the speakers chosen in the form, keeps every typed value and stores nothing', async () => {
    const ctx = await setup();
    const blank = parse((await ctx.get('/admin/new-webinar')).html);
    expect(attrs(blank, 'button[name="intent"][value="suggest"]', 'type')).toEqual(['submit']);
    const before = await tableCounts(ctx.db);

    const res = await ctx.post('/admin/webinars', { ...typed, intent: 'suggest' });
    expect(res.status).toBe(200);
    expect(hasNestedForms(res.html)).toBe(false);
    const doc = parse(res.html);
    expect(one(doc, 'input[name="title"]').getAttribute('value')).toBe(typed.title);
    expect(one(doc, 'textarea[name="abstract"]').textContent).toBe(typed.abstract);
    expect(one(doc, 'input[name="capacity"]').getAttribute('value')).toBe('80');
    expect(one(doc, 'select[name="role_chen-jing"] option[selected]').getAttribute('value')).toBe('speaker');
    expect(one(doc, 'select[name="role_sarah-goldberg"] option[selected]').getAttribute('value')).toBe('moderator');
    expect(one(doc, 'input[name="suggestFrom"]').getAttribute('value')).toBe('2027-03-15');
    // Shanghai (Chen Jing) and New York (Sarah Goldberg) share no working hours in March: nothing fits.
    expect(texts(doc, '#suggestions .notice.info')[0]).toMatch(/^No time in this range keeps every speaker within 08:00–20:00/);
    expect(await tableCounts(ctx.db)).toEqual(before);

    // Without the New York moderator, times come; each is a button of the same form.
    const { 'role_sarah-goldberg': _, ...chenOnly } = typed;
    const found = await ctx.post('/admin/webinars', { ...chenOnly, intent: 'suggest' });
    expect(found.status).toBe(200);
    const list = parse(found.html);
    const starts = attrs(list, '#suggestions button[name="useStart"]', 'value');
    expect(starts.length).toBeGreaterThan(0);
    expect(one(list, '#suggestions button[name="useStart"]').closest('form')?.getAttribute('action')).toBe('/admin/webinars');
    // Chen Jing's day (08:00–20:00 Shanghai, check included) is 01:30–13:00 Stockholm. Of the default
    // audience zones, Los Angeles is at night all that time; 12:00 (07:00 in New York) is the first
    // start with nobody else at night, though late in Chen Jing's day.
    expect(starts[0]).toBe('2027-03-15T12:00');
    expect(texts(list, '#suggestions li > span.small')[0]).toBe(
      'Up to 4 h outside 10:00–16:00 for a speaker or the host; night only in Los Angeles. · Chen Jing (陈静) 19:00–20:00 GMT+8',
    );
    expect(await tableCounts(ctx.db)).toEqual(before);

    // Taking one: the form comes back with that start in the programme zone, checked, all else kept.
    const taken = await ctx.post('/admin/webinars', { ...chenOnly, useStart: starts[0]! });
    expect(taken.status).toBe(200);
    const back = parse(taken.html);
    expect(one(back, 'input[name="start"]').getAttribute('value')).toBe(starts[0]);
    expect(one(back, 'input[name="timezone"]').getAttribute('value')).toBe('Europe/Stockholm');
    expect(one(back, 'input[name="title"]').getAttribute('value')).toBe(typed.title);
    expect(texts(back, '#scheduling-heading')).toEqual(['Speakers’ local times']);
    expect(texts(back, '#audience-heading')).toEqual(['Where the audience is']);
    expect(texts(back, 'section[aria-labelledby="scheduling-heading"] td .clock-date').some((t) => t.startsWith('Technical check'))).toBe(true);
    expect(await tableCounts(ctx.db)).toEqual(before);

    // "Check this time" on the filled-in form keeps the suggestions beside it; only "Create" stores.
    const checked = await ctx.post('/admin/webinars', { ...chenOnly, start: starts[0]!, intent: 'check' });
    expect(checked.status).toBe(200);
    expect(attrs(parse(checked.html), '#suggestions button[name="useStart"]', 'value')).toEqual(starts);
    expect(await tableCounts(ctx.db)).toEqual(before);
    const created = await ctx.post('/admin/webinars', { ...chenOnly, start: starts[0]!, intent: 'save' });
    expect(created.status).toBe(303);
    const row = await ctx.db.selectFrom('webinar').select(['title', 'start_local', 'start_zone']).where('title', '=', typed.title).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: typed.title, start_local: starts[0], start_zone: 'Europe/Stockholm' });
  });

  it('says what is wrong with the range and the duration, 422, and stores nothing', async () => {
    const ctx = await setup();
    const before = await tableCounts(ctx.db);
    const backwards = await ctx.post('/admin/webinars', { ...typed, suggestFrom: '2027-03-19', suggestTo: '2027-03-15', intent: 'suggest' });
    expect(backwards.status).toBe(422);
    const doc = parse(backwards.html);
    expect(texts(doc, '#f-suggestTo-error')).toEqual(['The last day must be on or after the first day.']);
    expect(attrs(doc, 'a[href="#f-suggestTo"]', 'href')).toEqual(['#f-suggestTo']);
    const badDuration = await ctx.post('/admin/webinars', { ...typed, durationMinutes: 'an hour', intent: 'suggest' });
    expect(badDuration.status).toBe(422);
    expect(texts(parse(badDuration.html), '#f-durationMinutes-error')).toEqual(['Duration (minutes) must be a whole number.']);
    // A session longer than a 08:00–20:00 day cannot be suggested: said on the duration field.
    const tooLong = await ctx.post('/admin/webinars', { ...typed, durationMinutes: '780', intent: 'suggest' });
    expect(tooLong.status).toBe(422);
    expect(texts(parse(tooLong.html), '#f-durationMinutes-error')).toEqual([
      'Enter a duration between 1 and 720 minutes: a session must fit in a 08:00–20:00 day.',
    ]);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });
});
