// Every place a zone is typed takes "Beijing" as Asia/Shanghai and answers "GMT+8" with "Did you
// mean" choices, storing nothing: registration (form and API), the personal page, the speaker's
// travelling zone, and the workspace's speaker, programme and webinar forms and the API.
import { describe, expect, it } from 'vitest';
import { rotateSpeakerLink } from '../../src/speakers/speaker-access.service.js';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { all, type DomDocument, one, parse, textOf } from '../helpers/dom.js';
import { form, json, VISITOR } from '../helpers/forms.js';
import { buildTestApp, tableCounts } from '../helpers/test-app.js';

type Ctx = Awaited<ReturnType<typeof buildTestApp>>;
const SLUG = 'pilots-with-startups-norway';
const OFFSET_MESSAGE =
  'Time zone “GMT+8” is a UTC offset, which does not say when summer time starts. Choose the place whose clock you follow: did you mean one of the places at UTC+08:00 now?';

/** The "Did you mean" radio buttons of a refused zone field: their name and their zones, in order. */
function choicesOf(page: DomDocument, name = 'timezoneChoice'): string[] {
  const radios = all(page, `.zone-choices input[type="radio"][name="${name}"]`);
  expect(textOf(one(page, '.zone-choices legend'))).toBe('Did you mean');
  return radios.map((radio) => radio.getAttribute('value') ?? '');
}

/** What a form would send as it stands: text fields, checked boxes, selected options, text areas. */
function fieldsOf(page: DomDocument, selector: string): Record<string, string> {
  const found = one(page, selector);
  const fields: Record<string, string> = {};
  for (const input of all(found, 'input[name]')) {
    const type = input.getAttribute('type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !input.hasAttribute('checked')) continue;
    fields[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
  }
  for (const select of all(found, 'select[name]')) {
    fields[select.getAttribute('name')!] = (select.querySelector('option[selected]') ?? select.querySelector('option'))?.getAttribute('value') ?? '';
  }
  for (const area of all(found, 'textarea[name]')) fields[area.getAttribute('name')!] = area.textContent ?? '';
  return fields;
}

async function attendeeZone(ctx: Ctx, email = VISITOR.email) {
  return (await ctx.db.selectFrom('attendee').select('zone').where('email', '=', email).executeTakeFirst())?.zone;
}

async function speakerZone(ctx: Ctx, slug: string) {
  return (await ctx.db.selectFrom('speaker').select('zone').where('slug', '=', slug).executeTakeFirstOrThrow()).zone;
}

describe('the registration form', () => {
  it('takes "Beijing" as Asia/Shanghai', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, timezone: 'Beijing' }));
    expect(res.status).toBe(303);
    expect(await attendeeZone(ctx)).toBe('Asia/Shanghai');
  });

  it('refuses "GMT+8" with choices, keeping what else was typed and storing nothing; a choice then registers', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, timezone: 'GMT+8' }));
    expect(res.status).toBe(422);
    const page = parse(await res.text());
    expect(textOf(one(page, '#reg-timezone-error'))).toBe(OFFSET_MESSAGE);
    expect(one(page, '#reg-timezone').getAttribute('value')).toBe('GMT+8');
    const choices = choicesOf(page);
    expect(choices.slice(0, 3)).toEqual(['Asia/Shanghai', 'Asia/Singapore', 'Asia/Hong_Kong']);
    expect(textOf(one(page, '.zone-choices li'))).toBe('Shanghai, China Asia/Shanghai · UTC+08:00 · now 20:00');
    expect(one(page, 'input[name="name"]').getAttribute('value')).toBe(VISITOR.name);
    expect(await tableCounts(ctx.db)).toEqual(before);

    // A choice taken while another field is refused stays taken.
    const elsewhere = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, name: '', timezone: 'GMT+8', timezoneChoice: 'Asia/Singapore' }));
    expect(elsewhere.status).toBe(422);
    const again = parse(await elsewhere.text());
    expect(one(again, '#reg-timezone').getAttribute('value')).toBe('Asia/Singapore');
    expect(all(again, '.zone-choices')).toEqual([]);
    const chosen = await ctx.app.request(`/webinars/${SLUG}/register`, form({ ...VISITOR, timezone: 'GMT+8', timezoneChoice: 'Asia/Singapore' }));
    expect(chosen.status).toBe(303);
    expect(await attendeeZone(ctx)).toBe('Asia/Singapore');
  });
});

describe('the registration API', () => {
  it('takes "Beijing" as Asia/Shanghai', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, timezone: 'Beijing' }));
    expect(res.status).toBe(201);
    expect(await attendeeZone(ctx)).toBe('Asia/Shanghai');
  });

  it('answers "GMT+8" with 422 and suggestions, storing nothing', async () => {
    const ctx = await buildTestApp();
    const before = await tableCounts(ctx.db);
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, timezone: 'GMT+8' }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { fields: Record<string, string>; suggestions: Array<{ zone: string; offset: string; datetime: string }> };
    expect(body.fields.timezone).toBe(OFFSET_MESSAGE);
    expect(body.suggestions[0]).toMatchObject({ zone: 'Asia/Shanghai', offset: 'UTC+08:00', datetime: '2027-02-01T20:00:00+08:00' });
    expect(body.suggestions.every((s) => s.offset === 'UTC+08:00')).toBe(true);
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('answers an unknown place with 422, a message saying what to type, and no suggestions', async () => {
    const ctx = await buildTestApp();
    const res = await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, timezone: 'Xyzzy' }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.fields).toEqual({
      timezone:
        'Time zone “Xyzzy” is not a place or time zone we know. Type a city or country, such as Beijing, Oslo or New York, or an IANA name such as Europe/Stockholm.',
    });
    expect(body.suggestions).toBeUndefined();
  });
});

describe('the personal page and the speaker page', () => {
  it('change an attendee’s zone to "Beijing" and refuse "GMT+8" with choices, changing nothing', async () => {
    const ctx = await buildTestApp();
    const created = (await (await ctx.app.request(`/api/webinars/${SLUG}/registrations`, json({ ...VISITOR, timezone: 'Europe/Oslo' }))).json()) as {
      personalUrl: string;
    };
    const path = new URL(created.personalUrl).pathname;
    const refused = await ctx.app.request(`${path}/zone`, form({ timezone: 'GMT+8' }));
    expect(refused.status).toBe(422);
    const page = parse(await refused.text());
    expect(choicesOf(page)[0]).toBe('Asia/Shanghai');
    expect(textOf(one(page, '#zone-timezone-error'))).toBe(OFFSET_MESSAGE);
    expect(await attendeeZone(ctx)).toBe('Europe/Oslo');
    const saved = await ctx.app.request(`${path}/zone`, form({ timezone: 'Beijing' }));
    expect(saved.status).toBe(303);
    expect(await attendeeZone(ctx)).toBe('Asia/Shanghai');
  });

  it('set a speaker’s travelling zone to "Beijing" and refuse "GMT+8" with choices, changing nothing', async () => {
    const ctx = await buildTestApp();
    const token = await rotateSpeakerLink(ctx.db, ctx.clock, 'chen-jing');
    await ctx.app.request(`/speaker/${token}/zone`, form({ timezone: 'Europe/Oslo' }));
    const refused = await ctx.app.request(`/speaker/${token}/zone`, form({ timezone: 'GMT+8' }));
    expect(refused.status).toBe(422);
    const page = parse(await refused.text());
    expect(choicesOf(page)[0]).toBe('Asia/Shanghai');
    expect(await speakerZone(ctx, 'chen-jing')).toBe('Europe/Oslo');
    expect((await ctx.app.request(`/speaker/${token}/zone`, form({ timezone: 'Beijing' }))).status).toBe(303);
    expect(await speakerZone(ctx, 'chen-jing')).toBe('Asia/Shanghai');
  });
});

describe('the workspace', () => {
  it('saves a speaker typed as "New York", and refuses "GMT+8" with choices that keep the form', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const fields = fieldsOf(parse(await (await ctx.app.request('/admin/speakers/chen-jing', { headers: session.headers() })).text()), 'form.stack');
    expect(fields.timezone).toBe('Asia/Shanghai');
    const refused = await ctx.app.request('/admin/speakers/chen-jing', session.form({ ...fields, timezone: 'GMT+8' }));
    expect(refused.status).toBe(422);
    const page = parse(await refused.text());
    expect(choicesOf(page)[0]).toBe('Asia/Shanghai');
    expect(one(page, 'input[name="name"]').getAttribute('value')).toBe(fields.name);
    const saved = await ctx.app.request('/admin/speakers/chen-jing', session.form({ ...fields, timezone: 'New York' }));
    expect(saved.status).toBe(303);
    expect(await speakerZone(ctx, 'chen-jing')).toBe('America/New_York');
  });

  it('saves the programme’s zone typed as "Oslo", and refuses "UTC+8" with choices', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const fields = fieldsOf(parse(await (await ctx.app.request('/admin/programme', { headers: session.headers() })).text()), 'form.stack');
    const refused = await ctx.app.request('/admin/programme', session.form({ ...fields, defaultZone: 'UTC+8' }));
    expect(refused.status).toBe(422);
    expect(choicesOf(parse(await refused.text()), 'defaultZoneChoice')[0]).toBe('Asia/Shanghai');
    const zoneNow = async () => (await ctx.db.selectFrom('programme').select('default_zone').executeTakeFirstOrThrow()).default_zone;
    expect(await zoneNow()).toBe('Europe/Stockholm');
    expect((await ctx.app.request('/admin/programme', session.form({ ...fields, defaultZone: 'Oslo' }))).status).toBe(303);
    expect(await zoneNow()).toBe('Europe/Oslo');
  });

  it('moves a webinar to a time typed in "Beijing", and refuses "GMT+8" with choices, moving nothing', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const form = parse(await (await ctx.app.request(`/admin/webinars/${SLUG}`, { headers: session.headers() })).text());
    const fields = fieldsOf(form, 'form.stack');
    const startNow = () => ctx.db.selectFrom('webinar').select(['start_local', 'start_zone']).where('slug', '=', SLUG).executeTakeFirstOrThrow();
    const before = await startNow();
    const refused = await ctx.app.request(`/admin/webinars/${SLUG}`, session.form({ ...fields, timezone: 'GMT+8' }));
    expect(refused.status).toBe(422);
    expect(choicesOf(parse(await refused.text()))[0]).toBe('Asia/Shanghai');
    expect(await startNow()).toEqual(before);
    // The same wall time in Beijing is another instant: a move, so the workspace asks first.
    const asked = await ctx.app.request(`/admin/webinars/${SLUG}`, session.form({ ...fields, timezone: 'Beijing' }));
    expect(asked.status).toBe(200);
    expect(await startNow()).toEqual(before);
    const saved = await ctx.app.request(`/admin/webinars/${SLUG}`, session.form({ ...fields, timezone: 'Beijing', intent: 'confirm-save' }));
    expect(saved.status).toBe(303);
    expect(await startNow()).toEqual({ start_local: before.start_local, start_zone: 'Asia/Shanghai' });
  });

  it('answers the API’s speaker and webinar changes in "GMT+8" with 422 and suggestions, and takes "Beijing"', async () => {
    const ctx = await buildTestApp();
    const auth = { authorization: `Bearer ${await createTestApiToken(ctx)}`, 'content-type': 'application/json' };
    const patch = (path: string, body: unknown) => ctx.app.request(path, { method: 'PATCH', headers: auth, body: JSON.stringify(body) });
    const refused = await patch('/api/speakers/chen-jing', { timezone: 'GMT+8' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { suggestions: Array<{ zone: string }> }).suggestions[0]?.zone).toBe('Asia/Shanghai');
    const zoneOfWebinar = async () => (await ctx.db.selectFrom('webinar').select('start_zone').where('slug', '=', SLUG).executeTakeFirstOrThrow()).start_zone;
    const webinarZoneBefore = await zoneOfWebinar();
    const webinar = await patch(`/api/webinars/${SLUG}`, { start: '2027-03-18T15:00', timezone: 'GMT+8' });
    expect(webinar.status).toBe(422);
    expect(((await webinar.json()) as { suggestions: Array<{ zone: string }> }).suggestions[0]?.zone).toBe('Asia/Shanghai');
    expect(await zoneOfWebinar()).toBe(webinarZoneBefore);
    expect(await speakerZone(ctx, 'chen-jing')).toBe('Asia/Shanghai');
    expect((await patch('/api/speakers/anna-lindqvist', { timezone: 'Beijing' })).status).toBe(200);
    expect(await speakerZone(ctx, 'anna-lindqvist')).toBe('Asia/Shanghai');
  });
});
