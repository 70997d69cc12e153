import { Hono, type MiddlewareHandler } from 'hono';
import { refuseInserts } from '../helpers/test-database.js';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { AppEnv } from '../../src/http/env.js';
import { handleErrors } from '../../src/http/error-handler.js';
import { UPLOAD_BODY_LIMIT, materialAdminRoutes } from '../../src/materials/material.routes.js';
import { addMaterial } from '../../src/materials/material.service.js';
import { validateMaterial } from '../../src/materials/material.validation.js';
import { lockWebinars } from '../../src/programme/programme.service.js';
import { updateWebinar } from '../../src/programme/webinar.service.js';
import { attrs, one, parse, textOf } from '../helpers/dom.js';
import { json } from '../helpers/forms.js';
import { TEST_BASE_URL, datetimes, tableCounts } from '../helpers/test-app.js';
import {
  CSRF,
  PAST_CHINA,
  PAST_CVC,
  SAMPLES,
  UPCOMING,
  buildMaterialsApp,
  chunkSizes,
  largePdf,
  registerBefore,
  storedFiles,
  upload,
  type MaterialsCtx,
} from './material-helpers.js';

const PDF = 'application/pdf';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

async function materialRows(ctx: MaterialsCtx) {
  return ctx.db.selectFrom('material').selectAll().orderBy('id').execute();
}

async function webinarRow(ctx: MaterialsCtx, slug: string) {
  return ctx.db.selectFrom('webinar').select(['id', 'updated_at', 'sequence']).where('slug', '=', slug).executeTakeFirstOrThrow();
}

/** Adds a material through the service, as a test's starting point. */
async function seedMaterial(ctx: MaterialsCtx, slug: string, input: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const validated = validateMaterial(input, file);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return (await addMaterial(ctx.deps, slug, validated.value)).material;
}

describe('uploading slides in the admin area', () => {
  it('stores the file under a random name with the detected type, and moves the webinar’s updated_at but not its sequence', async () => {
    const ctx = await buildMaterialsApp();
    const before = await webinarRow(ctx, PAST_CVC);
    ctx.clock.advance(90);
    const res = await ctx.app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload(
        { _csrf: CSRF, kind: 'slides', title: 'Slides', visibility: 'public', url: '' },
        { name: 'CVC lessons.pdf', bytes: SAMPLES.pdf, type: 'application/x-msdownload' },
      ),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}#materials`);

    const [row] = await materialRows(ctx);
    expect(row).toMatchObject({
      webinar_id: before.id,
      kind: 'slides',
      title: 'Slides',
      url: null,
      original_name: 'CVC lessons.pdf',
      content_type: PDF,
      size_bytes: SAMPLES.pdf.length,
      visibility: 'public',
      position: 0,
      created_at: '2027-02-01T13:30:00Z',
    });
    expect(row!.file_name).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(await storedFiles(ctx.db)).toEqual([row!.file_name]);
    const [piece] = await ctx.db.selectFrom('file_chunk').select(['seq', 'data']).execute();
    expect({ seq: piece!.seq, data: new Uint8Array(piece!.data) }).toEqual({ seq: 0, data: SAMPLES.pdf });
    expect(await webinarRow(ctx, PAST_CVC)).toEqual({ ...before, updated_at: '2027-02-01T13:30:00Z' });
  });

  it('takes the extension from the bytes: a PowerPoint called .pdf is stored and served as .pptx', async () => {
    const ctx = await buildMaterialsApp();
    const res = await ctx.app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload({ kind: 'slides', title: 'Deck' }, { name: 'deck.pdf', bytes: SAMPLES.pptx }),
    );
    expect(res.status).toBe(303);
    const [row] = await materialRows(ctx);
    expect(row!.file_name).toMatch(/^[0-9a-f]{32}\.pptx$/);
    expect(row!.content_type).toBe(PPTX);
    const file = await ctx.app.request(`/materials/${row!.id}/deck.pptx`);
    expect(file.headers.get('content-type')).toBe(PPTX);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="deck.pptx"; filename*=UTF-8''deck.pptx`);
  });

  it('accepts a recording link from a urlencoded form', async () => {
    const ctx = await buildMaterialsApp();
    const body = new URLSearchParams({ _csrf: CSRF, kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ', visibility: 'public' });
    const res = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    expect(await materialRows(ctx)).toMatchObject([{ kind: 'recording', url: 'https://youtu.be/dQw4w9WgXcQ', file_name: null, content_type: null }]);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('refuses bad input with 422, the form again with every message, and stores nothing', async () => {
    const ctx = await buildMaterialsApp();
    const counts = await tableCounts(ctx.db);
    const res = await ctx.app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload({ _csrf: CSRF, kind: 'slides', title: '', visibility: 'friends' }, { name: 'slides.pdf', bytes: SAMPLES.exe }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('3 things to fix');
    expect(html).toContain('<span class="error" id="material-title-error">Title is required.</span>');
    expect(html).toContain('<span class="error" id="material-visibility-error">Visibility must be one of: public, attendees.</span>');
    // The radios: the first carries the field's id for the summary's link, the refused value falls back to "Everyone".
    const doc = parse(html);
    expect(attrs(doc, '#material-errors a[href="#material-visibility"]', 'href')).toEqual(['#material-visibility']);
    const radios = one(doc, 'fieldset[aria-describedby="material-visibility-error"]');
    expect(textOf(one(radios, 'legend'))).toBe('Visible to');
    expect(attrs(radios, 'input[type="radio"]', 'id')).toEqual(['material-visibility', 'material-visibility-attendees']);
    expect(attrs(radios, 'input[type="radio"]', 'value')).toEqual(['public', 'attendees']);
    expect(attrs(radios, 'label', 'for')).toEqual(['material-visibility', 'material-visibility-attendees']);
    expect(attrs(radios, 'input[checked]', 'value')).toEqual(['public']);
    expect(attrs(radios, 'input[type="radio"]', 'aria-invalid')).toEqual(['true', 'true']);
    expect(html).toContain('This file is not a PDF, a PowerPoint (.pptx), an OpenDocument presentation (.odp) or a Keynote (.key) file.');
    expect(html).toContain(`<input type="hidden" name="_csrf" value="${CSRF}"/>`);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('accept=".pdf,.pptx,.odp,.key,.mp4,.webm,video/mp4,video/webm"');
    expect(html).toContain('<option value="slides" selected="">Slides</option>');
    expect(await tableCounts(ctx.db)).toEqual(counts);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('refuses an empty file and a missing source', async () => {
    const ctx = await buildMaterialsApp();
    const empty = await ctx.app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload({ kind: 'slides', title: 'Slides' }, { name: 'slides.pdf', bytes: new Uint8Array(0) }),
    );
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('The file is empty.');
    // A form whose file input was left empty sends a nameless, empty part: that is "no file".
    const none = await ctx.app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload({ kind: 'slides', title: 'Slides' }, { name: '', bytes: new Uint8Array(0) }),
    );
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Give the address (https://…) of the material, or choose a file to upload.');
    expect(await materialRows(ctx)).toEqual([]);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('keeps neither the file nor the row when the row cannot be inserted', async () => {
    const ctx = await buildMaterialsApp();
    await refuseInserts(ctx.db, 'material', 'disk full');
    // 1.3 MB: three pieces are written before the row is refused, and rolled back with it.
    const res = await ctx.app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload({ kind: 'slides', title: 'Slides' }, { name: 's.pdf', bytes: largePdf(1_300_000) }),
    );
    expect(res.status).toBe(500);
    expect(ctx.logged.map((entry) => entry.message)).toEqual([`Unhandled error on POST /admin/webinars/${PAST_CVC}/materials`]);
    expect(await materialRows(ctx)).toEqual([]);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('answers 404 for an unknown webinar', async () => {
    const ctx = await buildMaterialsApp();
    const res = await ctx.app.request(
      '/admin/webinars/no-such-webinar/materials',
      upload({ kind: 'slides', title: 'Slides' }, { name: 's.pdf', bytes: SAMPLES.pdf }),
    );
    expect(res.status).toBe(404);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('deletes a material with its stored file, and only from its own webinar', async () => {
    const ctx = await buildMaterialsApp();
    const material = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Slides' }, { name: 's.pdf', bytes: SAMPLES.pdf });
    expect(await storedFiles(ctx.db)).toEqual([material.file!.storedName]);
    const wrong = await ctx.app.request(`/admin/webinars/${PAST_CHINA}/materials/${material.id}/delete`, { method: 'POST' });
    expect(wrong.status).toBe(404);
    expect(await materialRows(ctx)).toHaveLength(1);
    expect(await storedFiles(ctx.db)).toEqual([material.file!.storedName]);

    ctx.clock.advance(5);
    const res = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials/${material.id}/delete`, { method: 'POST' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/webinars/${PAST_CVC}#materials`);
    expect(await materialRows(ctx)).toEqual([]);
    expect(await storedFiles(ctx.db)).toEqual([]);
    expect((await webinarRow(ctx, PAST_CVC)).updated_at).toBe('2027-02-01T12:05:00Z');
    expect((await ctx.app.request(`/materials/${material.id}/s.pdf`)).status).toBe(404);
  });
});

describe('serving files', () => {
  it('serves a public file with its detected type, a safe download name, nosniff, length and caching', async () => {
    const ctx = await buildMaterialsApp();
    const material = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Slides' }, { name: 'Översikt "final".pdf', bytes: SAMPLES.pdf });
    const res = await ctx.app.request(`/materials/${material.id}/anything.pdf`);
    expect(res.status).toBe(200);
    expect(
      Object.fromEntries(
        ['content-type', 'content-disposition', 'x-content-type-options', 'content-length', 'cache-control'].map((h) => [h, res.headers.get(h)]),
      ),
    ).toEqual({
      'content-type': PDF,
      'content-disposition': `attachment; filename="Oversikt _final_.pdf"; filename*=UTF-8''%C3%96versikt%20_final_.pdf`,
      'x-content-type-options': 'nosniff',
      'content-length': String(SAMPLES.pdf.length),
      'cache-control': 'public, max-age=3600',
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(SAMPLES.pdf);
    const head = await ctx.app.request(`/materials/${material.id}/x.pdf`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(SAMPLES.pdf.length));
    expect(await head.text()).toBe('');
  });

  it('stores a 1.3 MB PDF as three pieces of 512 KiB and serves it byte for byte with its length', async () => {
    const ctx = await buildMaterialsApp();
    const pdf = largePdf(1_300_000);
    const res = await ctx.app.request(`/admin/webinars/${PAST_CVC}/materials`, upload({ kind: 'slides', title: 'Slides' }, { name: 'deck.pdf', bytes: pdf }));
    expect(res.status).toBe(303);
    const [row] = await materialRows(ctx);
    expect(row!.size_bytes).toBe(1_300_000);
    expect(await chunkSizes(ctx.db, row!.file_name!)).toEqual([524_288, 524_288, 251_424]);

    const file = await ctx.app.request(`/materials/${row!.id}/deck.pdf`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-length')).toBe('1300000');
    expect(file.headers.get('content-type')).toBe(PDF);
    const body = new Uint8Array(await file.arrayBuffer());
    expect(body.length).toBe(1_300_000);
    expect(Buffer.compare(body, pdf)).toBe(0);
  });

  it('reads the stored file one piece at a time, as the download asks for it', async () => {
    const ctx = await buildMaterialsApp();
    const material = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Slides' }, { name: 'deck.pdf', bytes: largePdf(1_300_000) });
    const res = await ctx.app.request(`/materials/${material.id}/deck.pdf`);
    const reader = res.body!.getReader();
    const sizes: number[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) sizes.push(read.value.length);
    expect(sizes).toEqual([524_288, 524_288, 251_424]);
  });

  it('answers HEAD with the download’s headers and no body', async () => {
    const ctx = await buildMaterialsApp();
    const material = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Slides' }, { name: 'deck.pdf', bytes: largePdf(1_300_000) });
    const head = await ctx.app.request(`/materials/${material.id}/deck.pdf`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(
      Object.fromEntries(
        ['content-type', 'content-disposition', 'x-content-type-options', 'content-length', 'cache-control'].map((h) => [h, head.headers.get(h)]),
      ),
    ).toEqual({
      'content-type': PDF,
      'content-disposition': `attachment; filename="deck.pdf"; filename*=UTF-8''deck.pdf`,
      'x-content-type-options': 'nosniff',
      'content-length': '1300000',
      'cache-control': 'public, max-age=3600',
    });
    expect(head.body).toBe(null);
  });

  it('answers 404 for a material whose stored file is missing, as for a missing file', async () => {
    const ctx = await buildMaterialsApp();
    const confirmed = await registerBefore(ctx, [PAST_CVC], 'confirmed@example.org');
    const open = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Slides' }, { name: 's.pdf', bytes: SAMPLES.pdf });
    const closed = await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'Deck', visibility: 'attendees' }, { name: 'd.pdf', bytes: SAMPLES.pdf });
    await ctx.db.deleteFrom('file_chunk').execute();
    for (const [path, method] of [
      [`/materials/${open.id}/s.pdf`, 'GET'],
      [`/materials/${open.id}/s.pdf`, 'HEAD'],
      [`/my/${confirmed.token}/materials/${closed.id}/d.pdf`, 'GET'],
    ] as const) {
      const res = await ctx.app.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^text\/html/);
    }
  });

  it('answers 404 for unknown ids, URL materials and files of a draft webinar', async () => {
    const ctx = await buildMaterialsApp();
    const link = await seedMaterial(ctx, PAST_CVC, { kind: 'link', title: 'Article', url: 'https://example.org/a' });
    const draft = await seedMaterial(ctx, UPCOMING, { kind: 'slides', title: 'Draft slides' }, { name: 's.pdf', bytes: SAMPLES.pdf });
    await updateWebinar(ctx.db, ctx.clock, UPCOMING, { status: 'draft' });
    for (const path of [`/materials/${link.id}/a`, `/materials/${draft.id}/s.pdf`, '/materials/999/x.pdf', '/materials/abc/x.pdf', '/materials/-1/x.pdf']) {
      expect((await ctx.app.request(path)).status, path).toBe(404);
    }
  });

  it('serves attendees-only files only through the link of a confirmed attendee of that webinar', async () => {
    const ctx = await buildMaterialsApp();
    const confirmed = await registerBefore(ctx, [PAST_CVC], 'confirmed@example.org');
    const cancelled = await registerBefore(ctx, [PAST_CVC], 'cancelled@example.org', { cancel: true });
    const elsewhere = await registerBefore(ctx, [PAST_CHINA], 'elsewhere@example.org');
    const material = await seedMaterial(
      ctx,
      PAST_CVC,
      { kind: 'slides', title: 'Full deck', visibility: 'attendees' },
      { name: 'deck.key', bytes: SAMPLES.keynote },
    );

    expect((await ctx.app.request(`/materials/${material.id}/deck.key`)).status).toBe(404);
    const res = await ctx.app.request(`/my/${confirmed.token}/materials/${material.id}/deck.key`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.keynote');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="deck.key"; filename*=UTF-8''deck.key`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(SAMPLES.keynote);

    for (const token of [cancelled.token, elsewhere.token, 'A'.repeat(43), 'short']) {
      const refused = await ctx.app.request(`/my/${token}/materials/${material.id}/deck.key`);
      expect(refused.status, token).toBe(404);
      expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });
});

describe('two app instances on one database', () => {
  it('give two files uploaded to one webinar at the same moment positions 0 and 1, and each serves both', async () => {
    const ctx = await buildMaterialsApp();
    const token = 'instance-test-token-0123456789abcdef';
    const instances = [1, 2].map(() => createApp({ db: ctx.db, clock: ctx.clock, baseUrl: TEST_BASE_URL, apiToken: token, log: () => {} }));
    const post = (app: (typeof instances)[number], name: string, bytes: Uint8Array) =>
      app.request(`/api/webinars/${PAST_CVC}/materials`, {
        ...upload({ kind: 'slides', title: name }, { name, bytes }),
        headers: { authorization: `Bearer ${token}` },
      });
    // Someone else holds the webinar while both requests arrive, so that they meet at the same
    // point in every run, not only when the timing is unlucky: without addMaterial's lock on the
    // webinar, PostgreSQL then refuses one of them (409) every time.
    let both: Promise<Response[]> | undefined;
    await ctx.db.transaction().execute(async (trx) => {
      await lockWebinars(trx, { slugs: [PAST_CVC] });
      both = Promise.all([post(instances[0]!, 'one.pdf', largePdf(600_000)), post(instances[1]!, 'two.pdf', SAMPLES.pdf)]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const [first, second] = await both!;
    expect([first!.status, second!.status]).toEqual([201, 201]);

    const rows = await materialRows(ctx);
    expect(rows.map((row) => row.position).sort()).toEqual([0, 1]);
    expect(await storedFiles(ctx.db)).toEqual(rows.map((row) => row.file_name).sort());
    for (const row of rows) {
      for (const app of instances) {
        const file = await app.request(`/materials/${row.id}/${row.original_name}`);
        expect(file.status).toBe(200);
        expect(new Uint8Array(await file.arrayBuffer()).length).toBe(row.size_bytes);
      }
    }
  });
});

describe('the JSON API', () => {
  it('creates a recording link and answers 201 with the material', async () => {
    const ctx = await buildMaterialsApp();
    const res = await ctx.app.request(
      `/api/webinars/${PAST_CVC}/materials`,
      json({ kind: 'recording', title: 'Recording', url: 'https://vimeo.com/76979871' }),
    );
    expect(res.status).toBe(201);
    const [row] = await materialRows(ctx);
    expect(await res.json()).toEqual({
      id: row!.id,
      webinar: PAST_CVC,
      kind: 'recording',
      title: 'Recording',
      visibility: 'public',
      url: 'https://vimeo.com/76979871',
      file: null,
      notified: 0,
    });
  });

  it('takes a multipart upload and answers with the absolute file address', async () => {
    const ctx = await buildMaterialsApp();
    const res = await ctx.app.request(
      `/api/webinars/${PAST_CVC}/materials`,
      upload({ kind: 'slides', title: 'Slides' }, { name: 'slides.odp', bytes: SAMPLES.odp }),
    );
    expect(res.status).toBe(201);
    const [row] = await materialRows(ctx);
    expect(await res.json()).toEqual({
      id: row!.id,
      webinar: PAST_CVC,
      kind: 'slides',
      title: 'Slides',
      visibility: 'public',
      url: `${TEST_BASE_URL}/materials/${row!.id}/slides.odp`,
      file: { name: 'slides.odp', contentType: 'application/vnd.oasis.opendocument.presentation', sizeBytes: SAMPLES.odp.length },
      notified: 0,
    });
    const file = await ctx.app.request(`/materials/${row!.id}/slides.odp`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.presentation');
  });

  it('answers 422 with a message per field, 400 for an unreadable body, 404 for an unknown webinar, storing nothing', async () => {
    const ctx = await buildMaterialsApp();
    const counts = await tableCounts(ctx.db);
    const invalid = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, json({ kind: 'podcast', title: 'x'.repeat(201), url: 'ftp://example.org/x' }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error: 'Kind must be one of: recording, slides, link. Title must be at most 200 characters. Address must be a full https:// address.',
      fields: {
        kind: 'Kind must be one of: recording, slides, link.',
        title: 'Title must be at most 200 characters.',
        url: 'Address must be a full https:// address.',
      },
    });
    const renamed = await ctx.app.request(
      `/api/webinars/${PAST_CVC}/materials`,
      upload({ kind: 'slides', title: 'Slides' }, { name: 'slides.pdf', bytes: SAMPLES.text }),
    );
    expect(renamed.status).toBe(422);
    expect(((await renamed.json()) as { fields: Record<string, string> }).fields.file).toMatch(/^This file is not a PDF/);
    const broken = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, {
      method: 'POST',
      body: '{"kind":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'The body is not valid JSON.', fields: { body: 'The body is not valid JSON.' } });
    const text = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(400);
    const unknown = await ctx.app.request(
      '/api/webinars/no-such-webinar/materials',
      json({ kind: 'recording', title: 'R', url: 'https://youtu.be/dQw4w9WgXcQ' }),
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'There is no webinar called "no-such-webinar".' });
    expect(await tableCounts(ctx.db)).toEqual(counts);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('refuses a body over 51 MB with 413 and stores nothing', async () => {
    const ctx = await buildMaterialsApp();
    const big = new Uint8Array(52 * 1024 * 1024);
    big.set(SAMPLES.pdf);
    const res = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, upload({ kind: 'slides', title: 'Huge' }, { name: 'huge.pdf', bytes: big }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'The request is too large (at most 51 MB).',
      fields: { file: 'The file is larger than 50 MB. Upload a video as a recording (up to 2 GB), or publish large files as a link.' },
    });
    expect(await materialRows(ctx)).toEqual([]);
    expect(await storedFiles(ctx.db)).toEqual([]);
  });

  it('announces a recording by itself, and with notify: true sends the gathering announcement at once, one email listing everything', async () => {
    const ctx = await buildMaterialsApp();
    await registerBefore(ctx, [PAST_CVC], 'one@example.org');
    const slides = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, json({ kind: 'slides', title: 'Slides', url: 'https://example.org/s.pdf' }));
    expect(((await slides.json()) as { notified: number }).notified).toBe(0);
    const recording = await ctx.app.request(
      `/api/webinars/${PAST_CVC}/materials`,
      json({ kind: 'recording', title: 'Recording', url: 'https://youtu.be/dQw4w9WgXcQ' }),
    );
    expect(recording.status).toBe(201);
    expect(((await recording.json()) as { notified: number }).notified).toBe(1);
    const joined = await ctx.app.request(`/api/webinars/${PAST_CVC}/materials`, json({ kind: 'link', title: 'Article', url: 'https://example.org/a' }));
    expect(((await joined.json()) as { notified: number }).notified).toBe(0);
    const link = await ctx.app.request(
      `/api/webinars/${PAST_CVC}/materials`,
      json({ kind: 'link', title: 'More', url: 'https://example.org/b', notify: true }),
    );
    expect(((await link.json()) as { notified: number }).notified).toBe(1);
    const emails = await ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body', 'next_attempt_at'])
      .where('kind', '=', 'materials-available')
      .execute();
    expect(emails.map(({ text_body: _, ...rest }) => rest)).toEqual([
      {
        to_address: 'one@example.org',
        subject: 'Now available: the recording and slides of Corporate venture capital: lessons from Silicon Valley',
        next_attempt_at: '2027-02-01T12:00:00Z',
      },
    ]);
    expect(emails[0]!.text_body).toContain('- Slides\n- Recording\n- Link: Article\n- Link: More');
  });
});

describe('GET /recordings', () => {
  it('shows an empty state before anything is published', async () => {
    const ctx = await buildMaterialsApp();
    const res = await ctx.app.request('/recordings');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('No recordings yet: they appear here after each webinar, once published.');
    expect(html).toContain('<a href="/recordings" aria-current="page">');
  });

  it('lists past published webinars with public materials, newest first, each with its date', async () => {
    const ctx = await buildMaterialsApp();
    await seedMaterial(ctx, PAST_CVC, { kind: 'recording', title: 'CVC recording', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    await seedMaterial(ctx, PAST_CVC, { kind: 'slides', title: 'CVC slides' }, { name: 'cvc.pdf', bytes: SAMPLES.pdf });
    await seedMaterial(ctx, PAST_CHINA, { kind: 'recording', title: 'China recording', url: 'https://media.example.org/china.mp4' });
    // Not listed: attendees-only, and an upcoming webinar.
    await seedMaterial(ctx, PAST_CHINA, { kind: 'slides', title: 'Private China slides', visibility: 'attendees', url: 'https://example.org/private' });
    await seedMaterial(ctx, UPCOMING, { kind: 'slides', title: 'Advance slides', url: 'https://example.org/advance' });

    const html = await (await ctx.app.request('/recordings?tz=Asia/Shanghai')).text();
    expect(datetimes(html)).toEqual(['2027-01-21T16:00:00+08:00', '2026-12-18T00:00:00+08:00']);
    expect(html.indexOf('Open innovation platforms in China')).toBeLessThan(html.indexOf('Corporate venture capital: lessons from Silicon Valley'));
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="CVC recording (YouTube video)"');
    expect(html).toContain('<video controls="" preload="metadata" title="China recording"');
    expect(html).toContain('<source src="https://media.example.org/china.mp4" type="video/mp4"/>');
    expect(html).toMatch(/<a href="\/materials\/\d+\/cvc.pdf" download="">Slides: CVC slides/);
    expect(html).not.toContain('Private China slides');
    expect(html).not.toContain('Advance slides');
  });
});

describe('guards passed in by the lead', () => {
  it('run after the body limit, so that a CSRF guard never reads an oversized upload', async () => {
    const ctx = await buildMaterialsApp();
    const seen: string[] = [];
    // Stands in for requireCsrf: it reads the `_csrf` field of the form.
    const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
      const sent = (await c.req.parseBody({ all: true }))._csrf;
      seen.push(String(sent));
      if (sent !== CSRF) throw new HTTPException(403, { message: 'This form has expired.' });
      await next();
    };
    const app = new Hono<AppEnv>();
    app.onError(handleErrors({ siteTitle: async () => 'Hub', log: () => {} }));
    app.route('/', materialAdminRoutes({ ...ctx.deps, guards: [csrfGuard] }));

    const tooLarge = await app.request(`/admin/webinars/${PAST_CVC}/materials`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(UPLOAD_BODY_LIMIT + 1) },
    });
    expect(tooLarge.status).toBe(413);
    expect(seen).toEqual([]);

    const forged = await app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload({ _csrf: 'wrong', kind: 'slides', title: 'S' }, { name: 's.pdf', bytes: SAMPLES.pdf }),
    );
    expect(forged.status).toBe(403);
    const good = await app.request(
      `/admin/webinars/${PAST_CVC}/materials`,
      upload({ _csrf: CSRF, kind: 'slides', title: 'S' }, { name: 's.pdf', bytes: SAMPLES.pdf }),
    );
    expect(good.status).toBe(303);
    expect(seen).toEqual(['wrong', CSRF]);
    expect(await materialRows(ctx)).toHaveLength(1);
    expect(await storedFiles(ctx.db)).toHaveLength(1);
  });
});
