// Editing a material in place (title, visibility, a link's address) from the workspace and the API:
// the cached public pages change at once, nobody is emailed, and a refused edit changes nothing.
import { describe, expect, it } from 'vitest';
import { addMaterial } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { register } from '../../src/registration/registration.service.js';
import { createTestApiToken, signInAsCoordinator, type AdminSession } from '../helpers/admin-session.js';
import { all, attrs, one, parse, textOf } from '../helpers/dom.js';
import { TEST_BASE_URL, buildTestApp, hasNestedForms, tableCounts } from '../helpers/test-app.js';
import { PAST_CHINA, PAST_CVC, SAMPLES } from './material-helpers.js';

const NOW = '2027-02-01T12:00:00Z';
type Ctx = Awaited<ReturnType<typeof buildTestApp>>;

async function setUp() {
  const ctx = await buildTestApp({ now: NOW });
  const deps = { db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL };
  const add = async (input: Record<string, string>, file?: { name: string; bytes: Uint8Array }) => {
    const validated = validateMaterial(input, file);
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    return (await addMaterial(deps, PAST_CVC, validated.value)).material;
  };
  // Someone registered while registration was open, who would be emailed if anything were announced.
  ctx.clock.set('2026-12-01T08:00:00Z');
  await register(deps, [PAST_CVC], {
    name: 'One',
    email: 'one@example.org',
    organisation: 'Example AB',
    organisationType: 'startup',
    timezone: 'Europe/Stockholm',
    question: null,
  });
  ctx.clock.set(NOW);
  const session = await signInAsCoordinator(ctx);
  return { ...ctx, add, session };
}

async function materialRow(ctx: Ctx, id: number) {
  return ctx.db.selectFrom('material').select(['title', 'visibility', 'url', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function outboxCount(ctx: Ctx): Promise<number> {
  return (await ctx.db.selectFrom('outbox').select('id').execute()).length;
}

async function publicPage(ctx: Ctx, path = `/webinars/${PAST_CVC}`): Promise<string> {
  const res = await ctx.app.request(path);
  expect(res.status).toBe(200);
  return res.text();
}

function edit(session: AdminSession, id: number, fields: Record<string, string>, slug = PAST_CVC) {
  return [`/admin/webinars/${slug}/materials/${id}/edit`, session.form(fields)] as const;
}

describe('editing a material in the workspace', () => {
  it('renames a link and makes it attendees-only: the cached public pages change at once, and nobody is emailed', async () => {
    const ctx = await setUp();
    const link = await ctx.add({ kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    // Warm the public caches first, so that the test proves they follow the change.
    expect(await publicPage(ctx)).toContain('Further reading');
    expect(await publicPage(ctx, '/recordings')).toContain('Further reading');
    const emailsBefore = await outboxCount(ctx);

    ctx.clock.advance(10);
    const renamed = await ctx.app.request(...edit(ctx.session, link.id, { title: 'Reading list', visibility: 'public', url: 'https://example.org/list' }));
    expect(renamed.status).toBe(303);
    expect(renamed.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}?edited=${link.id}#materials`);
    expect(await materialRow(ctx, link.id)).toEqual({
      title: 'Reading list',
      visibility: 'public',
      url: 'https://example.org/list',
      updated_at: '2027-02-01T12:10:00Z',
    });
    const page = await publicPage(ctx);
    expect(page).not.toContain('Further reading');
    expect(attrs(parse(page), 'a[href="https://example.org/list"]', 'href')).toEqual(['https://example.org/list']);

    const hidden = await ctx.app.request(...edit(ctx.session, link.id, { title: 'Reading list', visibility: 'attendees', url: 'https://example.org/list' }));
    expect(hidden.status).toBe(303);
    expect((await materialRow(ctx, link.id)).visibility).toBe('attendees');
    expect(await publicPage(ctx)).not.toContain('Reading list');
    expect(await publicPage(ctx, '/recordings')).not.toContain('Reading list');
    expect(await outboxCount(ctx)).toBe(emailsBefore);

    // The webinar's workspace page says what happened.
    const admin = await ctx.app.request(`/admin/webinars/${PAST_CVC}?edited=${link.id}`, { headers: ctx.session.headers() });
    const adminHtml = await admin.text();
    expect(hasNestedForms(adminHtml)).toBe(false);
    const doc = parse(adminHtml);
    expect(textOf(one(doc, '#materials p.notice.ok'))).toBe(
      'Saved “Reading list”. The webinar page, the recordings page and the calendar feeds show it now; nobody was emailed.',
    );
    // Each material has its own edit form, filled in with what is stored now.
    const form = one(doc, `#material-${link.id}-edit form`);
    expect(form.getAttribute('action')).toBe(`/admin/webinars/${PAST_CVC}/materials/${link.id}/edit`);
    expect(attrs(form, `#material-${link.id}-title`, 'value')).toEqual(['Reading list']);
    expect(attrs(form, `#material-${link.id}-url`, 'value')).toEqual(['https://example.org/list']);
    expect(attrs(form, 'input[type="radio"][checked]', 'value')).toEqual(['attendees']);
    expect(attrs(doc, `a[href="#material-${link.id}-title"]`, 'aria-label')).toEqual(['Edit “Reading list”']);
  });

  it('offers no address field for an uploaded file, and keeps its file when renamed', async () => {
    const ctx = await setUp();
    const slides = await ctx.add({ kind: 'slides', title: 'Slides' }, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    const admin = parse(await (await ctx.app.request(`/admin/webinars/${PAST_CVC}`, { headers: ctx.session.headers() })).text());
    expect(all(admin, `#material-${slides.id}-edit input[name="url"]`)).toHaveLength(0);
    const res = await ctx.app.request(...edit(ctx.session, slides.id, { title: 'Slides from the talk', visibility: 'public' }));
    expect(res.status).toBe(303);
    expect(await materialRow(ctx, slides.id)).toMatchObject({ title: 'Slides from the talk', url: null });
    const file = await ctx.app.request(`/materials/${slides.id}/deck.pdf`);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(SAMPLES.pdf);
  });

  it('refuses a bad edit with 422, the messages beside the fields in the open form, and changes nothing', async () => {
    const ctx = await setUp();
    const link = await ctx.add({ kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    const counts = await tableCounts(ctx.db);
    const before = await materialRow(ctx, link.id);
    const res = await ctx.app.request(...edit(ctx.session, link.id, { title: '  ', visibility: 'friends', url: 'http://example.org/plain' }));
    expect(res.status).toBe(422);
    const doc = parse(await res.text());
    const details = one(doc, `#material-${link.id}-edit`);
    expect(details.hasAttribute('open')).toBe(true);
    expect(textOf(one(details, `#material-${link.id}-title-error`))).toBe('Title is required.');
    expect(textOf(one(details, `#material-${link.id}-url-error`))).toBe('Address must be a full https:// address.');
    expect(textOf(one(details, `#material-${link.id}-visibility-error`))).toBe('Visibility must be one of: public, attendees.');
    expect(attrs(details, `#material-${link.id}-errors a`, 'href')).toEqual([
      `#material-${link.id}-title`,
      `#material-${link.id}-visibility`,
      `#material-${link.id}-url`,
    ]);
    // What was typed is kept, so that it can be corrected.
    expect(attrs(details, `#material-${link.id}-url`, 'value')).toEqual(['http://example.org/plain']);
    expect(await materialRow(ctx, link.id)).toEqual(before);
    expect(await tableCounts(ctx.db)).toEqual(counts);
  });

  it('answers 404 for a material of another webinar or an id that is no number, changing nothing', async () => {
    const ctx = await setUp();
    const link = await ctx.add({ kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    const wrong = await ctx.app.request(...edit(ctx.session, link.id, { title: 'Taken over', visibility: 'public', url: 'https://example.org/x' }, PAST_CHINA));
    expect(wrong.status).toBe(404);
    const nonsense = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials/abc/edit`, ctx.session.form({ title: 'X' }));
    expect(nonsense.status).toBe(404);
    expect((await materialRow(ctx, link.id)).title).toBe('Further reading');
  });

  it('refuses an edit without the session’s CSRF token', async () => {
    const ctx = await setUp();
    const link = await ctx.add({ kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    const res = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials/${link.id}/edit`, {
      ...ctx.session.form({ title: 'Forged', visibility: 'public', url: 'https://example.org/reading' }),
      body: new URLSearchParams({ _csrf: 'forged', title: 'Forged' }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await materialRow(ctx, link.id)).title).toBe('Further reading');
  });
});

describe('PATCH /api/webinars/:slug/materials/:id', () => {
  function patch(token: string, body: unknown): RequestInit {
    return { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
  }

  it('changes only the fields sent, answers the material, and the public page follows at once without an email', async () => {
    const ctx = await setUp();
    const recording = await ctx.add({ kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' });
    const token = await createTestApiToken(ctx, { coordinatorId: ctx.session.coordinatorId });
    expect(await publicPage(ctx)).toContain('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    const emailsBefore = await outboxCount(ctx);

    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials/${recording.id}`, patch(token, { url: 'https://vimeo.com/76979871' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: recording.id,
      webinar: PAST_CVC,
      kind: 'recording',
      title: 'Recording',
      visibility: 'public',
      url: 'https://vimeo.com/76979871',
      file: null,
    });
    const page = await publicPage(ctx);
    expect(page).not.toContain('youtube-nocookie');
    expect(page).toContain('https://player.vimeo.com/video/76979871?dnt=1');

    const hidden = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials/${recording.id}`, patch(token, { visibility: 'attendees' }));
    expect(hidden.status).toBe(200);
    expect(await publicPage(ctx)).not.toContain('player.vimeo.com');
    expect(await outboxCount(ctx)).toBe(emailsBefore);
  });

  it('applies two edits sent at once, each to its own field, without one undoing the other', async () => {
    const ctx = await setUp();
    const link = await ctx.add({ kind: 'link', title: 'Further reading', url: 'https://example.org/reading' });
    const token = await createTestApiToken(ctx, { coordinatorId: ctx.session.coordinatorId });
    const path = `/api/webinars/${PAST_CVC}/materials/${link.id}`;
    const [title, visibility] = await Promise.all([
      ctx.app.request(path, patch(token, { title: 'Reading list' })),
      ctx.app.request(path, patch(token, { visibility: 'attendees' })),
    ]);
    expect([title.status, visibility.status]).toEqual([200, 200]);
    expect(await materialRow(ctx, link.id)).toMatchObject({ title: 'Reading list', visibility: 'attendees', url: 'https://example.org/reading' });
  });

  it('answers 422 per field, 400 for a body that is not JSON, 404 for unknown ones and 401 without a token, changing nothing', async () => {
    const ctx = await setUp();
    const slides = await ctx.add({ kind: 'slides', title: 'Slides' }, { name: 'deck.pdf', bytes: SAMPLES.pdf });
    const token = await createTestApiToken(ctx, { coordinatorId: ctx.session.coordinatorId });
    const counts = await tableCounts(ctx.db);
    const before = await materialRow(ctx, slides.id);
    const path = `/api/webinars/${PAST_CVC}/materials/${slides.id}`;

    const invalid = await ctx.app.request(path, patch(token, { title: '', visibility: 'everyone', url: 'https://example.org/s.pdf' }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error:
        'Title is required. Visibility must be one of: public, attendees. An uploaded file has no address to change: delete it and upload the new file, or add the address as a new material.',
      fields: {
        title: 'Title is required.',
        visibility: 'Visibility must be one of: public, attendees.',
        url: 'An uploaded file has no address to change: delete it and upload the new file, or add the address as a new material.',
      },
    });
    const kind = await ctx.app.request(path, patch(token, { kind: 'link' }));
    expect(kind.status).toBe(422);
    expect(await kind.json()).toEqual({
      error: 'kind cannot be changed (only title, visibility, url).',
      fields: { kind: 'kind cannot be changed (only title, visibility, url).' },
    });
    const notText = await ctx.app.request(path, patch(token, { title: 42 }));
    expect(notText.status).toBe(422);
    const form = await ctx.app.request(path, { method: 'PATCH', body: 'title=x', headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` } });
    expect(form.status).toBe(400);
    expect((await ctx.app.request(`/api/webinars/${PAST_CHINA}/materials/${slides.id}`, patch(token, { title: 'X' }))).status).toBe(404);
    expect((await ctx.app.request(`/api/webinars/${PAST_CVC}/materials/999999`, patch(token, { title: 'X' }))).status).toBe(404);
    const anonymous = await ctx.app.request(path, { method: 'PATCH', body: '{"title":"X"}', headers: { 'content-type': 'application/json' } });
    expect(anonymous.status).toBe(401);
    expect(await materialRow(ctx, slides.id)).toEqual(before);
    expect(await tableCounts(ctx.db)).toEqual(counts);
  });
});
