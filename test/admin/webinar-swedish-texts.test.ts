// Coordinators give a webinar an optional Swedish title and abstract through the JSON API and the
// workspace's form: checked like the English ones, stored (on SQLite and PostgreSQL alike, this file
// runs on both), changed and taken away again, and refused with a message that names the field.
import { describe, expect, it } from 'vitest';
import { formValuesFromWebinar } from '../../src/admin/webinar-form-input.js';
import { ALL_STATUSES, getWebinarBySlug } from '../../src/programme/programme.service.js';
import { createTestApiToken, signInAsCoordinator } from '../helpers/admin-session.js';
import { attrs, one, parse, textOf, texts } from '../helpers/dom.js';
import { buildTestApp } from '../helpers/test-app.js';

const SLUG = 'pilots-with-startups-norway';
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function api(ctx: Ctx) {
  const token = await createTestApiToken(ctx);
  return (path: string, method: string, body: unknown) =>
    ctx.app.request(path, { method, body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
}

async function storedTexts(ctx: Ctx, slug = SLUG) {
  return ctx.db.selectFrom('webinar').select(['title', 'abstract', 'title_sv', 'abstract_sv', 'sequence']).where('slug', '=', slug).executeTakeFirstOrThrow();
}

const NEW_WEBINAR = { title: 'Scaling pilots', start: '2027-03-18T15:00', timezone: 'Europe/Stockholm', durationMinutes: 60 };

describe('the JSON API', () => {
  it('creates a webinar with a Swedish title and abstract, and one without', async () => {
    const ctx = await buildTestApp();
    const call = await api(ctx);
    const created = await call('/api/webinars', 'POST', { ...NEW_WEBINAR, titleSv: '  Att skala upp piloter ', abstractSv: 'Rad ett.\r\nRad två.' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      slug: 'scaling-pilots',
      title: 'Scaling pilots',
      titleSv: 'Att skala upp piloter',
      abstractSv: 'Rad ett.\nRad två.',
    });
    expect(await storedTexts(ctx, 'scaling-pilots')).toMatchObject({ title_sv: 'Att skala upp piloter', abstract_sv: 'Rad ett.\nRad två.' });

    const plain = await call('/api/webinars', 'POST', { ...NEW_WEBINAR, title: 'Plain', titleSv: '', abstractSv: null });
    expect(plain.status).toBe(201);
    expect(await plain.json()).toMatchObject({ slug: 'plain', titleSv: null, abstractSv: null });
    expect(await storedTexts(ctx, 'plain')).toMatchObject({ title_sv: null, abstract_sv: null });
  });

  it('changes the Swedish texts, takes them away with null or nothing, and leaves them when not sent', async () => {
    const ctx = await buildTestApp();
    const call = await api(ctx);
    const before = await storedTexts(ctx);
    const changed = await call(`/api/webinars/${SLUG}`, 'PATCH', { titleSv: 'Från pilot till avtal' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ titleSv: 'Från pilot till avtal', abstractSv: before.abstract_sv, changed: ['titleSv'] });
    // Words only: calendars are not told of a new version (SEQUENCE), as for the English title.
    expect(await storedTexts(ctx)).toEqual({ ...before, title_sv: 'Från pilot till avtal' });

    const untouched = await call(`/api/webinars/${SLUG}`, 'PATCH', { title: before.title });
    expect(await untouched.json()).toMatchObject({ titleSv: 'Från pilot till avtal', changed: [] });

    const removed = await call(`/api/webinars/${SLUG}`, 'PATCH', { titleSv: null, abstractSv: '  ' });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ titleSv: null, abstractSv: null, changed: ['titleSv', 'abstractSv'] });
    expect(await storedTexts(ctx)).toEqual({ ...before, title_sv: null, abstract_sv: null });
    const shown = await call(`/api/webinars/${SLUG}`, 'GET', undefined);
    expect(await shown.json()).toMatchObject({ title: before.title, titleSv: null, abstractSv: null });
  });

  it('refuses a Swedish title or abstract that the English fields would refuse, naming each, and stores nothing', async () => {
    const ctx = await buildTestApp();
    const call = await api(ctx);
    const before = await storedTexts(ctx);
    const refusals: Array<[body: Record<string, unknown>, fields: Record<string, string>]> = [
      [{ titleSv: 'x'.repeat(201) }, { titleSv: 'Swedish title must be at most 200 characters.' }],
      [{ titleSv: 'Rad ett\nRad två' }, { titleSv: 'Swedish title must be on one line.' }],
      [
        { titleSv: 42, abstractSv: ['en', 'lista'] },
        { titleSv: 'Swedish title must be text.', abstractSv: 'Swedish abstract must be text.' },
      ],
      [{ abstractSv: 'å'.repeat(5001) }, { abstractSv: 'Swedish abstract must be at most 5000 characters.' }],
      [{ abstractSv: 'Ett\u0007pip' }, { abstractSv: 'Swedish abstract contains control characters.' }],
    ];
    for (const [body, fields] of refusals) {
      const res = await call(`/api/webinars/${SLUG}`, 'PATCH', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(((await res.json()) as { fields: Record<string, string> }).fields).toEqual(fields);
    }
    const created = await call('/api/webinars', 'POST', { ...NEW_WEBINAR, titleSv: 'x'.repeat(201) });
    expect(created.status).toBe(422);
    expect(((await created.json()) as { fields: Record<string, string> }).fields).toEqual({ titleSv: 'Swedish title must be at most 200 characters.' });
    expect(await storedTexts(ctx)).toEqual(before);
    expect(await ctx.db.selectFrom('webinar').select('id').where('title', '=', NEW_WEBINAR.title).execute()).toEqual([]);
  });
});

describe('the workspace’s webinar form', () => {
  async function editForm(ctx: Ctx, session: Awaited<ReturnType<typeof signInAsCoordinator>>, language = 'en') {
    const res = await ctx.app.request(`/admin/webinars/${SLUG}`, { headers: session.headers({ 'accept-language': language }) });
    expect(res.status).toBe(200);
    return parse(await res.text());
  }

  it('shows the Swedish title and abstract under labels in the workspace’s language, marked as Swedish text', async () => {
    const ctx = await buildTestApp({ languages: ['en', 'sv'] });
    const session = await signInAsCoordinator(ctx);
    const stored = await storedTexts(ctx);
    const english = await editForm(ctx, session);
    expect(one(english, 'input[name="titleSv"]').getAttribute('value')).toBe(stored.title_sv);
    expect(one(english, 'input[name="titleSv"]').getAttribute('lang')).toBe('sv');
    expect(one(english, 'input[name="titleSv"]').getAttribute('maxlength')).toBe('200');
    expect(textOf(one(english, 'textarea[name="abstractSv"]'))).toBe(stored.abstract_sv);
    expect(one(english, 'textarea[name="abstractSv"]').getAttribute('lang')).toBe('sv');
    expect(texts(english, 'label[for="f-titleSv"], label[for="f-abstractSv"]')).toEqual(['Swedish title (optional)', 'Swedish abstract (optional)']);
    expect(textOf(one(english, '#f-titleSv-hint'))).toBe('Shown instead of the title to people who read the hub in Swedish. Left empty, they see the title.');
    // The English fields keep their place and names: the Swedish ones come after the abstract.
    expect(attrs(english, 'form[action$="/pilots-with-startups-norway"] [name]', 'name').slice(1, 6)).toEqual([
      'title',
      'areaSlug',
      'abstract',
      'titleSv',
      'abstractSv',
    ]);

    const swedish = await editForm(ctx, session, 'sv');
    expect(texts(swedish, 'label[for="f-titleSv"], label[for="f-abstractSv"]')).toEqual(['Svensk titel (valfritt)', 'Svensk sammanfattning (valfritt)']);
    expect(textOf(one(swedish, '#f-abstractSv-hint'))).toBe(
      'Visas i stället för sammanfattningen för den som läser hubben på svenska. Lämnar du fältet tomt visas sammanfattningen.',
    );
  });

  it('saves a changed Swedish title, takes an emptied abstract away, and shows both as saved', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const before = await storedTexts(ctx);
    const values = formValuesFromWebinar(await getWebinarBySlug(ctx.db, SLUG, ALL_STATUSES));
    const fields = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value ?? '')]));
    const saved = await ctx.app.request(
      `/admin/webinars/${SLUG}`,
      session.form({ ...fields, titleSv: ' Från pilot till avtal ', abstractSv: '', intent: 'save' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/admin/webinars/${SLUG}?done=saved`);
    expect(await storedTexts(ctx)).toEqual({ ...before, title_sv: 'Från pilot till avtal', abstract_sv: null });
    const shown = await editForm(ctx, session);
    expect(one(shown, 'input[name="titleSv"]').getAttribute('value')).toBe('Från pilot till avtal');
    expect(textOf(one(shown, 'textarea[name="abstractSv"]'))).toBe('');
  });

  it('shows the form again with the refusal and the text as typed, and stores nothing', async () => {
    const ctx = await buildTestApp();
    const session = await signInAsCoordinator(ctx);
    const before = await storedTexts(ctx);
    const values = formValuesFromWebinar(await getWebinarBySlug(ctx.db, SLUG, ALL_STATUSES));
    const fields = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value ?? '')]));
    const typed = `Från pilot till avtal ${'x'.repeat(200)}`;
    const refused = await ctx.app.request(`/admin/webinars/${SLUG}`, session.form({ ...fields, titleSv: typed, intent: 'save' }));
    expect(refused.status).toBe(422);
    const doc = parse(await refused.text());
    expect(texts(doc, '#f-titleSv-error')).toEqual(['Swedish title must be at most 200 characters.']);
    expect(attrs(doc, '#f-errors a', 'href')).toContain('#f-titleSv');
    expect(one(doc, 'input[name="titleSv"]').getAttribute('value')).toBe(typed);
    expect(one(doc, 'input[name="titleSv"]').getAttribute('aria-invalid')).toBe('true');
    expect(await storedTexts(ctx)).toEqual(before);
  });
});
